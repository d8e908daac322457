package io.podium.exchange.bidder;

import io.podium.exchange.auction.Deadline;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.openrtb.BidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Sends one auction's request to every eligible bidder at once and collects the answers
 * until all have answered or the deadline passes, whichever comes first. A bidder that
 * has not answered by then is reported as {@link BidderResult.Status#TIMEOUT}; its answer,
 * if it still comes, is dropped and counted as late. The returned future completes exactly
 * once and never fails. Thread-safe.
 */
public final class FanOut {
    private final List<Bidder> bidders;
    private final BidderRequestFactory requests;
    private final ScheduledExecutorService timer;
    private final Metrics metrics;
    private final io.podium.exchange.openrtb.OpenRtbJsonCodec codec;

    private final int lateGraceMs;

    /**
     * @param lateGraceMs how long past the deadline a bidder call stays open, so that a late
     *                    answer is read and counted rather than cut off unseen
     */
    public FanOut(List<Bidder> bidders, BidderRequestFactory requests, ScheduledExecutorService timer, Metrics metrics,
                  io.podium.exchange.openrtb.OpenRtbJsonCodec codec, int lateGraceMs) {
        this.codec = codec;
        this.lateGraceMs = lateGraceMs;
        this.bidders = List.copyOf(bidders);
        this.requests = requests;
        this.timer = timer;
        this.metrics = metrics;
    }

    public List<Bidder> bidders() {
        return bidders;
    }

    public CompletableFuture<List<BidderResult>> collect(BidRequest request, String tid, Deadline deadline) {
        long now = System.nanoTime();
        int tmax = deadline.remainingMillis(now);
        List<Bidder> called = new ArrayList<>(bidders.size());
        List<BidRequest> sent = new ArrayList<>(bidders.size());
        BidRequest prepared = tmax > 0 ? requests.prepare(request, tid, tmax) : request;
        for (Bidder bidder : bidders) {
            BidRequest tailored = admit(prepared, bidder, tmax);
            if (tailored != null) {
                called.add(bidder);
                sent.add(tailored);
            }
        }
        if (called.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Collection collection = new Collection(called, sent);
        EncodedRequests encoded = new EncodedRequests(codec);
        for (int i = 0; i < called.size(); i++) {
            Bidder bidder = called.get(i);
            long timeout = bidder.config().timeoutMs() > 0 ? Math.min(tmax, bidder.config().timeoutMs())
                    : tmax + (long) lateGraceMs;
            metrics.increment(MetricName.BIDDER_REQUESTS, "bidder", bidder.id());
            int slot = i;
            bidder.call(sent.get(i), encoded, timeout).thenAccept(r -> collection.arrive(slot, r));
        }
        collection.timeout = timer.schedule(collection::close, Math.max(0, deadline.remainingNanos(System.nanoTime())),
                TimeUnit.NANOSECONDS);
        return collection.done;
    }

    private BidRequest admit(BidRequest request, Bidder bidder, int tmax) {
        if (tmax <= 0) {
            metrics.increment(MetricName.BIDDER_SKIPPED, "bidder", bidder.id(), "reason", "no_time");
            return null;
        }
        if (requests.skipReason(request, bidder.config()) != null) {
            metrics.increment(MetricName.BIDDER_SKIPPED, "bidder", bidder.id(), "reason", "seat_blocked");
            return null;
        }
        BidRequest tailored = requests.tailor(request, bidder.config());
        if (tailored == null) {
            metrics.increment(MetricName.BIDDER_SKIPPED, "bidder", bidder.id(), "reason", "no_imps");
            return null;
        }
        if (!bidder.breaker().allow()) {
            metrics.increment(MetricName.BIDDER_SKIPPED, "bidder", bidder.id(), "reason", "circuit_open");
            return null;
        }
        if (!bidder.limiter().tryAcquire()) {
            metrics.increment(MetricName.BIDDER_SKIPPED, "bidder", bidder.id(), "reason", "qps_cap");
            return null;
        }
        return tailored;
    }

    /** The answers of one auction, closed once. */
    private final class Collection {
        final List<Bidder> called;
        final List<BidRequest> sent;
        final AtomicReferenceArray<BidderResult> results;
        final AtomicInteger pending;
        final CompletableFuture<List<BidderResult>> done = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeout;

        Collection(List<Bidder> called, List<BidRequest> sent) {
            this.called = called;
            this.sent = sent;
            this.results = new AtomicReferenceArray<>(called.size());
            this.pending = new AtomicInteger(called.size());
        }

        void arrive(int slot, BidderResult result) {
            if (done.isDone()) {
                if (result.status() != BidderResult.Status.TIMEOUT) {
                    metrics.increment(MetricName.BIDDER_LATE, "bidder", result.bidder().id());
                }
                return;
            }
            results.set(slot, result);
            if (pending.decrementAndGet() == 0) {
                ScheduledFuture<?> t = timeout;
                if (t != null) {
                    t.cancel(false);
                }
                close();
            }
        }

        void close() {
            List<BidderResult> out = new ArrayList<>(called.size());
            for (int i = 0; i < called.size(); i++) {
                BidderResult r = results.get(i);
                if (r == null) {
                    r = new BidderResult(called.get(i), sent.get(i), BidderResult.Status.TIMEOUT, null, 0,
                            "no answer before the auction deadline", -1);
                }
                out.add(r);
            }
            done.complete(out);
        }
    }
}
