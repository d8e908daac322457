package io.podium.pacing.ledger;

import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.BudgetStore;
import io.podium.pacing.store.BudgetStoreUnavailableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps each campaign-day's local bucket stocked from the shared store, off the auction path.
 * A campaign's daily budget is split over {@code shards} keys; a node leases from them in turn
 * (starting at a random one, so nodes spread out) and moves on when a shard is empty. The
 * lease size follows the spend rate: enough for {@code leaseSeconds} of spend at the rate
 * observed, between a floor and a ceiling. Unused micros go back with {@link #giveBack}.
 * When the store is down nothing is leased: nodes spend only what they hold (fail closed).
 */
public final class LeaseManager {
    private final BudgetStore store;
    private final BudgetLedger ledger;
    private final int shards;
    private final Map<BudgetKey, int[]> nextShard = new ConcurrentHashMap<>();

    public LeaseManager(BudgetStore store, BudgetLedger ledger, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("at least one shard");
        }
        this.store = store;
        this.ledger = ledger;
        this.shards = shards;
    }

    /** A shard's share of the daily budget; shard 0 also takes the remainder. */
    public long shardShare(long dailyBudgetMicros, int shard) {
        long base = dailyBudgetMicros / shards;
        return shard == 0 ? base + dailyBudgetMicros % shards : base;
    }

    /**
     * Tops the bucket up to {@code targetMicros} if it is below {@code lowWaterMicros}.
     *
     * @return micros leased now (0 if none were needed, none are left, or the store is down)
     */
    public long topUp(BudgetKey key, long dailyBudgetMicros, long lowWaterMicros, long targetMicros) {
        LocalBucket bucket = ledger.bucket(key);
        long have = bucket.available();
        if (have >= lowWaterMicros || targetMicros <= have) {
            return 0;
        }
        long want = targetMicros - have;
        long got = 0;
        int[] next = nextShard.computeIfAbsent(key, k -> new int[] {ThreadLocalRandom.current().nextInt(shards)});
        try {
            for (int tried = 0; tried < shards && got < want; tried++) {
                int shard;
                synchronized (next) {
                    shard = next[0];
                }
                long g = store.lease(key, shard, shardShare(dailyBudgetMicros, shard), want - got);
                got += g;
                if (got < want) {
                    synchronized (next) {
                        next[0] = (shard + 1) % shards;
                    }
                }
            }
        } catch (BudgetStoreUnavailableException e) {
            // fail closed: spend only what is already held
        } finally {
            if (got > 0) {
                bucket.put(got);
            }
        }
        return got;
    }

    /** Returns everything the bucket holds to the store (day over, campaign paused). */
    public long giveBack(BudgetKey key) {
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
