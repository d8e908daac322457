package io.podium.pacing.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.store.RedisBudgetStore;
import io.podium.pacing.redis.RedisServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A shortened compressed day (fewer campaigns and nodes than the report's run, same code
 * path) against a real redis-server: nothing is overspent, every settled charge is in the store
 * exactly once, and spend follows the plan. The full figures come from
 * {@code ./podium pacing-day} (docs/pacing.md).
 */
class PacingDayTest {
    @TempDir
    Path dir;

    @Test
    void twoNodesSharingRedisSpendEveryBudgetEvenlyAndNeverOverspend() throws Exception {
        long seed = System.nanoTime() % 100_000;
        System.out.println("PacingDayTest seed " + seed);
        DayScenario scenario = new DayScenario(40, 2, 2_000_000L, 400, 4_000, 0.15, 0.10, seed, LocalDate.of(2026, 11, 23));
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            Config config = new Config();
            config.useSingleServer().setAddress(redis.address()).setTimeout(3000).setConnectTimeout(1000);
            RedissonClient client = Redisson.create(config);
            try (RedisBudgetStore store = new RedisBudgetStore(client, "day:", 8, Duration.ofDays(3))) {
                DayReport report = new PacingDayHarness(scenario, store, dir, store::commandsSent, null).run();
                System.out.println(report.toMarkdown());

                assertEquals(0, report.maxOverspendMicros(), "no campaign spends a micro over its budget");
                for (CampaignReport c : report.campaigns()) {
                    assertEquals(c.settledMicros(), c.spentMicros(), c.id() + ": every settled charge is in the store once");
                }
                assertTrue(report.ample().size() >= 15, "enough campaigns have the supply to spend their budget");
                assertTrue(report.spread(CampaignReport::cumulativeRmse)[0] <= 0.02, "spend follows the plan");
                assertTrue(report.minUtilisationWhereSupplyAllows() >= 0.98, "budgets are spent (the full run reports >= 99%)");
                assertTrue(report.campaigns().stream().filter(c -> !c.supplyAllows()).allMatch(c -> c.utilisation() < 1),
                        "supply-limited campaigns are not pushed over budget");
            } finally {
                client.shutdown();
            }
        }
    }
}
