package io.podium.pacing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded store promises: its state survives the process, old days are pruned. */
class ChronicleBudgetStoreTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final BudgetKey C1 = new BudgetKey("c1", DAY);

    @TempDir
    Path dir;

    @Test
    void leasesAndChargesSurviveAReopen() {
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir, 10_000, DAY)) {
            store.lease(C1, 0, 1000, 400);
            store.charge(List.of(new Charge("a:1:b", C1, 123)));
        }
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir, 10_000, DAY)) {
            assertEquals(OptionalLong.of(600), store.remaining(C1, 0));
            assertEquals(123, store.spent(C1));
            assertEquals(Set.of(), store.charge(List.of(new Charge("a:1:b", C1, 123))));
        }
    }

    @Test
    void daysBeforeTheCutoffArePrunedOnOpen() {
        BudgetKey old = new BudgetKey("c1", DAY.minusDays(5));
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir, 10_000, DAY.minusDays(10))) {
            store.lease(old, 0, 1000, 400);
            store.charge(List.of(new Charge("old:1:b", old, 50), new Charge("new:1:b", C1, 60)));
        }
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir, 10_000, DAY.minusDays(1))) {
            assertEquals(OptionalLong.empty(), store.remaining(old, 0));
            assertEquals(0, store.spent(old));
            assertEquals(60, store.spent(C1));
        }
    }
}
