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
 * <p>Depth-first branch and bound over the bids sorted by price per second (by price alone
 * when all bids fit the duration together, as in a structured pod), bounded by the best of
 * three relaxations over the bids still open (those that fit the remaining duration and share
 * no key with the ads chosen so far): the fractional fill of the remaining duration (the linear
 * programming bound of the knapsack); under a count limit, the sum of the best open prices
 * that fit in count; and the sum, over the first dedupe key of each open bid, of the best
 * price among the open bids with that first key (at most one of them can be chosen), which
 * keeps one-bid-per-slot problems (structured pods: the slot is the first key) small. Bids
 * that cannot join the pod on the current path are stepped over without branching. Dedupe
 * keys are bit masks. Ties in total price go to the shorter pod, then to the bids found first
 * (deterministic: equal bids keep their input order). Per-bid floors ({@code mincpmpersec},
 * {@code durfloors}, deal floors) are checked by the caller before.
 *
 * <p>Stateless and thread-safe: each call has its own search state.
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
        Search s = search(bids, maxDurationSeconds, maxAds);
        s.run(0, 0, 0, 0, 0, 0, 0);
        List<PodCandidate> chosen = new ArrayList<>();
        for (int i = 0; i < s.bids.length; i++) {
            if (s.best[i]) {
                chosen.add(s.bids[i]);
            }
        }
        return new Pod(order(chosen), s.bestPrice < 0 ? 0 : s.bestPrice, s.bestDuration);
    }

    /**
     * The total price of the best pod, when a pod paying {@code knownTotalMicros} is known to
     * exist among {@code bids}: the search looks only for better pods, so a good known pod
     * makes it much shorter (pricing asks this once per winning ad, without that ad).
     *
     * @return the best total, at least {@code knownTotalMicros}
     */
    public long bestTotal(List<PodCandidate> bids, int maxDurationSeconds, int maxAds, long knownTotalMicros) {
        Search s = search(bids, maxDurationSeconds, maxAds);
        s.bestPrice = knownTotalMicros;
        s.bestDuration = Integer.MIN_VALUE;
        s.run(0, 0, 0, 0, 0, 0, 0);
        return s.bestPrice;
    }

    private static Search search(List<PodCandidate> bids, int maxDurationSeconds, int maxAds) {
        int limit = maxAds <= 0 ? Integer.MAX_VALUE : maxAds;
        long totalDuration = 0;
        for (PodCandidate b : bids) {
            totalDuration += b.durationSeconds() <= maxDurationSeconds ? b.durationSeconds() : 0;
        }
        // price per second leads when time is scarce; when every bid fits at once, price alone
        Comparator<PodCandidate> order = totalDuration > maxDurationSeconds
                ? Comparator.comparingDouble((PodCandidate b) -> b.priceMicros() / (double) b.durationSeconds()).reversed()
                        .thenComparing(Comparator.comparingLong(PodCandidate::priceMicros).reversed())
                : Comparator.comparingLong(PodCandidate::priceMicros).reversed()
                        .thenComparingInt(PodCandidate::durationSeconds);
        PodCandidate[] sorted = bids.stream().filter(b -> b.durationSeconds() <= maxDurationSeconds).sorted(order)
                .toArray(PodCandidate[]::new);
        return new Search(sorted, maxDurationSeconds, limit, totalDuration > maxDurationSeconds);
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
        final int words;
        /** Index of each bid's first dedupe key, or -1 (for the first-key bound). */
        final int[] primary;
        /** Scratch of the first-key bound: best open price per first key, and the keys touched. */
        final long[] keyBest;
        final int[] touched;
        /** Sum of the k best prices from index i on (the count bound). */
        final long[][] topSums;
        final boolean[] current;
        /** Whether the bids together outlast the pod (else the tight bound is worth its cost). */
        final boolean timeBinds;
        boolean[] best;
        long bestPrice = -1;
        int bestDuration;

        Search(PodCandidate[] bids, int maxDuration, int maxAds, boolean timeBinds) {
            this.timeBinds = timeBinds;
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
            primary = new int[bids.length];
            for (int i = 0; i < bids.length; i++) {
                primary[i] = bids[i].dedupeKeys().isEmpty() ? -1 : index.get(bids[i].dedupeKeys().get(0));
                for (String k : bids[i].dedupeKeys()) {
                    int bit = index.get(k);
                    keys[i][bit >>> 6] |= 1L << (bit & 63);
                }
            }
            keyBest = new long[index.size()];
            touched = new int[index.size()];
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
         * Upper bound of what the bids from {@code i} on can add to a pod that uses the keys
         * {@code used}, in two steps. First the cheap one: the least of the fractional fill of
         * the remaining duration over all later bids in price-per-second order (bids are sorted
         * that way when time is scarce; otherwise every bid fits and the fill is simply their
         * sum) and, with a count limit, the best {@code maxAds - count} prices. When that does
         * not already show the branch cannot beat {@code need}, the tight one over the open bids
         * only (those that fit the remaining duration and share no used key): their fractional
         * fill, and the best price per first dedupe key. The tight bound is used only when time
         * does not bind (a structured pod), where the fill says nothing; in dynamic and hybrid
         * pods it costs more than it saves (measured with {@code PodBenchmark}).
         */
        long bound(int i, int duration, int count, long[] used, long need) {
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
            long cheap = (long) Math.ceil(fill);
            int slots = maxAds - count;
            if (slots < bids.length - i) {
                cheap = Math.min(cheap, topSums[i][slots]);
            }
            if (cheap <= need || timeBinds) {
                return cheap;
            }
            return Math.min(cheap, openBound(i, duration, used));
        }

        /** The fractional fill and the best price per first key, over the open bids from {@code i} on. */
        private long openBound(int i, int duration, long[] used) {
            int room = maxDuration - duration;
            int left = room;
            double fill = 0;
            long byKey = 0;
            int nTouched = 0;
            for (int j = i; j < bids.length; j++) {
                PodCandidate b = bids[j];
                if (b.durationSeconds() > room || intersects(used, keys[j])) {
                    continue;
                }
                long p = b.priceMicros();
                if (left > 0) {
                    if (b.durationSeconds() <= left) {
                        fill += p;
                        left -= b.durationSeconds();
                    } else {
                        fill += p * (left / (double) b.durationSeconds());
                        left = 0;
                    }
                }
                int k = primary[j];
                if (k < 0) {
                    byKey += p;
                } else if (p > keyBest[k]) {
                    if (keyBest[k] == 0) {
                        touched[nTouched++] = k;
                    }
                    byKey += p - keyBest[k];
                    keyBest[k] = p;
                }
            }
            for (int t = 0; t < nTouched; t++) {
                keyBest[touched[t]] = 0;
            }
            return Math.min((long) Math.ceil(fill), byKey);
        }

        void run(int i, long price, int duration, int count, int firsts, int lasts, int eithers) {
            // every state reached is feasible: the inclusion below keeps it so
            if (price > bestPrice || price == bestPrice && duration < bestDuration) {
                bestPrice = price;
                bestDuration = duration;
                best = current.clone();
            }
            if (count == maxAds) {
                return;
            }
            long[] used = usedAt[count];
            // a bid that cannot join the pod here cannot join it deeper down either (time, keys
            // and edges only fill up): step over such bids without branching on them
            while (i < bids.length && !joins(i, duration, firsts, lasts, eithers, count, used)) {
                i++;
            }
            if (i == bids.length || price + bound(i, duration, count, used, bestPrice - price) <= bestPrice) {
                return;
            }
            PodCandidate b = bids[i];
            int f = firsts + (b.slot() == PodCandidate.SlotPosition.FIRST ? 1 : 0);
            int l = lasts + (b.slot() == PodCandidate.SlotPosition.LAST ? 1 : 0);
            int e = eithers + (b.slot() == PodCandidate.SlotPosition.FIRST_OR_LAST ? 1 : 0);
            long[] next = usedAt[count + 1];
            for (int w = 0; w < words; w++) {
                next[w] = used[w] | keys[i][w];
            }
            current[i] = true;
            run(i + 1, price + b.priceMicros(), duration + b.durationSeconds(), count + 1, f, l, e);
            current[i] = false;
            run(i + 1, price, duration, count, firsts, lasts, eithers);
        }

        /** Whether bid {@code i} fits the remaining time, shares no used key and keeps the edges possible. */
        private boolean joins(int i, int duration, int firsts, int lasts, int eithers, int count, long[] used) {
            PodCandidate b = bids[i];
            if (duration + b.durationSeconds() > maxDuration || intersects(used, keys[i])) {
                return false;
            }
            return edgesFit(firsts + (b.slot() == PodCandidate.SlotPosition.FIRST ? 1 : 0),
                    lasts + (b.slot() == PodCandidate.SlotPosition.LAST ? 1 : 0),
                    eithers + (b.slot() == PodCandidate.SlotPosition.FIRST_OR_LAST ? 1 : 0), count + 1);
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
