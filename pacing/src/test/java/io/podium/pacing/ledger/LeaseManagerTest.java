package io.podium.pacing.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.ChronicleBudgetStore;
import io.podium.pacing.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseManagerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final BudgetKey C1 = new BudgetKey("c1", DAY);

    @TempDir
    Path dir;

    @Test
    void topUpLeasesToTheTargetOnlyBelowTheLowWaterMark() {
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir.resolve("s"), 1000, DAY);
             ChargeJournal journal = new ChargeJournal(dir.resolve("j"), 1000)) {
            BudgetLedger ledger = new BudgetLedger(store, journal, new MutableClock(Instant.EPOCH), 60_000);
            LeaseManager leases = new LeaseManager(store, ledger, 4);

            assertEquals(10_000, leases.topUp(C1, 1_000_000, 2_000, 10_000));
            assertEquals(0, leases.topUp(C1, 1_000_000, 2_000, 10_000), "above the low-water mark");
            ledger.bucket(C1).tryTake(9_000);
            assertEquals(9_000, leases.topUp(C1, 1_000_000, 2_000, 10_000));
        }
    }

    @Test
    void nodesTogetherNeverLeaseMoreThanTheDailyBudget() {
        long seed = System.nanoTime();
        System.out.println("nodesTogetherNeverLeaseMoreThanTheDailyBudget seed=" + seed);
        Random random = new Random(seed);
        long budget = 1_000_003;
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir.resolve("s"), 1000, DAY)) {
            List<BudgetLedger> nodes = new ArrayList<>();
            List<LeaseManager> managers = new ArrayList<>();
            List<ChargeJournal> journals = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                ChargeJournal j = new ChargeJournal(dir.resolve("j" + n), 1000);
                journals.add(j);
                BudgetLedger l = new BudgetLedger(store, j, new MutableClock(Instant.EPOCH), 60_000);
                nodes.add(l);
                managers.add(new LeaseManager(store, l, 8));
            }
            long spent = 0;
            for (int round = 0; round < 2_000; round++) {
                int n = random.nextInt(4);
                managers.get(n).topUp(C1, budget, 50_000, 20_000 + random.nextInt(80_000));
                int take = random.nextInt(40_000);
                if (nodes.get(n).bucket(C1).tryTake(take)) {
                    spent += take;
                }
                if (random.nextInt(10) == 0) {
                    managers.get(n).giveBack(C1);
                }
            }
            long held = 0;
            for (BudgetLedger l : nodes) {
                held += l.bucket(C1).available();
            }
            long left = 0;
            for (int s = 0; s < 8; s++) {
                left += store.remaining(C1, s).orElse(new LeaseManager(store, nodes.get(0), 8).shardShare(budget, s));
            }
            assertEquals(budget, held + left + spent, "seed=" + seed + ": every micro is held, left or spent, once");
            assertTrue(spent > budget / 2, "seed=" + seed + ": the budget was mostly spent (" + spent + ")");
            for (ChargeJournal j : journals) {
                j.close();
            }
        }
    }
}
