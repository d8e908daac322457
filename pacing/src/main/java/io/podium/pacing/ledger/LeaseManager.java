package io.podium.pacing.ledger;

import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.BudgetStore;
import io.podium.pacing.store.BudgetStoreUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps each campaign-day's local bucket stocked from the shared store, off the auction path.
 * A campaign's daily budget is split over {@code shards} keys; a node leases from them in turn
 * (each node starting at a random one, the same for all its campaigns, so nodes spread out and
 * a node's leases batch) and moves on when a shard is empty. The
 * lease size follows the spend rate: enough for {@code leaseSeconds} of spend at the rate
 * observed, between a floor and a ceiling. Unused micros go back with {@link #giveBack}.
 * When the store is down nothing is leased: nodes spend only what they hold (fail closed).
 *
 * <p>{@link #topUpAll} tops up many campaign-days at once: the requests that start at the same
 * shard go to the store in one batch ({@link BudgetStore#leaseAll}), those a shard could not
 * fill move on to their next shard in the next round. A node's whole top-up costs one store
 * command per shard visited. A campaign-day that every shard has refused is not asked for again
 * for {@link #EXHAUSTED_RETRY_MILLIS}: budget comes back to the store only when nodes give theirs
 * back, and asking every second would cost a command per shard per campaign for nothing.
 */
public final class LeaseManager {
    private final BudgetStore store;
    private final BudgetLedger ledger;
    private final int shards;
    /** How long a campaign-day that no shard could serve is left alone. */
    public static final long EXHAUSTED_RETRY_MILLIS = 30_000;

    private final Map<BudgetKey, int[]> nextShard = new ConcurrentHashMap<>();
    private final Map<BudgetKey, Long> exhaustedUntil = new ConcurrentHashMap<>();
    /** Where this node starts leasing every campaign-day: random, so nodes spread over shards. */
    private final int startShard;

    public LeaseManager(BudgetStore store, BudgetLedger ledger, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("at least one shard");
        }
        this.store = store;
        this.ledger = ledger;
        this.shards = shards;
        this.startShard = ThreadLocalRandom.current().nextInt(shards);
    }

    /** A shard's share of the daily budget; shard 0 also takes the remainder. */
    public long shardShare(long dailyBudgetMicros, int shard) {
        long base = dailyBudgetMicros / shards;
        return shard == 0 ? base + dailyBudgetMicros % shards : base;
    }

    /**
     * A wish to top one campaign-day's bucket up to {@code targetMicros} when it holds less than
     * {@code lowWaterMicros}; {@code budgetMicros} is the whole pool the shards split.
     */
    public record TopUp(BudgetKey key, long budgetMicros, long lowWaterMicros, long targetMicros) {
    }

    /**
     * Tops the bucket up to {@code targetMicros} if it is below {@code lowWaterMicros}.
     *
     * @return micros leased now (0 if none were needed, none are left, or the store is down)
     */
    public long topUp(BudgetKey key, long dailyBudgetMicros, long lowWaterMicros, long targetMicros) {
        return topUpAll(List.of(new TopUp(key, dailyBudgetMicros, lowWaterMicros, targetMicros)));
    }

    /**
     * Tops up every bucket that needs it, batching the store calls by shard.
     *
     * @return micros leased now in total
     */
    public long topUpAll(List<TopUp> wishes) {
        Map<BudgetKey, TopUp> open = new LinkedHashMap<>();
        Map<BudgetKey, Long> want = new HashMap<>();
        long now = ledger.clock().millis();
        for (TopUp w : wishes) {
            Long until = exhaustedUntil.get(w.key());
            if (until != null) {
                if (now < until) {
                    continue;
                }
                exhaustedUntil.remove(w.key());
            }
            long have = ledger.bucket(w.key()).available();
            if (have < w.lowWaterMicros() && w.targetMicros() > have) {
                open.put(w.key(), w);
                want.put(w.key(), w.targetMicros() - have);
            }
        }
        long total = 0;
        try {
            for (int round = 0; round < shards && !open.isEmpty(); round++) {
                Map<Integer, List<TopUp>> byShard = new HashMap<>();
                for (TopUp w : open.values()) {
                    byShard.computeIfAbsent(next(w.key())[0], s -> new ArrayList<>()).add(w);
                }
                for (Map.Entry<Integer, List<TopUp>> e : byShard.entrySet()) {
                    int shard = e.getKey();
                    List<TopUp> group = e.getValue();
                    List<BudgetStore.LeaseRequest> requests = new ArrayList<>(group.size());
                    for (TopUp w : group) {
                        requests.add(new BudgetStore.LeaseRequest(w.key(), shardShare(w.budgetMicros(), shard),
                                want.get(w.key())));
                    }
                    long[] granted = store.leaseAll(shard, requests);
                    for (int i = 0; i < granted.length; i++) {
                        TopUp w = group.get(i);
                        if (granted[i] > 0) {
                            ledger.bucket(w.key()).put(granted[i]);
                            total += granted[i];
                        }
                        long left = want.get(w.key()) - granted[i];
                        if (left <= 0) {
                            open.remove(w.key());
                        } else {
                            want.put(w.key(), left);
                            int[] next = next(w.key());
                            synchronized (next) {
                                next[0] = (shard + 1) % shards;
                            }
                        }
                    }
                }
            }
            for (BudgetKey k : open.keySet()) {
                exhaustedUntil.put(k, now + EXHAUSTED_RETRY_MILLIS); // every shard was tried
            }
        } catch (BudgetStoreUnavailableException e) {
            // fail closed: spend only what is already held
        }
        return total;
    }

    private int[] next(BudgetKey key) {
        return nextShard.computeIfAbsent(key, k -> new int[] {startShard});
    }

    /** Returns everything the bucket holds to the store (day over, campaign paused). */
    public long giveBack(BudgetKey key) {
        exhaustedUntil.remove(key);
        long micros = ledger.bucket(key).drain();
        if (micros == 0) {
            return 0;
        }
        int[] next = nextShard.computeIfAbsent(key, k -> new int[] {0});
        try {
            store.giveBack(key, next[0], micros);
            return micros;
        } catch (BudgetStoreUnavailableException e) {
            ledger.bucket(key).put(micros);
            return 0;
        }
    }
}
