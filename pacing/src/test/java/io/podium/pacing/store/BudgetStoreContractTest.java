package io.podium.pacing.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.testing.RedisClusterProcesses;
import io.podium.pacing.redis.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * One contract, every {@link BudgetStore}: Chronicle Map on disk, Redis on one real
 * {@code redis-server}, and Redis on a real three-master cluster.
 */
class BudgetStoreContractTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static RedisServerProcess single;
    private static RedisClusterProcesses cluster;
    private static RedissonClient singleClient;
    private static RedissonClient clusterClient;
    private static final List<BudgetStore> opened = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        single = RedisServerProcess.start();
        cluster = RedisClusterProcesses.start();
        Config s = new Config();
        s.useSingleServer().setAddress(single.address()).setTimeout(3000).setRetryAttempts(2);
        singleClient = Redisson.create(s);
        Config c = new Config();
        c.useClusterServers().addNodeAddress(cluster.addresses().toArray(new String[0])).setTimeout(3000)
                .setRetryAttempts(2);
        clusterClient = Redisson.create(c);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        for (BudgetStore s : opened) {
            s.close();
        }
        singleClient.shutdown();
        clusterClient.shutdown();
        single.close();
        cluster.close();
    }

    static Stream<Named<Supplier<BudgetStore>>> stores() {
        return Stream.of(
                Named.of("chronicle-map", () -> track(new ChronicleBudgetStore(tempDir(), 10_000, DAY.minusDays(2)))),
                Named.of("redis", () -> track(new RedisBudgetStore(singleClient, "t" + PREFIXES.incrementAndGet() + ":",
                        16, Duration.ofDays(3)))),
                Named.of("redis-cluster", () -> track(new RedisBudgetStore(clusterClient,
                        "t" + PREFIXES.incrementAndGet() + ":", 16, Duration.ofDays(3)))));
    }

    private static BudgetStore track(BudgetStore s) {
        opened.add(s);
        return s;
    }

    private static java.nio.file.Path tempDir() {
        return io.podium.pacing.testing.TempDirs.create("podium-budget");
    }

    private static final BudgetKey C1 = new BudgetKey("c1", DAY);

    @ParameterizedTest
    @MethodSource("stores")
    void leaseGrantsAtMostWhatIsLeft(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        assertEquals(300, store.lease(C1, 0, 1000, 300));
        assertEquals(700, store.lease(C1, 0, 1000, 800));
        assertEquals(0, store.lease(C1, 0, 1000, 1));
        assertEquals(OptionalLong.of(0), store.remaining(C1, 0));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aBatchedLeaseGrantsEachCampaignWhatASingleLeaseWould(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        BudgetKey c3 = new BudgetKey("cmp-3", C1.day());
        BudgetKey life = BudgetKey.lifetime("cmp-1");
        store.lease(c3, 2, 50, 40);
        long[] granted = store.leaseAll(2, java.util.List.of(new BudgetStore.LeaseRequest(C1, 1000, 300),
                new BudgetStore.LeaseRequest(c3, 50, 40), new BudgetStore.LeaseRequest(life, 5000, 0),
                new BudgetStore.LeaseRequest(life, 5000, 6000)));
        assertArrayEquals(new long[] {300, 10, 0, 5000}, granted);
        assertEquals(700, store.remaining(C1, 2).getAsLong());
        assertEquals(0, store.remaining(c3, 2).getAsLong());
        assertEquals(0, store.remaining(life, 2).getAsLong());
        assertEquals(0, store.remaining(C1, 3).orElse(0), "other shards untouched");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theFirstLeaseSetsTheShardAndLaterInitialValuesAreIgnored(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        assertEquals(OptionalLong.empty(), store.remaining(C1, 3));
        store.lease(C1, 3, 500, 100);
        store.lease(C1, 3, 99_999, 100);
        assertEquals(OptionalLong.of(300), store.remaining(C1, 3));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void shardsCampaignsAndDaysAreIndependent(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        store.lease(C1, 0, 1000, 1000);
        assertEquals(400, store.lease(C1, 1, 1000, 400));
        assertEquals(400, store.lease(new BudgetKey("c2", DAY), 0, 1000, 400));
        assertEquals(400, store.lease(new BudgetKey("c1", DAY.plusDays(1)), 0, 1000, 400));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void givenBackMicrosCanBeLeasedAgain(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        store.lease(C1, 0, 1000, 1000);
        store.giveBack(C1, 0, 250);
        assertEquals(OptionalLong.of(250), store.remaining(C1, 0));
        assertEquals(250, store.lease(C1, 0, 1000, 900));
        store.giveBack(C1, 9, 100);
        assertEquals(OptionalLong.empty(), store.remaining(C1, 9));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void concurrentLeasesNeverGrantMoreThanTheShardHeld(Supplier<BudgetStore> factory) throws Exception {
        BudgetStore store = factory.get();
        long seed = System.nanoTime();
        System.out.println("concurrentLeasesNeverGrantMoreThanTheShardHeld seed=" + seed);
        long initial = 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Random random = new Random(seed + t);
            parts.add(pool.submit(() -> {
                long got = 0;
                for (int i = 0; i < 60; i++) {
                    got += store.lease(C1, 0, initial, 1 + random.nextInt(5000));
                }
                return got;
            }));
        }
        long total = 0;
        for (Future<Long> f : parts) {
            total += f.get();
        }
        pool.shutdown();
        long left = store.remaining(C1, 0).orElseThrow();
        assertEquals(initial, total + left, "seed=" + seed);
        assertTrue(left >= 0, "seed=" + seed);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aChargeIsRecordedOnceHoweverOftenItComes(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        Charge charge = new Charge("a1:1:b1", C1, 1_500);
        assertEquals(Set.of("a1:1:b1"), store.charge(List.of(charge, charge)));
        for (int i = 0; i < 1000; i++) {
            assertEquals(Set.of(), store.charge(List.of(charge)));
        }
        assertEquals(1_500, store.spent(C1));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void spendIsSummedPerCampaignAndDay(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        BudgetKey c2 = new BudgetKey("c2", DAY);
        BudgetKey tomorrow = new BudgetKey("c1", DAY.plusDays(1));
        List<Charge> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(new Charge("a" + i + ":1:b", C1, 10));
            batch.add(new Charge("x" + i + ":1:b", c2, 7));
        }
        batch.add(new Charge("t:1:b", tomorrow, 3));
        assertEquals(201, store.charge(batch).size());
        assertEquals(1_000, store.spent(C1));
        assertEquals(700, store.spent(c2));
        assertEquals(3, store.spent(tomorrow));
        assertEquals(0, store.spent(new BudgetKey("c3", DAY)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void chargedReportsTheAmountsOfKnownIds(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        store.charge(List.of(new Charge("k1", C1, 11), new Charge("k2", C1, 22)));
        assertEquals(Map.of("k1", 11L, "k2", 22L), store.charged(C1, List.of("k1", "k2", "k3")));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void deliveryReportsSpendImpressionsAndSpendPerMinute(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        store.charge(List.of(new Charge("d1", C1, 100, 600), new Charge("d2", C1, 250, 600),
                new Charge("d3", C1, 50, 601), new Charge("d4", C1, 7), new Charge("x", new BudgetKey("c2", DAY), 9, 600)));
        store.charge(List.of(new Charge("d1", C1, 100, 600)));

        Delivery d = store.delivery(C1);

        assertEquals(407, d.spentMicros());
        assertEquals(4, d.impressions());
        assertEquals(Map.of(600, 350L, 601, 50L), d.spentByMinute());
        assertEquals(new Delivery(0, 0, Map.of()), store.delivery(new BudgetKey("c9", DAY)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void spentOnReadsEveryCampaignOfADayAtOnce(Supplier<BudgetStore> factory) {
        BudgetStore store = factory.get();
        List<Charge> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(new Charge("s" + i, new BudgetKey("c" + (i % 5), DAY), 10, i));
        }
        batch.add(new Charge("other-day", new BudgetKey("c0", DAY.plusDays(1)), 99));
        store.charge(batch);

        assertEquals(Map.of("c0", 100L, "c1", 100L, "c2", 100L, "c3", 100L, "c4", 100L), store.spentOn(DAY));
        assertEquals(Map.of("c0", 99L), store.spentOn(DAY.plusDays(1)));
    }
}
