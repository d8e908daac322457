package io.podium.pacing.store;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * {@link BudgetStore} in Redis through Redisson, on one server or a Redis Cluster. Every
 * change is one Lua script on keys of one hash slot (see {@link RedisKeys}), so it is atomic
 * and cluster-safe. Keys expire {@code retention} after their last write.
 */
public final class RedisBudgetStore implements BudgetStore {
    /**
     * KEYS: shard keys of one hash tag; ARGV: (initial, requested, ttl ms; 0 = never expires, for
     * lifetime pools) per key. A shard is created with its initial share on first use; each
     * key grants min(requested, left). Returns the grants in order.
     */
    private static final String LEASE_ALL = ""
            + "local out = {}\n"
            + "for i, k in ipairs(KEYS) do\n"
            + "  local a = (i - 1) * 3\n"
            + "  local v = redis.call('GET', k)\n"
            + "  if not v then\n"
            + "    if ARGV[a + 3] == '0' then redis.call('SET', k, ARGV[a + 1]) else redis.call('SET', k, ARGV[a + 1], 'PX', ARGV[a + 3]) end\n"
            + "    v = ARGV[a + 1]\n"
            + "  end\n"
            + "  local grant = math.min(tonumber(v), tonumber(ARGV[a + 2]))\n"
            + "  if grant > 0 then redis.call('DECRBY', k, grant) else grant = 0 end\n"
            + "  out[i] = grant\n"
            + "end\n"
            + "return out\n";

    /** KEYS[1] shard; ARGV micros. Only into a shard that still exists. */
    private static final String GIVE_BACK = ""
            + "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end\n"
            + "return -1\n";

    /**
     * KEYS[1] charges hash, KEYS[2] spent hash (campaign -> micros, campaign:n -> count),
     * KEYS[3..] one minutes hash per campaign of the batch (minute -> micros); ARGV ttl ms, then
     * (id, campaign, micros, minute, index of the campaign's minutes key) quintuples.
     */
    private static final String CHARGE = ""
            + "local new = {}\n"
            + "for i = 2, #ARGV, 5 do\n"
            + "  if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 2]) == 1 then\n"
            + "    redis.call('HINCRBY', KEYS[2], ARGV[i + 1], ARGV[i + 2])\n"
            + "    redis.call('HINCRBY', KEYS[2], ARGV[i + 1] .. ':n', 1)\n"
            + "    if tonumber(ARGV[i + 3]) >= 0 then\n"
            + "      redis.call('HINCRBY', KEYS[tonumber(ARGV[i + 4])], ARGV[i + 3], ARGV[i + 2])\n"
            + "    end\n"
            + "    new[#new + 1] = ARGV[i]\n"
            + "  end\n"
            + "end\n"
            + "for k = 1, #KEYS do redis.call('PEXPIRE', KEYS[k], ARGV[1]) end\n"
            + "return new\n";

    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final long retentionMillis;
    private final RScript script;
    private final java.util.concurrent.atomic.LongAdder commandsSent = new java.util.concurrent.atomic.LongAdder();

    /**
     * @param prefix key prefix, e.g. {@code podium:}
     * @param chargeBuckets how many hash tags charges are spread over (one script per bucket per flush)
     * @param retention how long keys live after their last write
     */
    public RedisBudgetStore(RedissonClient redisson, String prefix, int chargeBuckets, Duration retention) {
        this.redisson = redisson;
        this.keys = new RedisKeys(prefix, chargeBuckets);
        this.retentionMillis = retention.toMillis();
        this.script = redisson.getScript(StringCodec.INSTANCE);
    }

    @Override
    public long lease(BudgetKey key, int shard, long shardInitialMicros, long requestedMicros) {
        if (requestedMicros <= 0) {
            return 0;
        }
        return leaseAll(shard, List.of(new LeaseRequest(key, shardInitialMicros, requestedMicros)))[0];
    }

