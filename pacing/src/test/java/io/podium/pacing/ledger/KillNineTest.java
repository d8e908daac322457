package io.podium.pacing.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.ChronicleBudgetStore;
import io.podium.pacing.testing.ChargeWriterMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node killed with SIGKILL and restarted in embedded mode keeps every charge, once. */
class KillNineTest {
    @TempDir
    Path dir;

    @Test
    void aNodeKilledWithKillNineKeepsItsSpend() throws Exception {
        int charges = 237;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-Dchronicle")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChargeWriterMain.class.getName(), dir.toString(),
                Integer.toString(charges)));
        Process node = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean settled = false;
            while ((line = out.readLine()) != null) {
                if ("SETTLED".equals(line)) {
                    settled = true;
                    break;
                }
            }
            assertTrue(settled, "the child node never finished settling");
            node.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertTrue(node.waitFor(10, TimeUnit.SECONDS));
        }

        BudgetKey key = new BudgetKey("c1", LocalDate.of(2026, 11, 22));
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir.resolve("store"), 10_000, key.day().minusDays(1));
             ChargeJournal journal = new ChargeJournal(dir.resolve("journal"), 10_000)) {
            BudgetLedger restarted = new BudgetLedger(store, journal, Clock.systemUTC(), 600_000);
            while (restarted.flush(100) > 0) {
                // replay everything the killed node had journaled but not flushed
            }
            assertEquals(charges * 700L, store.spent(key), "every charge survives the crash, once");
            assertEquals(0, journal.size());
        }
    }
}
