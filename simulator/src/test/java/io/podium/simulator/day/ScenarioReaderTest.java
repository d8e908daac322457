package io.podium.simulator.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    private static final String DSP = "dsps:\n  - {id: d1}\n";

    @Test
    void theBundledScenariosRead() throws Exception {
        Scenario d = ScenarioReader.read(Path.of("..", "config", "scenarios", "default.yaml"));
        assertEquals("default", d.name());
        assertTrue(d.realSeconds() <= 300, "the default day runs in at most five minutes");
        assertEquals(Scenario.TARGETS, d.heldTo());
        assertEquals(3, d.nodes());
        Scenario outage = ScenarioReader.read(Path.of("..", "config", "scenarios", "redis-outage.yaml"));
        assertTrue(outage.faults().stream().anyMatch(f -> f.kind().equals(Scenario.FaultSpec.REDIS_OUTAGE)));
        assertEquals(List.of("overspend", "charges"), outage.heldTo());
    }

    @Test
    void defaultsFillWhatIsLeftOut() {
        Scenario s = ScenarioReader.parse(DSP, "t");
        assertEquals(240, s.realSeconds());
        assertEquals(3, s.nodes());
        assertEquals(150_000, s.traffic().requestsPerDay());
        assertEquals(0.97, s.traffic().renderRate());
        assertEquals(360.0, s.compression());
        assertTrue(s.campaigns().isEmpty());
        assertTrue(s.pacing().isEmpty());
    }

    @Test
    void campaignsFaultsAndPacingAreRead() {
        Scenario s = ScenarioReader.parse(DSP + """
                campaigns:
                  - {id: a, advertiser: x, budget_micros: 5000000, max_cpm_micros: 2000000, media: [banner, video], publishers: "2-5"}
                  - {id: b, budget_micros: 1000000, max_cpm_micros: 1000000, reach: 0.25}
                faults:
                  - {kind: redis_outage, from: 10:00, to: "10:30"}
                  - {kind: node_kill, node: 1, from: "14:00", to: "24:00"}
                  - {kind: dsp_slowdown, dsp: d1, from: "18:00", to: "19:00", factor: 4}
                pacing: {control_interval_seconds: 120}
                """, "t");
        assertEquals(List.of("banner", "video"), s.campaigns().get(0).media());
        assertEquals(2, s.campaigns().get(0).publishers()[0]);
        assertEquals(5, s.campaigns().get(0).publishers()[1]);
        assertNull(s.campaigns().get(1).publishers());
        assertEquals("adv-1", s.campaigns().get(1).advertiser());
        assertEquals(LocalTime.of(10, 0), s.faults().get(0).from(), "unquoted 10:00 (a YAML base-60 integer) is a time");
        assertEquals(LocalTime.of(10, 30), s.faults().get(0).to());
        assertEquals(86_399, s.faults().get(1).toSecond());
        assertEquals(4.0, s.faults().get(2).factor());
        assertEquals(120L, s.pacing().get("control_interval_seconds"));
    }

    @Test
    void mistakesAreNamedPrecisely() {
        assertProblem("t: traffic.render_rate: must be within 0.0..1.0, got 2.0", DSP + "traffic: {render_rate: 2}");
        assertProblem("t: nodez: unknown key", DSP + "nodez: 3");
        assertProblem("t: traffic.mix: shares must add up to 1, got 1.5",
                DSP + "traffic: {mix: {banner: 1, video: 0.5, pod: 0, ssai: 0}}");
        assertProblem("t: dsps: at least one DSP is needed", "nodes: 2");
        assertProblem("t: faults[0].dsp: no DSP d9",
                DSP + "faults: [{kind: dsp_slowdown, dsp: d9, from: '01:00', to: '02:00'}]");
        assertProblem("t: faults[0].to: must be after from", DSP + "faults: [{kind: redis_outage, from: '02:00', to: '01:00'}]");
        assertProblem("t: faults[0].kind: redis_outage, node_kill or dsp_slowdown, got flood",
                DSP + "faults: [{kind: flood, from: '01:00', to: '02:00'}]");
        assertProblem("t: faults[0].node: must be within 0..2, got 3",
                DSP + "faults: [{kind: node_kill, node: 3, from: '01:00', to: '02:00'}]");
        assertProblem("t: campaigns[0].publishers: must satisfy first <= last < 40, got 10-50",
                DSP + "campaigns: [{id: a, budget_micros: 5000, max_cpm_micros: 5000, publishers: '10-50'}]");
        assertProblem("t: campaigns[1].id: duplicate a", DSP + "campaigns: [{id: a, budget_micros: 5000, max_cpm_micros: 5000},"
                + " {id: a, budget_micros: 5000, max_cpm_micros: 5000}]");
        assertProblem("t: campaigns[0].budget_micros: required", DSP + "campaigns: [{id: a, max_cpm_micros: 5000}]");
        assertProblem("t: pacing.lease: unknown key", DSP + "pacing: {lease: 5}");
        assertProblem("t: held_to: targets are", DSP + "held_to: [speed]");
        assertProblem("t: dsps[0]: ", "dsps: [{id: d1, bidRate: 7}]");
    }

    private static void assertProblem(String expectedStart, String yaml) {
        ScenarioReader.ScenarioException e = assertThrows(ScenarioReader.ScenarioException.class,
                () -> ScenarioReader.parse(yaml, "t"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
