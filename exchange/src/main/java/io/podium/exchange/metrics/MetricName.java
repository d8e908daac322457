package io.podium.exchange.metrics;

/** Every metric Podium exports, in one place: its Prometheus name, type and help text. */
public enum MetricName {
    AUCTIONS("podium_auctions_total", Type.COUNTER, "Auction requests by outcome (won, no_bid, invalid, shed)"),
    AUCTION_LATENCY("podium_auction_latency_seconds", Type.SUMMARY, "Time from request arrival to response written"),
    EXCHANGE_OVERHEAD("podium_exchange_overhead_seconds", Type.SUMMARY,
            "Auction latency minus the wait for the slowest bidder"),
    SHED("podium_shed_total", Type.COUNTER, "Requests answered at once with a no-bid because of the concurrency cap"),
    IN_FLIGHT("podium_auctions_in_flight", Type.GAUGE, "Auctions being processed now"),
    BIDDER_REQUESTS("podium_bidder_requests_total", Type.COUNTER, "Bid requests sent per bidder"),
    BIDDER_SKIPPED("podium_bidder_skipped_total", Type.COUNTER,
            "Bidders not called, by reason (no_imps, seat_blocked, qps_cap, circuit_open, no_time)"),
    BIDDER_LATENCY("podium_bidder_latency_seconds", Type.SUMMARY, "Bidder response time (answers inside the deadline)"),
    BIDDER_BIDS("podium_bidder_bids_total", Type.COUNTER, "Bids received per bidder"),
    BIDDER_WINS("podium_bidder_wins_total", Type.COUNTER, "Auctions won per bidder"),
    BIDDER_NO_BIDS("podium_bidder_no_bids_total", Type.COUNTER, "No-bid answers per bidder and nbr reason"),
    BIDDER_TIMEOUTS("podium_bidder_timeouts_total", Type.COUNTER, "Bidders that had not answered at the deadline"),
    BIDDER_LATE("podium_bidder_late_total", Type.COUNTER, "Answers that arrived after the auction closed, dropped"),
    BIDDER_ERRORS("podium_bidder_errors_total", Type.COUNTER,
            "Failed bidder calls by kind (connect, http_status, malformed, invalid, too_large)"),
    BIDS_REJECTED("podium_bids_rejected_total", Type.COUNTER, "Bids that lost or were rejected, by OpenRTB loss reason"),
    BREAKER_STATE("podium_bidder_circuit_state", Type.GAUGE, "Circuit breaker: 0 closed, 1 open, 2 ramping up"),
    NOTICES("podium_notices_total", Type.COUNTER,
            "Notices and player events received by type and result (ok, duplicate, forbidden, expired)"),
    CAMPAIGN_CHARGES("podium_campaign_charges_total", Type.COUNTER,
            "Billing notices of campaign wins by what the ledger did (charged_reservation, charged_remote, "
                    + "charged_from_bucket, duplicate, refused_no_budget)"),
    CAMPAIGN_CHARGE_MICROS("podium_campaign_charge_micros_total", Type.COUNTER,
            "Cost carried by billing notices of campaign wins, micros, by what the ledger did"),
    VAST_ERRORS("podium_vast_errors_total", Type.COUNTER, "VAST errors players reported on served ads, by error code"),
    VIDEO_PODS("podium_video_pods_total", Type.COUNTER,
            "Pod requests (/vast/v1/pod) by result (filled, empty, invalid) and ads dropped (dropped_ads)"),
    NOTICE_FORWARDS("podium_notice_forwards_total", Type.COUNTER, "Calls to DSP notice URLs by type and result"),
    SSAI_REQUESTS("podium_ssai_requests_total", Type.COUNTER,
            "SSAI requests by endpoint (master, variant, segment) and result (ok or the refusal kind)");

    public enum Type { COUNTER, GAUGE, SUMMARY }

    private final String promName;
    private final Type type;
    private final String help;

    MetricName(String promName, Type type, String help) {
        this.promName = promName;
        this.type = type;
        this.help = help;
    }

    public String promName() {
        return promName;
    }

    public Type type() {
        return type;
    }

    public String help() {
        return help;
    }
}
