package io.podium.exchange.auction;

import io.podium.exchange.bidder.BidderResult;
import io.podium.exchange.bidder.FanOut;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.pod.PodAssembler;
import io.podium.exchange.pod.PodRequest;
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
 * bids, run each imp's auction, and each ad pod's ({@link PodAuction}: the imps sharing a
 * {@code podid} are decided together, several ads per dynamic imp). The future completes by
 * the deadline (the fan-out closes then) and never fails. Thread-safe.
 *
 * <p>{@link #run} is the entry point for every caller, the OpenRTB endpoint as well as a VAST
 * pod endpoint: a request with one dynamic pod imp comes back with
 * {@link AuctionOutcome#pods()} holding the pod's ads in play order.
 */
public final class AuctionService {
    private final FanOut fanOut;
    private final BidScreen screen;
    private final ImpAuction impAuction;
    private final PodAuction podAuction;
    private final Metrics metrics;
    private final io.podium.exchange.campaign.CampaignDemand campaigns;
    private final java.time.Clock clock;

    /**
     * Pods are auctioned with the same second-price increment as imps.
     *
     * @param campaigns Podium's own campaigns as demand, or null for external bidders only
     */
    public AuctionService(FanOut fanOut, BidScreen screen, ImpAuction impAuction, Metrics metrics,
                          io.podium.exchange.campaign.CampaignDemand campaigns) {
        this(fanOut, screen, impAuction, metrics, campaigns, java.time.Clock.systemUTC());
    }

    /** @param clock the business clock: when an auction starts, which its notices carry */
    public AuctionService(FanOut fanOut, BidScreen screen, ImpAuction impAuction, Metrics metrics,
                          io.podium.exchange.campaign.CampaignDemand campaigns, java.time.Clock clock) {
        this(fanOut, screen, impAuction, new PodAuction(impAuction.incrementMicros(), new PodAssembler()), metrics,
                campaigns, clock);
    }

    public AuctionService(FanOut fanOut, BidScreen screen, ImpAuction impAuction, PodAuction podAuction,
                          Metrics metrics, io.podium.exchange.campaign.CampaignDemand campaigns) {
        this(fanOut, screen, impAuction, podAuction, metrics, campaigns, java.time.Clock.systemUTC());
    }

    /** @param clock the business clock: when an auction starts, which its notices carry */
    public AuctionService(FanOut fanOut, BidScreen screen, ImpAuction impAuction, PodAuction podAuction,
                          Metrics metrics, io.podium.exchange.campaign.CampaignDemand campaigns, java.time.Clock clock) {
        this.clock = clock;
        this.podAuction = podAuction;
        this.campaigns = campaigns;
        this.fanOut = fanOut;
        this.screen = screen;
        this.impAuction = impAuction;
        this.metrics = metrics;
    }

    /**
     * Runs one auction: Podium's campaigns bid at once, external bidders until the deadline.
     *
     * @param request a request that passed validation
     * @return completes by the deadline with the outcome, never exceptionally
     */
    public CompletableFuture<AuctionOutcome> run(BidRequest request, Deadline deadline) {
        String tid = request.hasSource() && request.getSource().hasTid() && !request.getSource().getTid().isEmpty()
                ? request.getSource().getTid() : UUID.randomUUID().toString();
        long startedAt = clock.millis();
        BidderResult internal = campaigns == null ? null : campaigns.bid(request);
        return fanOut.collect(request, tid, deadline).thenApply(results -> {
            List<BidderResult> all = results;
            if (internal != null) {
                all = new ArrayList<>(results.size() + 1);
                all.add(internal);
                all.addAll(results);
            }
            AuctionOutcome outcome = decide(request, all, deadline, startedAt);
            if (campaigns != null) {
                campaigns.release(outcome);
            }
            return outcome;
        });
    }

    AuctionOutcome decide(BidRequest request, List<BidderResult> results, Deadline deadline) {
        return decide(request, results, deadline, clock.millis());
    }

    AuctionOutcome decide(BidRequest request, List<BidderResult> results, Deadline deadline, long startedAtMillis) {
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
        List<PodRequest> podRequests = PodRequest.of(request);
        List<PodWin> pods = podRequests.isEmpty() ? List.of() : new ArrayList<>();
        Map<String, PodRequest> podOfImp = podRequests.isEmpty() ? Map.of() : new HashMap<>();
        for (PodRequest pod : podRequests) {
            for (Imp imp : pod.imps()) {
                podOfImp.put(imp.getId(), pod);
            }
        }
        for (Imp imp : request.getImpList()) {
            PodRequest pod = podOfImp.get(imp.getId());
            if (pod != null) {
                if (pod.imps().get(0).getId().equals(imp.getId())) {
                    runPod(pod, at, byImp, wins, pods, losers);
                }
                continue;
            }
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
        return new AuctionOutcome(request, wins, pods, losers, results, slowest, startedAtMillis);
    }

    private void runPod(PodRequest pod, int at, Map<String, List<CandidateBid>> byImp, List<ImpWin> wins,
                        List<PodWin> pods, List<RejectedBid> losers) {
        List<CandidateBid> candidates = new ArrayList<>();
        for (Imp imp : pod.imps()) {
            candidates.addAll(byImp.getOrDefault(imp.getId(), List.of()));
        }
        if (candidates.isEmpty()) {
            return;
        }
        PodAuction.Result result = podAuction.run(pod, at, candidates);
        if (result.win() != null) {
            pods.add(result.win());
        }
        for (ImpWin w : result.wins()) {
            wins.add(w);
            metrics.increment(MetricName.BIDDER_WINS, "bidder", w.winner().bidderId());
        }
        losers.addAll(result.losers());
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
