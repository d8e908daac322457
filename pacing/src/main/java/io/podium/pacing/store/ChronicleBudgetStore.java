package io.podium.pacing.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * {@link BudgetStore} in Chronicle Map files on local disk: the embedded default when no Redis
 * is configured, for one node. Writes go to memory-mapped files, so they survive the process
 * being killed ({@code kill -9}); the operating system writes them out.
 *
 * <p>Two maps: budget shards ({@code campaign:shard:day -> micros left}) and charges
 * ({@code day|charge id -> "micros|campaign|minute"}). The charge map is the one record of spend:
 * per-campaign totals are rebuilt from it when the store opens and kept in memory, so there is
 * no second write that a crash could separate from the first.
 */
public final class ChronicleBudgetStore implements BudgetStore {
    private final ChronicleMap<String, Long> budgets;
    private final ChronicleMap<String, String> charges;
    private final Map<String, LongAdder> spent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> impressions = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, LongAdder>> minutes = new ConcurrentHashMap<>();

    /**
     * @param dir where the map files live (created if needed)
     * @param maxCharges how many charges the file holds; older days are pruned on open
     * @param keepFrom charges and shards of days before this are removed on open
     */
    public ChronicleBudgetStore(Path dir, long maxCharges, LocalDate keepFrom) {
        try {
            Files.createDirectories(dir);
            budgets = ChronicleFiles.open(ChronicleMap.of(String.class, Long.class).name("podium-budgets")
                    .entries(200_000).averageKey("campaign-0000000000:15:2026-11-22"), file(dir, "budgets.cm3"));
            charges = ChronicleFiles.open(ChronicleMap.of(String.class, String.class).name("podium-charges")
                    .entries(maxCharges).averageKey("2026-11-22|auction-0123456789abcdef:imp-1:bid-0123456789")
                    .averageValue("123456789|campaign-0000000000|1439"), file(dir, "charges.cm3"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the budget store in " + dir, e);
        }
        prune(keepFrom);
        rebuildSpent();
    }

    private static File file(Path dir, String name) {
        return dir.resolve(name).toFile();
    }

    private void prune(LocalDate keepFrom) {
        String cutoff = keepFrom.toString();
        charges.keySet().removeIf(k -> k.substring(0, k.indexOf('|')).compareTo(cutoff) < 0);
        budgets.keySet().removeIf(k -> k.substring(k.lastIndexOf(':') + 1).compareTo(cutoff) < 0);
    }

    private void rebuildSpent() {
        charges.forEach((k, v) -> {
            String[] p = v.split("\\|");
            String day = k.substring(0, k.indexOf('|'));
            count(p[1] + "|" + day, Long.parseLong(p[0]), p.length > 2 ? Integer.parseInt(p[2]) : -1);
        });
    }

    /** Adds one charge to the in-memory totals of "campaign|day". */
    private void count(String campaignDay, long micros, int minute) {
        spent.computeIfAbsent(campaignDay, s -> new LongAdder()).add(micros);
        impressions.computeIfAbsent(campaignDay, s -> new LongAdder()).increment();
        if (minute >= 0) {
            minutes.computeIfAbsent(campaignDay, s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(minute, m -> new LongAdder()).add(micros);
        }
    }

    private static String shardKey(BudgetKey key, int shard) {
        return key.campaignId() + ":" + shard + ":" + key.day();
    }

    private static String chargeKey(LocalDate day, String id) {
        return day + "|" + id;
    }

    @Override
    public long lease(BudgetKey key, int shard, long shardInitialMicros, long requestedMicros) {
        if (requestedMicros <= 0) {
            return 0;
        }
        long[] granted = new long[1];
        budgets.compute(shardKey(key, shard), (k, left) -> {
            long l = left == null ? shardInitialMicros : left;
            granted[0] = Math.max(0, Math.min(l, requestedMicros));
            return l - granted[0];
        });
        return granted[0];
    }

    @Override
    public void giveBack(BudgetKey key, int shard, long micros) {
        if (micros > 0) {
            budgets.computeIfPresent(shardKey(key, shard), (k, left) -> left + micros);
        }
    }

    @Override
    public OptionalLong remaining(BudgetKey key, int shard) {
        Long v = budgets.get(shardKey(key, shard));
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public Set<String> charge(List<Charge> batch) {
        Set<String> fresh = new HashSet<>();
        for (Charge c : batch) {
            String value = c.amountMicros() + "|" + c.key().campaignId() + "|" + c.minute();
            if (charges.putIfAbsent(chargeKey(c.key().day(), c.id()), value) == null) {
                count(c.key().campaignId() + "|" + c.key().day(), c.amountMicros(), c.minute());
                fresh.add(c.id());
            }
        }
        return fresh;
    }

    @Override
    public Map<String, Long> charged(BudgetKey key, Collection<String> chargeIds) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String id : chargeIds) {
            String v = charges.get(chargeKey(key.day(), id));
            if (v != null) {
                out.put(id, Long.parseLong(v.substring(0, v.indexOf('|'))));
                // value: micros|campaign|minute
            }
        }
        return out;
    }

    @Override
    public long spent(BudgetKey key) {
        LongAdder a = spent.get(key.campaignId() + "|" + key.day());
        return a == null ? 0 : a.sum();
    }

    @Override
    public Map<String, Long> spentOn(LocalDate day) {
        String suffix = "|" + day;
        Map<String, Long> out = new java.util.HashMap<>();
        spent.forEach((k, v) -> {
            if (k.endsWith(suffix)) {
                out.put(k.substring(0, k.length() - suffix.length()), v.sum());
            }
        });
        return out;
    }

    @Override
    public Delivery delivery(BudgetKey key) {
        String k = key.campaignId() + "|" + key.day();
        Map<Integer, Long> perMinute = new java.util.TreeMap<>();
        minutes.getOrDefault(k, Map.of()).forEach((m, a) -> perMinute.put(m, a.sum()));
        LongAdder n = impressions.get(k);
        return new Delivery(spent(key), n == null ? 0 : n.sum(), perMinute);
    }

    @Override
    public void close() {
        budgets.close();
        charges.close();
    }
}
