package io.podium.pacing.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.redis.RedisServerProcess;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** One contract for every {@link CampaignRepository}, plus what only the shared one promises. */
class CampaignRepositoryContractTest {
    private static RedisServerProcess redis;
    private static RedissonClient nodeA;
    private static RedissonClient nodeB;
    private static final AtomicInteger PREFIX = new AtomicInteger();
    private static final List<CampaignRepository> opened = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServerProcess.start();
        nodeA = client();
        nodeB = client();
    }

    private static RedissonClient client() {
        Config c = new Config();
        c.useSingleServer().setAddress(redis.address()).setTimeout(2000);
        return Redisson.create(c);
    }

    @AfterAll
    static void stop() {
        opened.forEach(CampaignRepository::close);
        nodeA.shutdown();
        nodeB.shutdown();
        redis.close();
    }

    static Stream<Named<Supplier<CampaignRepository>>> repositories() {
        return Stream.of(
                Named.of("chronicle-map", () -> track(new ChronicleCampaignRepository(tempDir(), 1000))),
                Named.of("redis", () -> track(new RedisCampaignRepository(nodeA, "r" + PREFIX.incrementAndGet() + ":", 30))));
    }

    private static CampaignRepository track(CampaignRepository r) {
        opened.add(r);
        return r;
    }

    private static java.nio.file.Path tempDir() {
        return io.podium.pacing.testing.TempDirs.create("podium-campaigns");
    }

    @ParameterizedTest
    @MethodSource("repositories")
    void storesAndListsCampaigns(Supplier<CampaignRepository> factory) {
        CampaignRepository repo = factory.get();
        repo.put(CampaignFixtures.campaign("cmp-1", "adv-1", 1));
        repo.put(CampaignFixtures.campaign("cmp-2", "adv-2", 1));
        assertEquals("adv-1", repo.get("cmp-1").orElseThrow().advertiserId());
        assertEquals(Set.of("cmp-1", "cmp-2"), repo.all().stream().map(Campaign::id).collect(Collectors.toSet()));
        assertTrue(repo.get("nope").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("repositories")
    void onlyANewerVersionReplacesACampaignAndListenersHearOfIt(Supplier<CampaignRepository> factory) {
        CampaignRepository repo = factory.get();
        List<Campaign> heard = new CopyOnWriteArrayList<>();
        repo.onChange(heard::add);
        Campaign v1 = CampaignFixtures.campaign("cmp-1", "adv-1", 1);
        repo.put(v1);
        Campaign v2 = v1.withStatus(Campaign.Status.PAUSED, 2, v1.updatedAt());
        repo.put(v2);
        assertThrows(IllegalArgumentException.class, () -> repo.put(v1));
        assertEquals(Campaign.Status.PAUSED, repo.get("cmp-1").orElseThrow().status());
        assertEquals(List.of(v1, v2), heard);
    }

    @Test
    void aChangeOnOneNodeReachesAnotherWithinASecond() throws Exception {
        String prefix = "shared" + PREFIX.incrementAndGet() + ":";
        CampaignRepository a = track(new RedisCampaignRepository(nodeA, prefix, 30));
        CampaignRepository b = track(new RedisCampaignRepository(nodeB, prefix, 30));
        List<Campaign> heardOnB = new CopyOnWriteArrayList<>();
        b.onChange(heardOnB::add);

        Campaign v1 = CampaignFixtures.campaign("cmp-9", "adv-1", 1);
        long t0 = System.nanoTime();
        a.put(v1);
        while (b.get("cmp-9").isEmpty() && System.nanoTime() - t0 < 1_000_000_000L) {
            Thread.sleep(10);
        }
        assertEquals(v1, b.get("cmp-9").orElse(null), "node B must see the campaign within a second");
        a.put(v1.withStatus(Campaign.Status.PAUSED, 2, v1.updatedAt()));
        long t1 = System.nanoTime();
        while (b.get("cmp-9").orElseThrow().version() < 2 && System.nanoTime() - t1 < 1_000_000_000L) {
            Thread.sleep(10);
        }
        assertEquals(Campaign.Status.PAUSED, b.get("cmp-9").orElseThrow().status());
        assertEquals(2, heardOnB.size());
        // a node that starts later loads everything
        CampaignRepository c = track(new RedisCampaignRepository(nodeB, prefix, 30));
        assertEquals(2, c.get("cmp-9").orElseThrow().version());
    }

    @Test
    void theEmbeddedRepositoryKeepsCampaignsAcrossARestart() throws Exception {
        java.nio.file.Path dir = tempDir();
        try (ChronicleCampaignRepository repo = new ChronicleCampaignRepository(dir, 100)) {
            repo.put(CampaignFixtures.campaign("cmp-1", "adv-1", 3));
        }
        try (ChronicleCampaignRepository repo = new ChronicleCampaignRepository(dir, 100)) {
            assertEquals(3, repo.get("cmp-1").orElseThrow().version());
        }
    }
}
