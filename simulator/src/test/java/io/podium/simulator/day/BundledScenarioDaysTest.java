package io.podium.simulator.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two bundled scenarios, whole (about four and a half minutes each): the default day meets
 * every pacing target; the day with a Redis outage and a node killed overspends nothing and
 * loses no charge.
 */
class BundledScenarioDaysTest {
    private static final PrintStream PROGRESS = System.out;

    @Test
    void theDefaultDayMeetsThePacingTargets(@TempDir Path out) throws Exception {
        DayResult r = new DaySimulation(ScenarioReader.read(Path.of("..", "config", "scenarios", "default.yaml")), out,
                PROGRESS).run();
        Targets t = Targets.of(r);
        System.out.print(t.report());
        assertTrue(t.allMet(), t.report());
        assertTrue(t.checks().stream().allMatch(Targets.Check::held), "the default day is held to every target");
        assertTrue(r.podium().stream().filter(c -> r.supplyAllows(r.podium().indexOf(c))).count() >= 3,
                "at least three campaigns are held to the utilisation and error targets");
    }

    @Test
    void aDayWithARedisOutageOverspendsNothingAndLosesNothing(@TempDir Path out) throws Exception {
        DayResult r = new DaySimulation(ScenarioReader.read(Path.of("..", "config", "scenarios", "redis-outage.yaml")),
                out, PROGRESS).run();
        System.out.print(Targets.of(r).report());
        assertEquals(0, r.maxOverspendMicros());
        assertEquals(0, r.chargesLostOrDoubledMicros());
        assertTrue(r.ledgerChargedMicros() > 0);
    }
}
