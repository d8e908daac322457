package io.podium.simulator.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DspProfileTest {

    @Test
    void readsEveryKeyFromAYamlShapedMap() {
        DspProfile p = DspProfile.fromMap(Map.of(
                "id", "dsp-a",
                "seat", "s1",
                "latency", Map.of("medianMs", 40, "sigma", 0.5, "tailProbability", 0.02, "tailMultiplier", 8),
                "bidRate", 0.7,
                "price", Map.of("medianCpm", 3.5, "sigma", 0.4),
                "adomains", List.of("a.example", "b.example"),
                "categories", List.of("IAB1"),
                "maxPodBids", 3,
                "faults", Map.of("timeout", 0.1, "timeoutDelayMs", 2000, "hang", 0.05, "trickleIntervalMs", 7)));
        assertEquals("s1", p.seat());
        assertEquals(new DspProfile.Latency(40, 0.5, 0.02, 8), p.latency());
        assertEquals(0.7, p.bidRate());
        assertEquals(new DspProfile.Price(3.5, 0.4), p.price());
        assertEquals(List.of("a.example", "b.example"), p.adomains());
        assertEquals(3, p.maxPodBids());
        assertEquals(0.1, p.faults().timeout());
        assertEquals(2000, p.faults().timeoutDelayMs());
        assertEquals(0.05, p.faults().hang());
        assertEquals(7, p.faults().trickleIntervalMs());
        assertEquals(0, p.faults().serverError());
    }

    @Test
    void missingKeysTakeTheBuilderDefaults() {
        DspProfile p = DspProfile.fromMap(Map.of("id", "only-id"));
        assertEquals(DspProfile.builder("only-id").build(), p);
    }

    @Test
    void rejectsBadValuesNamingTheField() {
        assertMessage("unknown key 'latency.median'", () -> DspProfile.fromMap(Map.of("id", "x", "latency", Map.of("median", 3))));
        assertMessage("bidRate must be within", () -> DspProfile.builder("x").bidRate(1.5).build());
        assertMessage("price.medianCpm", () -> new DspProfile.Price(0, 0.3));
        assertMessage("latency.tailMultiplier", () -> new DspProfile.Latency(10, 0.3, 0.1, 0.5));
        assertMessage("must sum to at most 1", () -> new DspProfile.Faults(0.5, 100, 0.4, 0.2, 0, 0, 1, 0));
        assertMessage("adomains must name at least one", () -> DspProfile.builder("x").adomains(List.of()).build());
        assertMessage("bidRate must be a number", () -> DspProfile.fromMap(Map.of("id", "x", "bidRate", "lots")));
        assertMessage("id must be a non-blank string", () -> DspProfile.fromMap(Map.of("seat", "s")));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void faultDrawFollowsTheCumulativeMix() {
        DspProfile.Faults f = new DspProfile.Faults(0.1, 100, 0.1, 0.1, 0.1, 0.1, 1, 0.1);
        assertEquals(Fault.TIMEOUT, Fault.draw(f, 0.05));
        assertEquals(Fault.HANG, Fault.draw(f, 0.15));
        assertEquals(Fault.SERVER_ERROR, Fault.draw(f, 0.25));
        assertEquals(Fault.MALFORMED, Fault.draw(f, 0.35));
        assertEquals(Fault.TRICKLE, Fault.draw(f, 0.45));
        assertEquals(Fault.NO_BID, Fault.draw(f, 0.55));
        assertEquals(null, Fault.draw(f, 0.65));
    }
}
