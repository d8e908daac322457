package io.podium.exchange.auction;

import io.podium.exchange.bidder.BidderResult;
import io.podium.exchange.bidder.FanOut;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Imp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One auction from a validated request to its outcome: fan out to the bidders, screen their
 * bids, run each imp's auction. The future completes by the deadline (the fan-out closes
 * then) and never fails. Thread-safe.
 */
public final class AuctionService {
    private final FanOut fanOut;
    private final BidScreen screen;
    private final ImpAuction impAuction;
    private final Metrics metrics;
    private final io.podium.exchange.campaign.CampaignDemand campaigns;

    /** @param campaigns Podium's own campaigns as demand, or null for external bidders only */
    public AuctionService(FanOut fanOut, BidScreen screen, ImpAuction impAuction, Metrics metrics,
                          io.podium.exchange.campaign.CampaignDemand campaigns) {
        this.campaigns = campaigns;
        this.fanOut = fanOut;
        this.screen = screen;
        this.impAuction = impAuction;
        this.metrics = metrics;
    }

    public CompletableFuture<AuctionOutcome> run(BidRequest request, Deadline deadline) {
        String tid = request.hasSource() && request.getSource().hasTid() && !request.getSource().getTid().isEmpty()
                ? request.getSource().getTid() : UUID.randomUUID().toString();
        BidderResult internal = campaigns == null ? null : campaigns.bid(request);
        return fanOut.collect(request, tid, deadline).thenApply(results -> {
            List<BidderResult> all = results;
            if (internal != null) {
                all = new ArrayList<>(results.size() + 1);
                all.add(internal);
                all.addAll(results);
            }
            AuctionOutcome outcome = decide(request, all, deadline);
            if (campaigns != null) {
                campaigns.release(outcome);
            }
            return outcome;
        });
    }

    AuctionOutcome decide(BidRequest request, List<BidderResult> results, Deadline deadline) {
        Map<String, List<CandidateBid>> byImp = new HashMap<>();
        List<RejectedBid> losers = new ArrayList<>();
        long slowest = 0;
        int arrival = 0;
        for (BidderResult r : results) {
            record(r);
            slowest = Math.max(slowest, r.latencyNanos() >= 0 ? r.latencyNanos()
                    : System.nanoTime() - deadline.arrivalNanos());
            if (r.status() != BidderResult.Status.BIDS) {
                continue;
            }
            int order = arrival++;
            screen.screen(r.sent(), r.bidder().id(), r.bidder().seat(), r.response(), order, new BidScreen.Sink() {
                @Override
                public void accept(CandidateBid bid) {
                    byImp.computeIfAbsent(bid.bid().getImpid(), k -> new ArrayList<>()).add(bid);
                }

                @Override
                public void reject(RejectedBid bid) {
                    losers.add(bid);
                }
            });
        }
        int at = request.hasAt() ? request.getAtValue() : 2;
        List<ImpWin> wins = new ArrayList<>();
        for (Imp imp : request.getImpList()) {
            List<CandidateBid> candidates = byImp.get(imp.getId());
            if (candidates == null) {
                continue;
            }
            ImpAuction.Result result = impAuction.run(imp, at, candidates);
            if (result.win() != null) {
                wins.add(result.win());
                metrics.increment(MetricName.BIDDER_WINS, "bidder", result.win().winner().bidderId());
            }
            losers.addAll(result.losers());
        }
        for (RejectedBid loser : losers) {
            metrics.increment(MetricName.BIDS_REJECTED, "bidder", loser.bidderId(), "reason",
                    Integer.toString(loser.lossReason()));
        }
        return new AuctionOutcome(request, wins, losers, results, slowest);
    }

    private void record(BidderResult r) {
        String id = r.bidder().id();
        switch (r.status()) {
            case BIDS:
                metrics.recordNanos(MetricName.BIDDER_LATENCY, r.latencyNanos(), "bidder", id);
                int bids = 0;
                for (var sb : r.response().getSeatbidList()) {
                    bids += sb.getBidCount();
                }
                metrics.add(MetricName.BIDDER_BIDS, bids, "bidder", id);
                break;
            case NO_BID:
                metrics.recordNanos(MetricName.BIDDER_LATENCY, r.latencyNanos(), "bidder", id);
                metrics.increment(MetricName.BIDDER_NO_BIDS, "bidder", id, "reason", Integer.toString(r.noBidReason()));
                break;
            case TIMEOUT:
                metrics.increment(MetricName.BIDDER_TIMEOUTS, "bidder", id);
                break;
            default:
                String kind = r.error() == null ? "unknown" : r.error().split(":", 2)[0];
                metrics.increment(MetricName.BIDDER_ERRORS, "bidder", id, "kind", kind);
                break;
        }
    }
}
