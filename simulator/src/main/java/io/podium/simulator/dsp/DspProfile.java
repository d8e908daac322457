package io.podium.simulator.dsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one mock DSP behaves: how long it takes, how often and how much it bids, which
 * advertisers and categories it brings, and which faults it injects. Immutable; every
 * value is checked in the canonical constructor, which throws {@link IllegalArgumentException}
 * naming the offending field.
 *
 * @param id             name of the DSP, used in bid ids and logs
 * @param seat           buyer seat written in {@code seatbid.seat}
 * @param latency        how long a normal answer takes
 * @param bidRate        probability of bidding on each eligible imp, 0..1
 * @param price          the DSP's valuation of an imp (CPM)
 * @param adomains       advertiser domains drawn from, at least one
 * @param categories     IAB content categories (taxonomy 1) drawn from, possibly empty
 * @param dealBidRate    probability of bidding on a deal when the imp carries {@code pmp.deals}, 0..1
 * @param slotInPodRate  probability that a pod bid asks for a specific {@code slotinpod}, 0..1
 * @param maxPodBids     most bids answered to one dynamic pod imp (further capped by {@code maxseq})
 * @param faults         fault mix applied to each bid request
 */
public record DspProfile(String id, String seat, Latency latency, double bidRate, Price price,
        List<String> adomains, List<String> categories, double dealBidRate, double slotInPodRate,
        int maxPodBids, Faults faults) {

    public DspProfile {
        requireText(id, "id");
        requireText(seat, "seat");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(faults, "faults");
        requireProbability(bidRate, "bidRate");
        requireProbability(dealBidRate, "dealBidRate");
        requireProbability(slotInPodRate, "slotInPodRate");
        adomains = List.copyOf(Objects.requireNonNull(adomains, "adomains"));
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        if (adomains.isEmpty()) {
            throw new IllegalArgumentException("adomains must name at least one advertiser domain");
        }
        if (Set.copyOf(adomains).size() != adomains.size()) {
            throw new IllegalArgumentException("adomains must be distinct, got " + adomains);
        }
        for (String d : adomains) {
            requireText(d, "adomains[]");
        }
        for (String c : categories) {
            requireText(c, "categories[]");
        }
        if (maxPodBids < 1 || maxPodBids > 32) {
            throw new IllegalArgumentException("maxPodBids must be within 1..32, got " + maxPodBids);
        }
    }

    /**
     * Log-normal answer delay with a heavy tail: with probability {@code tailProbability} the
     * drawn delay is multiplied by {@code tailMultiplier}.
     *
     * @param medianMs        median delay, milliseconds, ≥ 0
     * @param sigma           standard deviation of the underlying normal, 0..5
     * @param tailProbability probability of a tail draw, 0..1
     * @param tailMultiplier  factor applied on a tail draw, ≥ 1
     */
    public record Latency(double medianMs, double sigma, double tailProbability, double tailMultiplier) {
        public static final Latency NONE = new Latency(0, 0, 0, 1);

        public Latency {
            requireRange(medianMs, 0, 600_000, "latency.medianMs");
            requireRange(sigma, 0, 5, "latency.sigma");
            requireProbability(tailProbability, "latency.tailProbability");
            requireRange(tailMultiplier, 1, 10_000, "latency.tailMultiplier");
        }
    }

    /**
     * Log-normal CPM valuation. An imp whose floor is above the valuation gets no bid
     * (the DSP does not overpay); deal bids are raised to the deal floor instead.
     *
     * @param medianCpm median CPM, > 0
     * @param sigma     standard deviation of the underlying normal, 0..5
     */
    public record Price(double medianCpm, double sigma) {
        public Price {
            if (!(medianCpm > 0) || medianCpm > 10_000) {
                throw new IllegalArgumentException("price.medianCpm must be within (0, 10000], got " + medianCpm);
            }
            requireRange(sigma, 0, 5, "price.sigma");
        }
    }

    /**
     * Probabilities of each fault per bid request; they must sum to at most 1, the rest is
     * a normal answer.
     *
     * @param timeout           answer normally but only after {@code timeoutDelayMs}
     * @param timeoutDelayMs    delay of a timeout answer, milliseconds, ≥ 1
     * @param hang              never answer; the connection stays open until the DSP closes
     * @param serverError       answer HTTP 500 or 503
     * @param malformed         answer HTTP 200 with a truncated JSON body
     * @param trickle           send the normal body one byte at a time
     * @param trickleIntervalMs pause between two trickled bytes, milliseconds, ≥ 0
     * @param noBid             answer HTTP 204 whatever the request
     */
    public record Faults(double timeout, long timeoutDelayMs, double hang, double serverError, double malformed,
            double trickle, long trickleIntervalMs, double noBid) {
        public static final Faults NONE = new Faults(0, 5_000, 0, 0, 0, 0, 5, 0);

        public Faults {
            requireProbability(timeout, "faults.timeout");
            requireProbability(hang, "faults.hang");
            requireProbability(serverError, "faults.serverError");
            requireProbability(malformed, "faults.malformed");
            requireProbability(trickle, "faults.trickle");
            requireProbability(noBid, "faults.noBid");
            double sum = timeout + hang + serverError + malformed + trickle + noBid;
            if (sum > 1 + 1e-9) {
                throw new IllegalArgumentException("fault probabilities must sum to at most 1, got " + sum);
            }
            if (timeoutDelayMs < 1 || timeoutDelayMs > 3_600_000) {
                throw new IllegalArgumentException("faults.timeoutDelayMs must be within 1..3600000, got " + timeoutDelayMs);
            }
            if (trickleIntervalMs < 0 || trickleIntervalMs > 60_000) {
                throw new IllegalArgumentException("faults.trickleIntervalMs must be within 0..60000, got " + trickleIntervalMs);
            }
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Reads a profile from a map as parsed from YAML or JSON, for example
     * <pre>
     * id: dsp-a
     * seat: seat-a
     * latency: {medianMs: 40, sigma: 0.5, tailProbability: 0.02, tailMultiplier: 8}
     * bidRate: 0.7
     * price: {medianCpm: 2.0, sigma: 0.6}
     * adomains: [a.example, b.example]
     * categories: [IAB1, IAB2]
     * faults: {timeout: 0.01, timeoutDelayMs: 3000, serverError: 0.01}
     * </pre>
     * Missing keys take the {@link Builder} defaults; unknown keys are rejected.
     */
    public static DspProfile fromMap(Map<String, ?> map) {
        MapReader r = new MapReader(map, "", Set.of("id", "seat", "latency", "bidRate", "price", "adomains",
                "categories", "dealBidRate", "slotInPodRate", "maxPodBids", "faults"));
        Builder b = builder(r.string("id", null));
        b.seat(r.string("seat", b.seat));
        MapReader l = r.child("latency", Set.of("medianMs", "sigma", "tailProbability", "tailMultiplier"));
        b.latency(new Latency(l.number("medianMs", b.latency.medianMs()), l.number("sigma", b.latency.sigma()),
                l.number("tailProbability", b.latency.tailProbability()),
                l.number("tailMultiplier", b.latency.tailMultiplier())));
        b.bidRate(r.number("bidRate", b.bidRate));
        MapReader p = r.child("price", Set.of("medianCpm", "sigma"));
        b.price(new Price(p.number("medianCpm", b.price.medianCpm()), p.number("sigma", b.price.sigma())));
        b.adomains(r.strings("adomains", b.adomains));
        b.categories(r.strings("categories", b.categories));
        b.dealBidRate(r.number("dealBidRate", b.dealBidRate));
        b.slotInPodRate(r.number("slotInPodRate", b.slotInPodRate));
        b.maxPodBids((int) r.integer("maxPodBids", b.maxPodBids));
        MapReader f = r.child("faults", Set.of("timeout", "timeoutDelayMs", "hang", "serverError", "malformed",
                "trickle", "trickleIntervalMs", "noBid"));
        Faults d = b.faults;
        b.faults(new Faults(f.number("timeout", d.timeout()), f.integer("timeoutDelayMs", d.timeoutDelayMs()),
                f.number("hang", d.hang()), f.number("serverError", d.serverError()),
                f.number("malformed", d.malformed()), f.number("trickle", d.trickle()),
                f.integer("trickleIntervalMs", d.trickleIntervalMs()), f.number("noBid", d.noBid())));
        return b.build();
    }

    /** Builds a profile; defaults: a quick, healthy DSP that bids on 80 % of imps around $2 CPM. */
    public static final class Builder {
        private final String id;
        private String seat;
        private Latency latency = new Latency(20, 0.4, 0.01, 10);
        private double bidRate = 0.8;
        private Price price = new Price(2.0, 0.5);
        private List<String> adomains;
        private List<String> categories = List.of("IAB1", "IAB2", "IAB3", "IAB17", "IAB19");
        private double dealBidRate = 0.9;
        private double slotInPodRate = 0.2;
        private int maxPodBids = 4;
        private Faults faults = Faults.NONE;

        private Builder(String id) {
            requireText(id, "id");
            this.id = id;
            this.seat = id + "-seat";
            this.adomains = List.of(id + "-brand1.example", id + "-brand2.example", id + "-brand3.example",
                    id + "-brand4.example", id + "-brand5.example");
        }

        public Builder seat(String v) { this.seat = v; return this; }
        public Builder latency(Latency v) { this.latency = v; return this; }
        public Builder bidRate(double v) { this.bidRate = v; return this; }
        public Builder price(Price v) { this.price = v; return this; }
        public Builder adomains(List<String> v) { this.adomains = v; return this; }
        public Builder categories(List<String> v) { this.categories = v; return this; }
        public Builder dealBidRate(double v) { this.dealBidRate = v; return this; }
        public Builder slotInPodRate(double v) { this.slotInPodRate = v; return this; }
        public Builder maxPodBids(int v) { this.maxPodBids = v; return this; }
        public Builder faults(Faults v) { this.faults = v; return this; }

        public DspProfile build() {
            return new DspProfile(id, seat, latency, bidRate, price, adomains, categories, dealBidRate,
                    slotInPodRate, maxPodBids, faults);
        }
    }

    static void requireText(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-blank string, got " + (v == null ? "null" : "'" + v + "'"));
        }
    }

    static void requireProbability(double v, String name) {
        requireRange(v, 0, 1, name);
    }

    static void requireRange(double v, double min, double max, String name) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", got " + v);
        }
    }

    /** Typed reads from a YAML-shaped map with the key path in every error. */
    static final class MapReader {
        private final Map<String, ?> map;
        private final String prefix;

        MapReader(Map<String, ?> map, String prefix, Set<String> known) {
            this.map = map == null ? Map.of() : map;
            this.prefix = prefix;
            for (String key : this.map.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("unknown key '" + prefix + key + "'; known keys: " + known);
                }
            }
        }

        MapReader child(String key, Set<String> known) {
            Object v = map.get(key);
            if (v != null && !(v instanceof Map)) {
                throw new IllegalArgumentException(prefix + key + " must be a map, got " + v);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            if (v != null) {
                ((Map<?, ?>) v).forEach((k, val) -> m.put(String.valueOf(k), val));
            }
            return new MapReader(m, prefix + key + ".", known);
        }

        String string(String key, String fallback) {
            Object v = map.get(key);
            return v == null ? fallback : String.valueOf(v);
        }

        double number(String key, double fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException(prefix + key + " must be a number, got '" + v + "'");
        }

        long integer(String key, long fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            throw new IllegalArgumentException(prefix + key + " must be an integer, got '" + v + "'");
        }

        List<String> strings(String key, List<String> fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof List<?> list)) {
                throw new IllegalArgumentException(prefix + key + " must be a list of strings, got '" + v + "'");
            }
            return list.stream().map(String::valueOf).toList();
        }
    }
}
