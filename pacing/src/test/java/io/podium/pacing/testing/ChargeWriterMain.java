package io.podium.pacing.testing;

import io.podium.pacing.ledger.BudgetLedger;
import io.podium.pacing.ledger.ChargeJournal;
import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.ChronicleBudgetStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A node for the crash test, run in its own JVM: leases a budget, settles {@code n} charges
 * (flushing every tenth), prints {@code SETTLED} and then keeps working until it is killed.
 * Arguments: data directory, number of charges.
 */
public final class ChargeWriterMain {
    private ChargeWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        BudgetKey key = new BudgetKey("c1", LocalDate.of(2026, 11, 22));
        ChronicleBudgetStore store = new ChronicleBudgetStore(dir.resolve("store"), 10_000, key.day().minusDays(1));
        ChargeJournal journal = new ChargeJournal(dir.resolve("journal"), 10_000);
        BudgetLedger ledger = new BudgetLedger(store, journal, Clock.systemUTC(), 600_000);
        ledger.bucket(key).put(store.lease(key, 0, 1_000_000, 1_000_000));
        for (int i = 0; i < n; i++) {
            String id = "a" + i + ":1:b";
            ledger.reserve(key, id, 1_000);
            ledger.settle(key, id, 700, System.currentTimeMillis());
            if (i % 10 == 9) {
                ledger.flush(5);
            }
        }
        System.out.println("SETTLED");
        System.out.flush();
        while (true) {
            Thread.sleep(1000);
        }
    }
}
