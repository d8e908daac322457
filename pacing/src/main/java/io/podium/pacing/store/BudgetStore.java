package io.podium.pacing.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The shared, durable side of pacing: how much of each campaign-day's budget is still
 * unleased (split over shards, so that no single key is hot), and which charges have been
 * recorded. Nodes call it off the auction path only: to lease chunks into their local token
 * buckets, to give unused chunks back, and to flush their charge journal in batches.
 *
 * <p>Every operation is atomic on its own and safe to retry: a lease never grants more than
 * is left, a charge with a known id is never counted again. Implementations: Redis through
 * Redisson (one server or a cluster) and Chronicle Map (embedded, one node). They throw
 * {@link BudgetStoreUnavailableException} when the store cannot be reached; callers then
 * fail closed (spend only what they already leased) and retry later.
 */
public interface BudgetStore extends AutoCloseable {

    /**
     * Grants {@code min(requested, left)} from one shard of a campaign-day. The first lease of a
     * shard sets it to {@code shardInitialMicros}; later calls ignore that argument.
     *
     * @return the micros granted, 0 when the shard is exhausted
     */
    long lease(BudgetKey key, int shard, long shardInitialMicros, long requestedMicros);

    /** One campaign-day's part of a batched lease from one shard. */
    record LeaseRequest(BudgetKey key, long shardInitialMicros, long requestedMicros) {
    }

    /**
     * Leases for many campaign-days from the same shard number at once, each as {@link #lease}
     * would. Redis does it in one command (the shard's keys share a hash tag), so a node's top-ups
     * cost one command per shard visited, whatever the number of campaigns.
     *
     * @return the micros granted to each request, in order
     */
    default long[] leaseAll(int shard, List<LeaseRequest> requests) {
        long[] granted = new long[requests.size()];
        for (int i = 0; i < granted.length; i++) {
            LeaseRequest r = requests.get(i);
            granted[i] = lease(r.key(), shard, r.shardInitialMicros(), r.requestedMicros());
        }
        return granted;
    }

    /** Returns unused leased micros to a shard (ignored if the shard no longer exists). */
    void giveBack(BudgetKey key, int shard, long micros);

    /** What is left unleased in a shard, or empty if the shard was never leased from. */
    OptionalLong remaining(BudgetKey key, int shard);

    /**
     * Records charges, each id once; a known id is ignored. Adds the new ones to their
     * campaign-day's spend.
     *
     * @return the ids that were new
     */
    Set<String> charge(List<Charge> charges);

    /** The recorded amount of each id that has been charged; ids never charged are absent. */
    Map<String, Long> charged(BudgetKey key, Collection<String> chargeIds);

    /** The sum of all charges of a campaign-day. */
    long spent(BudgetKey key);

    /**
     * The spend of every campaign charged on a day, in one read: what the controllers of all
     * campaigns need each control interval, at a cost that does not grow with their number.
     */
    Map<String, Long> spentOn(java.time.LocalDate day);

    /** Spend, impressions and spend per minute of a campaign-day (reports; not for the hot path). */
    Delivery delivery(BudgetKey key);

    @Override
    void close();
}
