package io.podium.pacing.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.RedisBudgetStore;
import io.podium.pacing.testing.MutableClock;
import io.podium.pacing.redis.RedisServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Redis killed mid-run and restarted: nothing lost, nothing charged twice, nothing overspent. */
class RedisOutageTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final BudgetKey C1 = new BudgetKey("c1", DAY);
    private static final long BUDGET = 100_000;

    @TempDir
    Path dir;

    @Test
    void anOutageLosesNoChargeChargesNothingTwiceAndSpendsOnlyWhatWasLeased() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
        try (RedisServerProcess redis = RedisServerProcess.start(List.of("--appendonly", "yes", "--appendfsync", "always"));
             ChargeJournal journal = new ChargeJournal(dir, 10_000)) {
            Config config = new Config();
            config.useSingleServer().setAddress(redis.address()).setTimeout(300).setRetryAttempts(1)
                    .setRetryInterval(50).setConnectTimeout(300);
            RedissonClient client = Redisson.create(config);
            try {
                RedisBudgetStore store = new RedisBudgetStore(client, "outage:", 16, Duration.ofDays(3));
                BudgetLedger ledger = new BudgetLedger(store, journal, clock, 600_000);
                LeaseManager leases = new LeaseManager(store, ledger, 4);

                // given: a node holding a lease, some charges flushed
                assertEquals(30_000, leases.topUp(C1, BUDGET, 5_000, 30_000));
                long charged = 0;
                for (int i = 0; i < 5; i++) {
                    assertTrue(ledger.reserve(C1, "before" + i, 2_000));
                    ledger.settle(C1, "before" + i, 1_500, clock.millis());
                    charged += 1_500;
                }
                assertEquals(5, ledger.flush(100));

                // when: Redis dies
                redis.kill();
                int bids = 0;
                for (int i = 0; i < 100; i++) {
                    if (ledger.reserve(C1, "during" + i, 2_000)) {
                        bids++;
                        ledger.settle(C1, "during" + i, 1_500, clock.millis());
                        ledger.settle(C1, "during" + i, 1_500, clock.millis());
                        charged += 1_500;
                    }
                }
                // then: the node spends only what it held, leases nothing, keeps every charge
                assertEquals(0, leases.topUp(C1, BUDGET, 100_000, 100_000));
                assertEquals(0, ledger.flush(100));
                assertEquals(bids, journal.size());
                assertTrue(bids <= (30_000 - 5 * 1_500) / 1_500 + 1, "bid only with what was held: " + bids);
                assertFalse(ledger.reserve(C1, "over", 2_000 + ledger.bucket(C1).available()));

                // when: Redis comes back
                redis.restart();
                int flushed = 0;
                for (int attempt = 0; attempt < 100 && journal.size() > 0; attempt++) {
                    flushed += ledger.flush(100);
                    Thread.sleep(100);
                }
                // then: every charge is there once
                assertEquals(bids, flushed);
                assertEquals(charged, store.spent(C1));
                ledger.settle(C1, "before0", 1_500, clock.millis());
                ledger.flush(100);
                assertEquals(charged, store.spent(C1), "a replayed notice after recovery is not charged again");
                long left = 0;
                for (int s = 0; s < 4; s++) {
                    left += store.remaining(C1, s).orElse(leases.shardShare(BUDGET, s));
                }
                assertEquals(BUDGET, left + ledger.bucket(C1).available() + charged + ledger.reserved(C1),
                        "every micro is left in Redis, held, charged or reserved, once");
            } finally {
                client.shutdown();
            }
        }
    }
}
