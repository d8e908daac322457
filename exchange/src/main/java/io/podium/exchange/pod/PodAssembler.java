package io.podium.exchange.pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an ad pod with the set of bids that pays the most: a knapsack with conflicts, solved
 * exactly. Constraints: total duration at most {@code maxDurationSeconds}, at most
 * {@code maxAds} ads, no two ads sharing a dedupe key, and the slot positions the bids accept
 * can be honoured (one first, one last; a single ad is both).
 *
 * <p>Depth-first branch and bound over the bids sorted by price per second, bounded by the
 * better of two relaxations: the fractional fill of the remaining duration (the linear
 * programming bound of the knapsack) and, under a count limit, the best remaining prices that
 * fit in count. Dedupe keys are bit masks. Ties in total price go to the shorter pod, then to
 * the bids found first (deterministic). Per-bid floors
 * ({@code mincpmpersec}, {@code durfloors}, deal floors) are checked by the caller before.
 */
public final class PodAssembler {

    /** The chosen bids in pod order (first-slot bids first, last-slot bids last) and their total price. */
    public record Pod(List<PodCandidate> ads, long totalPriceMicros, int totalDurationSeconds) {
    }

    /**
     * @param maxDurationSeconds the pod's {@code poddur} (or the break length)
     * @param maxAds the pod's {@code maxseq}; 0 or less means no limit
     */
    public Pod assemble(List<PodCandidate> bids, int maxDurationSeconds, int maxAds) {
        int limit = maxAds <= 0 ? Integer.MAX_VALUE : maxAds;
        PodCandidate[] sorted = bids.stream().filter(b -> b.durationSeconds() <= maxDurationSeconds)
                .sorted(Comparator.comparingDouble((PodCandidate b) -> b.priceMicros() / (double) b.durationSeconds())
                        .reversed().thenComparing(Comparator.comparingLong(PodCandidate::priceMicros).reversed()))
                .toArray(PodCandidate[]::new);
        Search s = new Search(sorted, maxDurationSeconds, limit);
        s.run(0, 0, 0, 0, 0, 0, 0);
        List<PodCandidate> chosen = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            if (s.best[i]) {
                chosen.add(sorted[i]);
            }
        }
        return new Pod(order(chosen), s.bestPrice < 0 ? 0 : s.bestPrice, s.bestDuration);
    }

    /** Pod order: a FIRST bid first, a LAST bid last, FIRST_OR_LAST at whichever end is free. */
    static List<PodCandidate> order(List<PodCandidate> chosen) {
        PodCandidate first = null;
        PodCandidate last = null;
        List<PodCandidate> middle = new ArrayList<>();
        List<PodCandidate> either = new ArrayList<>();
        for (PodCandidate c : chosen) {
            switch (c.slot()) {
                case FIRST -> first = c;
                case LAST -> last = c;
                case FIRST_OR_LAST -> either.add(c);
                default -> middle.add(c);
            }
        }
        for (PodCandidate c : either) {
            if (first == null) {
                first = c;
            } else {
                last = c;
            }
        }
        List<PodCandidate> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
        }
        out.addAll(middle);
        if (last != null && last != first) {
            out.add(last);
        }
        return out;
    }

    /** Whether the chosen edge requirements fit a pod of {@code n} ads. */
    static boolean edgesFit(int firsts, int lasts, int eithers, int n) {
        if (firsts > 1 || lasts > 1) {
            return false;
        }
        int edges = n == 1 ? 1 : 2;
        return firsts + lasts + eithers <= edges;
    }

    private static final class Search {
        final PodCandidate[] bids;
        final int maxDuration;
        final int maxAds;
        /** Dedupe keys of each bid as a bit mask over words of 64 keys. */
        final long[][] keys;
        /** The keys in use at each depth of the search (no allocation while searching). */
        final long[][] usedAt;
        /** Sum of the k best prices from index i on (the count bound). */
        final long[][] topSums;
        final int words;
        final boolean[] current;
        boolean[] best;
        long bestPrice = -1;
        int bestDuration;

        Search(PodCandidate[] bids, int maxDuration, int maxAds) {
            this.bids = bids;
            this.maxDuration = maxDuration;
            this.maxAds = maxAds;
            this.current = new boolean[bids.length];
            this.best = new boolean[bids.length];
            Map<String, Integer> index = new HashMap<>();
            for (PodCandidate b : bids) {
                for (String k : b.dedupeKeys()) {
                    index.putIfAbsent(k, index.size());
                }
            }
            words = Math.max(1, (index.size() + 63) / 64);
            keys = new long[bids.length][words];
            for (int i = 0; i < bids.length; i++) {
                for (String k : bids[i].dedupeKeys()) {
                    int bit = index.get(k);
                    keys[i][bit >>> 6] |= 1L << (bit & 63);
                }
            }
            usedAt = new long[bids.length + 2][words];
            // topSums[i][k]: the sum of the k best prices among bids[i..], for k up to the count limit
            int kMax = maxAds >= bids.length ? 0 : maxAds; // unused without a binding count limit
            topSums = new long[bids.length + 1][kMax + 1];
            long[] suffix = new long[bids.length];
            int size = 0;
            for (int i = bids.length - 1; i >= 0; i--) {
                long p = bids[i].priceMicros();
                int at = size++;
                while (at > 0 && suffix[at - 1] < p) {
                    suffix[at] = suffix[at - 1];
                    at--;
                }
                suffix[at] = p;
                for (int k = 1; k <= kMax; k++) {
                    topSums[i][k] = topSums[i][k - 1] + (k <= size ? suffix[k - 1] : 0);
                }
            }
        }

        /**
         * Upper bound of what the bids from {@code i} on can add: the fractional fill of the
         * remaining duration in price-per-second order (bids are sorted that way), and with a
         * count limit also the best {@code slots} prices among them.
         */
        long bound(int i, int duration, int count) {
            int room = maxDuration - duration;
            double fill = 0;
            for (int j = i; j < bids.length && room > 0; j++) {
                PodCandidate b = bids[j];
                if (b.durationSeconds() <= room) {
                    fill += b.priceMicros();
                    room -= b.durationSeconds();
                } else {
                    fill += b.priceMicros() * (room / (double) b.durationSeconds());
                    room = 0;
                }
            }
            long byTime = (long) Math.ceil(fill);
            int slots = maxAds - count;
            if (slots >= bids.length - i) {
                return byTime;
            }
            long byCount = topSums[i][slots];
            return Math.min(byTime, byCount);
        }

        void run(int i, long price, int duration, int count, int firsts, int lasts, int eithers) {
            // every state reached is feasible: the inclusion below keeps it so
            if (price > bestPrice || price == bestPrice && duration < bestDuration) {
                bestPrice = price;
                bestDuration = duration;
                best = current.clone();
            }
            if (i == bids.length || count == maxAds || price + bound(i, duration, count) <= bestPrice) {
                return;
            }
            PodCandidate b = bids[i];
            long[] used = usedAt[count];
            if (duration + b.durationSeconds() <= maxDuration && !intersects(used, keys[i])) {
                int f = firsts + (b.slot() == PodCandidate.SlotPosition.FIRST ? 1 : 0);
                int l = lasts + (b.slot() == PodCandidate.SlotPosition.LAST ? 1 : 0);
                int e = eithers + (b.slot() == PodCandidate.SlotPosition.FIRST_OR_LAST ? 1 : 0);
                if (edgesFit(f, l, e, count + 1)) {
                    long[] next = usedAt[count + 1];
                    for (int w = 0; w < words; w++) {
                        next[w] = used[w] | keys[i][w];
                    }
                    current[i] = true;
                    run(i + 1, price + b.priceMicros(), duration + b.durationSeconds(), count + 1, f, l, e);
                    current[i] = false;
                }
            }
            run(i + 1, price, duration, count, firsts, lasts, eithers);
        }

        private boolean intersects(long[] a, long[] b) {
            for (int w = 0; w < words; w++) {
                if ((a[w] & b[w]) != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
