package io.podium.simulator.day;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What the traffic generator saw over the day: end-to-end latency of the auction requests
 * (HdrHistogram, microseconds; overall and per quarter hour), requests, imps and filled imps
 * per quarter hour, failures, and what each campaign was charged according to the billing
 * notices the nodes accepted.
 */
final class DayRecorder {
    static final int QUARTERS = 96;
    private static final long HIGHEST_MICROS = 120_000_000L;

    private final Map<TrafficFactory.Kind, Histogram> latency = new EnumMap<>(TrafficFactory.Kind.class);
    private final Histogram[] auctionLatencyByQuarter = new Histogram[QUARTERS];
    private final AtomicLongArray requests = new AtomicLongArray(QUARTERS);
    private final AtomicLongArray imps = new AtomicLongArray(QUARTERS);
    private final AtomicLongArray filled = new AtomicLongArray(QUARTERS);
    private final Map<TrafficFactory.Kind, LongAdder> byKind = new EnumMap<>(TrafficFactory.Kind.class);
    private final LongAdder failures = new LongAdder();
    private final LongAdder noNode = new LongAdder();
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> noticeStatuses =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLongArray charged;
    private final LongAdder waitedNanos = new LongAdder();

    DayRecorder(int campaigns) {
        for (TrafficFactory.Kind k : TrafficFactory.Kind.values()) {
            latency.put(k, new Histogram(HIGHEST_MICROS, 2));
            byKind.put(k, new LongAdder());
        }
        for (int q = 0; q < QUARTERS; q++) {
            auctionLatencyByQuarter[q] = new Histogram(HIGHEST_MICROS, 2);
        }
        charged = new AtomicLongArray(campaigns);
    }

    static int quarter(int second) {
        return Math.min(QUARTERS - 1, second / 900);
    }

    /** A request answered (or failed): its kind, when, how long it took, its imps and how many were filled. */
    void request(TrafficFactory.Kind kind, int second, long nanos, int impCount, int filledCount, boolean failed) {
        int q = quarter(second);
        byKind.get(kind).increment();
        requests.incrementAndGet(q);
        imps.addAndGet(q, impCount);
        filled.addAndGet(q, filledCount);
        if (failed) {
            failures.increment();
        }
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1000));
        Histogram h = latency.get(kind);
        synchronized (h) {
            h.recordValue(micros);
        }
        if (kind == TrafficFactory.Kind.BANNER || kind == TrafficFactory.Kind.VIDEO) {
            Histogram hq = auctionLatencyByQuarter[q];
            synchronized (hq) {
                hq.recordValue(micros);
            }
        }
    }

    /** A request that found no live node. */
    void noNode() {
        noNode.increment();
    }

    /** A notice or beacon fired: its path kind ({@code bill}, {@code seg}, ...) and HTTP status (0 = failed call). */
    void notice(String kind, int status) {
        noticeStatuses.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
    }

    /** Notices fired by kind and status, e.g. {@code "bill 204" -> 1234}. */
    java.util.Map<String, Long> noticeStatuses() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        noticeStatuses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private final java.util.Map<Integer, java.util.Queue<String>> chargeIds = new java.util.concurrent.ConcurrentHashMap<>();

    /** A campaign's billing notice {@code chargeId} was accepted, carrying {@code micros}. */
    void charged(int campaign, long micros, String chargeId) {
        chargeIds.computeIfAbsent(campaign, k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(chargeId);
        charged.addAndGet(campaign, micros);
    }

    /** The charge ids of a campaign's accepted billing notices. */
    java.util.List<String> chargeIds(int campaign) {
        return java.util.List.copyOf(chargeIds.getOrDefault(campaign, new java.util.ArrayDeque<>()));
    }

    void waited(long nanos) {
        waitedNanos.add(nanos);
    }

    long charged(int campaign) {
        return charged.get(campaign);
    }

    /** OpenRTB (banner and video) latency over the day. */
    Histogram auctionLatency() {
        Histogram all = new Histogram(HIGHEST_MICROS, 2);
        for (TrafficFactory.Kind k : new TrafficFactory.Kind[] {TrafficFactory.Kind.BANNER, TrafficFactory.Kind.VIDEO}) {
            Histogram h = latency.get(k);
            synchronized (h) {
                all.add(h);
            }
        }
        return all;
    }

    Histogram latency(TrafficFactory.Kind kind) {
        Histogram h = latency.get(kind);
        synchronized (h) {
            return h.copy();
        }
    }

    Histogram quarterLatency(int q) {
        Histogram h = auctionLatencyByQuarter[q];
        synchronized (h) {
            return h.copy();
        }
    }

    long requests(int q) {
        return requests.get(q);
    }

    long imps(int q) {
        return imps.get(q);
    }

    long filled(int q) {
        return filled.get(q);
    }

    long requests(TrafficFactory.Kind kind) {
        return byKind.get(kind).sum();
    }

    long totalRequests() {
        long n = 0;
        for (int q = 0; q < QUARTERS; q++) {
            n += requests.get(q);
        }
        return n;
    }

    long failures() {
        return failures.sum();
    }

    long noNodeCount() {
        return noNode.sum();
    }

    long notices() {
        return noticeStatuses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Notices that got no answer (status 0) or 400 and up. */
    long noticeFailures() {
        long n = 0;
        for (var e : noticeStatuses.entrySet()) {
            int status = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf(' ') + 1));
            n += status == 0 || status >= 400 ? e.getValue().sum() : 0;
        }
        return n;
    }

    double waitedSeconds() {
        return waitedNanos.sum() / 1e9;
    }
}