    @Override
    public long[] leaseAll(int shard, List<LeaseRequest> requests) {
        long[] granted = new long[requests.size()];
        List<Object> keyList = new ArrayList<>(requests.size());
        List<Object> args = new ArrayList<>(requests.size() * 3);
        List<Integer> asked = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            LeaseRequest r = requests.get(i);
            if (r.requestedMicros() <= 0) {
                continue;
            }
            asked.add(i);
            keyList.add(keys.shard(r.key(), shard));
            args.add(Long.toString(r.shardInitialMicros()));
            args.add(Long.toString(r.requestedMicros()));
            args.add(Long.toString(r.key().isLifetime() ? 0 : retentionMillis));
        }
        if (asked.isEmpty()) {
            return granted;
        }
        String routing = (String) keyList.get(0);
        List<Object> out = call(1, () -> script.eval(routing, RScript.Mode.READ_WRITE, LEASE_ALL, RScript.ReturnType.MULTI,
                keyList, args.toArray()));
        for (int j = 0; out != null && j < out.size(); j++) {
            granted[asked.get(j)] = ((Number) out.get(j)).longValue();
        }
        return granted;
    }

    @Override
    public void giveBack(BudgetKey key, int shard, long micros) {
        if (micros <= 0) {
            return;
        }
        String k = keys.shard(key, shard);
        call(1, () -> script.eval(k, RScript.Mode.READ_WRITE, GIVE_BACK, RScript.ReturnType.INTEGER, List.of(k),
                Long.toString(micros)));
    }

    @Override
    public OptionalLong remaining(BudgetKey key, int shard) {
        String v = call(1, () -> redisson.<String>getBucket(keys.shard(key, shard), StringCodec.INSTANCE).get());
        return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }

    @Override
    public Set<String> charge(List<Charge> charges) {
        Map<String, List<Charge>> groups = new LinkedHashMap<>();
        for (Charge c : charges) {
            groups.computeIfAbsent(keys.bucket(c.id()) + "|" + c.key().day(), g -> new ArrayList<>()).add(c);
        }
        Set<String> fresh = new HashSet<>();
        for (List<Charge> group : groups.values()) {
            int bucket = keys.bucket(group.get(0).id());
            LocalDate day = group.get(0).key().day();
            String chargesKey = keys.charges(bucket, day);
            Object[] args = new Object[1 + group.size() * 5];
            args[0] = Long.toString(retentionMillis);
            List<Object> scriptKeys = new ArrayList<>(List.of(chargesKey, keys.spent(bucket, day)));
            Map<String, Integer> minutesKeyIndex = new HashMap<>();
            int i = 1;
            for (Charge c : group) {
                String campaign = c.key().campaignId();
                int index = minutesKeyIndex.computeIfAbsent(campaign, id -> {
                    scriptKeys.add(keys.minutes(bucket, id, day));
                    return scriptKeys.size(); // Lua indexes from 1
                });
                args[i++] = c.id();
                args[i++] = campaign;
                args[i++] = Long.toString(c.amountMicros());
                args[i++] = Integer.toString(c.minute());
                args[i++] = Integer.toString(index);
            }
            List<Object> added = call(1, () -> script.eval(chargesKey, RScript.Mode.READ_WRITE, CHARGE,
                    RScript.ReturnType.MULTI, scriptKeys, args));
            if (added != null) {
                for (Object id : added) {
                    fresh.add(id.toString());
                }
            }
        }
        return fresh;
    }

    @Override
    public Map<String, Long> charged(BudgetKey key, Collection<String> chargeIds) {
        Map<Integer, Set<String>> byBucket = new LinkedHashMap<>();
        for (String id : chargeIds) {
            byBucket.computeIfAbsent(keys.bucket(id), b -> new HashSet<>()).add(id);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Set<String>> e : byBucket.entrySet()) {
            Map<String, String> found = call(1, () -> redisson.<String, String>getMap(keys.charges(e.getKey(), key.day()),
                    StringCodec.INSTANCE).getAll(e.getValue()));
            found.forEach((id, v) -> out.put(id, Long.parseLong(v)));
        }
        return out;
    }

    @Override
    public long spent(BudgetKey key) {
        return call(keys.buckets(), () -> {
            RBatch batch = redisson.createBatch();
            List<RFuture<String>> parts = new ArrayList<>(keys.buckets());
            for (int b = 0; b < keys.buckets(); b++) {
                parts.add(batch.<String, String>getMap(keys.spent(b, key.day()), StringCodec.INSTANCE)
                        .getAsync(key.campaignId()));
            }
            batch.execute();
            long sum = 0;
            for (RFuture<String> f : parts) {
                String v = f.getNow();
                if (v != null) {
                    sum += Long.parseLong(v);
                }
            }
            return sum;
        });
    }

    @Override
    public Map<String, Long> spentOn(LocalDate day) {
        return call(keys.buckets(), () -> {
            RBatch batch = redisson.createBatch();
            List<RFuture<Map<String, String>>> parts = new ArrayList<>(keys.buckets());
            for (int b = 0; b < keys.buckets(); b++) {
                parts.add(batch.<String, String>getMap(keys.spent(b, day), StringCodec.INSTANCE).readAllMapAsync());
            }
            batch.execute();
            Map<String, Long> out = new java.util.HashMap<>();
            for (RFuture<Map<String, String>> f : parts) {
                for (Map.Entry<String, String> e : f.getNow().entrySet()) {
                    if (!e.getKey().endsWith(":n")) {
                        out.merge(e.getKey(), Long.parseLong(e.getValue()), Long::sum);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Delivery delivery(BudgetKey key) {
        return call(2 * keys.buckets(), () -> {
            RBatch batch = redisson.createBatch();
            List<RFuture<Map<String, String>>> spentParts = new ArrayList<>(keys.buckets());
            List<RFuture<Map<String, String>>> minuteParts = new ArrayList<>(keys.buckets());
            for (int b = 0; b < keys.buckets(); b++) {
                spentParts.add(batch.<String, String>getMap(keys.spent(b, key.day()), StringCodec.INSTANCE)
                        .getAllAsync(Set.of(key.campaignId(), key.campaignId() + ":n")));
                minuteParts.add(batch.<String, String>getMap(keys.minutes(b, key.campaignId(), key.day()),
                        StringCodec.INSTANCE).readAllMapAsync());
            }
            batch.execute();
            long spent = 0;
            long impressions = 0;
            for (RFuture<Map<String, String>> f : spentParts) {
                Map<String, String> m = f.getNow();
                spent += Long.parseLong(m.getOrDefault(key.campaignId(), "0"));
                impressions += Long.parseLong(m.getOrDefault(key.campaignId() + ":n", "0"));
            }
            Map<Integer, Long> minutes = new java.util.TreeMap<>();
            for (RFuture<Map<String, String>> f : minuteParts) {
                for (Map.Entry<String, String> e : f.getNow().entrySet()) {
                    minutes.merge(Integer.parseInt(e.getKey()), Long.parseLong(e.getValue()), Long::sum);
                }
            }
            return new Delivery(spent, impressions, minutes);
        });
    }

    /**
     * Commands this store has sent to Redis (a script counts once, a batch once per command in
     * it); for the harness and for operators sizing Redis.
     */
    public long commandsSent() {
        return commandsSent.sum();
    }

    private <T> T call(int commands, Supplier<T> op) {
        commandsSent.add(commands);
        try {
            return op.get();
        } catch (RedisException e) {
            throw new BudgetStoreUnavailableException("Redis: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the Redisson client belongs to whoever made it
    }
}
