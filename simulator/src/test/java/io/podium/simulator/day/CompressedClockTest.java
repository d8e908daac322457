package io.podium.simulator.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CompressedClockTest {
    private static final Instant ORIGIN = Instant.parse("2026-11-22T23:58:00Z");

    @Test
    void standsStillUntilStartedThenRunsFaster() throws InterruptedException {
        CompressedClock clock = new CompressedClock(ORIGIN, 1_000);
        assertEquals(ORIGIN, clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        clock.start();
        Thread.sleep(20);
        assertTrue(clock.elapsedMillis() >= 20_000, "20 real ms are at least 20 simulated seconds");
    }

    @Test
    void anotherZoneSeesTheSameSimulatedTime() {
        CompressedClock clock = new CompressedClock(ORIGIN, 1_000);
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
        assertEquals(ORIGIN, paris.instant(), "not started: the same instant in every zone");
        assertEquals(ZoneOffset.UTC, paris.withZone(ZoneOffset.UTC).getZone());
    }
}
