package io.podium.pacing.store;

/**
 * Key names in Redis. Budget shard number n of every campaign shares the hash tag
 * {@code {s<n>}}: a campaign's shards land on different cluster slots, and one script can lease
 * for every campaign from shard n at once. Charges are spread over {@code buckets} hash tags by
 * charge id, and a bucket's charge set and spend totals share its tag, so one script updates
 * both atomically.
 *
 * <pre>
 * podium:budget:{s&lt;shard&gt;}:&lt;campaign&gt;:&lt;day&gt;   string: micros not yet leased
 * podium:charges:{b&lt;k&gt;}:&lt;day&gt;             hash: charge id -> micros
 * podium:spent:{b&lt;k&gt;}:&lt;day&gt;               hash: campaign id -> micros charged, id:n -> charges
 * podium:minutes:{b&lt;k&gt;}:&lt;campaign&gt;:&lt;day&gt;  hash: minute of day -> micros charged
 * </pre>
 */
final class RedisKeys {
    private final String prefix;
    private final int buckets;

    RedisKeys(String prefix, int buckets) {
        this.prefix = prefix;
        this.buckets = buckets;
    }

    String shard(BudgetKey key, int shard) {
        return prefix + "budget:{s" + shard + "}:" + key.campaignId() + ":" + key.day();
    }

    int bucket(String chargeId) {
        return Math.floorMod(chargeId.hashCode(), buckets);
    }

    int buckets() {
        return buckets;
    }

    String charges(int bucket, java.time.LocalDate day) {
        return prefix + "charges:{b" + bucket + "}:" + day;
    }

    String spent(int bucket, java.time.LocalDate day) {
        return prefix + "spent:{b" + bucket + "}:" + day;
    }

    /** A campaign-day's spend per minute, in the bucket's slot (so a report reads 1,440 fields at most per bucket). */
    String minutes(int bucket, String campaignId, java.time.LocalDate day) {
        return prefix + "minutes:{b" + bucket + "}:" + campaignId + ":" + day;
    }
}
