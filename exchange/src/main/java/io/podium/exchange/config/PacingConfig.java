package io.podium.exchange.config;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code pacing:} — where budgets and campaigns live and how nodes lease budget.
 *
 * @param redisAddresses empty: embedded mode (Chronicle Map files in {@code dataDir}, one
 *                       node); one address: a Redis server; several: a Redis Cluster
 * @param dataDir where the embedded stores and the charge journal live
 * @param shards how many keys each campaign-day's budget is split over
 * @param reservationTtlSeconds how long a won bid's maximum price stays reserved waiting for
 *                              its billing notice
 * @param controlIntervalSeconds how often each campaign's pacing controller is updated
 * @param leaseSeconds how many seconds of spend, at the rate observed, one lease covers
 * @param campaignCapacity embedded mode: campaigns the campaign file holds
 * @param chargeCapacity embedded mode: charges the budget file holds (about three days' worth)
 * @param journalCapacity charges the local journal can hold while the store is unreachable
 * @param frequencyCapEntries (campaign, user) pairs the frequency caps of this node track
 * @param flushIntervalSeconds how often a node writes its charge journal to the store
 * @param chargeBuckets Redis: how many hash-tagged buckets charges are spread over (one command
 *                      each per flush); must not change while charges of the day are in flight
 */
public record PacingConfig(List<String> redisAddresses, Path dataDir, int shards, int reservationTtlSeconds,
                           int controlIntervalSeconds, int leaseSeconds, int campaignCapacity, int chargeCapacity,
                           int journalCapacity, int frequencyCapEntries, int flushIntervalSeconds,
                           int chargeBuckets) {
    static PacingConfig read(ConfigNode n) {
        List<String> redis = n.strings("redis", List.of());
        for (String a : redis) {
            if (!a.startsWith("redis://") && !a.startsWith("rediss://")) {
                n.problem("redis", "addresses look like redis://host:port, got \"" + a + "\"");
            }
        }
        Path dir = Path.of(n.string("data_dir", "data"));
        int shards = n.int32("shards", 8, 1, 1024);
        int ttl = n.int32("reservation_ttl_seconds", 900, 10, 86_400);
        int control = n.int32("control_interval_seconds", 60, 1, 3600);
        int lease = n.int32("lease_seconds", 60, 1, 3600);
        int campaigns = n.int32("campaign_capacity", 10_000, 10, 10_000_000);
        int charges = n.int32("charge_capacity", 1_000_000, 1000, 1_000_000_000);
        int journal = n.int32("journal_capacity", 200_000, 1000, 100_000_000);
        int frequency = n.int32("frequency_cap_entries", 1_000_000, 100, 100_000_000);
        int flush = n.int32("flush_interval_seconds", 10, 0, 300);
        int buckets = n.int32("charge_buckets", 8, 1, 1024);
        n.finish();
        return new PacingConfig(redis, dir, shards, ttl, control, lease, campaigns, charges, journal, frequency, flush,
                buckets);
    }
}
