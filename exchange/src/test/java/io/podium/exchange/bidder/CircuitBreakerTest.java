package io.podium.exchange.bidder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.bidder.CircuitBreaker.State;
import io.podium.exchange.config.CircuitBreakerConfig;
import io.podium.exchange.testing.MutableClock;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final int THRESHOLD = 3;
    private static final int OPEN_MS = 1_000;
    private static final int RAMP_MS = 10_000;
    private static final int RAMP_START = 10;

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker =
            new CircuitBreaker(new CircuitBreakerConfig(THRESHOLD, OPEN_MS, RAMP_MS, RAMP_START), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.onFailure();
        }
    }

    private int allowedOutOf(int calls) {
        int allowed = 0;
        for (int i = 0; i < calls; i++) {
            if (breaker.allow()) {
                allowed++;
            }
        }
        return allowed;
    }

    /** Opens the breaker and moves the clock to the first millisecond of the ramp. */
    private void openAndReachRampStart() {
        fail(THRESHOLD);
        clock.advanceMillis(OPEN_MS);
    }

    @Test
    void startsClosedAndLetsEverythingThrough() {
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(10_000, allowedOutOf(10_000));
    }

    @Test
    void opensAfterThresholdConsecutiveFailures() {
        // when
        fail(THRESHOLD - 1);

        // then
        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.allow());

        // when
        breaker.onFailure();

        // then
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void successResetsTheFailureCount() {
        // given
        fail(THRESHOLD - 1);

        // when
        breaker.onSuccess();
        fail(THRESHOLD - 1);

        // then
        assertEquals(State.CLOSED, breaker.state());

        // when
        breaker.onFailure();

        // then
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void openBreakerRejectsEverythingUntilOpenTimeHasPassed() {
        // given
        fail(THRESHOLD);

        // then
        assertEquals(0, allowedOutOf(10_000));
        clock.advanceMillis(OPEN_MS - 1);
        assertEquals(State.OPEN, breaker.state());
        assertEquals(0, allowedOutOf(10_000));
    }

    @Test
    void successWhileOpenDoesNotClose() {
        // given
        fail(THRESHOLD);

        // when
        breaker.onSuccess();

        // then
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.allow());
    }

    @Test
    void lateFailuresWhileOpenDoNotExtendTheOpenPeriod() {
        // given
        fail(THRESHOLD);
        clock.advanceMillis(OPEN_MS / 2);

        // when: in-flight calls fail after the breaker opened
        fail(5);
        clock.advanceMillis(OPEN_MS - OPEN_MS / 2);

        // then
        assertEquals(State.RAMPING, breaker.state());
    }

    @Test
    void rampsAfterTheOpenTime() {
        // when
        openAndReachRampStart();

        // then
        assertEquals(State.RAMPING, breaker.state());
    }

    @Test
    void rampPercentGrowsLinearlyFromTheStartShareTo100() {
        // given
        openAndReachRampStart();
        long rampStart = clock.millis();

        // then
        assertEquals(10.0, breaker.rampPercent(rampStart), 1e-9);
        assertEquals(19.0, breaker.rampPercent(rampStart + 1_000), 1e-9);
        assertEquals(55.0, breaker.rampPercent(rampStart + 5_000), 1e-9);
        assertEquals(91.0, breaker.rampPercent(rampStart + 9_000), 1e-9);
        assertEquals(99.991, breaker.rampPercent(rampStart + 9_999), 1e-9);
        assertEquals(100.0, breaker.rampPercent(rampStart + 10_000), 1e-9);
    }

    @Test
    void atRampStartOnlyTheStartShareIsLetThrough() {
        // given
        openAndReachRampStart();

        // when
        int allowed = allowedOutOf(10_000);

        // then: binomial(10000, 0.10): mean 1000, sd 30; the band is 5 sd wide on each side
        assertTrue(allowed >= 850 && allowed <= 1_150, "allowed " + allowed + " of 10000 at a 10% ramp");
        assertEquals(State.RAMPING, breaker.state());
    }

    @Test
    void halfwayThroughTheRampAboutHalfIsLetThrough() {
        // given
        openAndReachRampStart();
        clock.advanceMillis(RAMP_MS / 2);

        // when
        int allowed = allowedOutOf(10_000);

        // then: 55% -> mean 5500, sd 50; band of 5 sd
        assertTrue(allowed >= 5_250 && allowed <= 5_750, "allowed " + allowed + " of 10000 at a 55% ramp");
    }

    @Test
    void successDuringTheRampKeepsRamping() {
        // given
        openAndReachRampStart();

        // when
        breaker.onSuccess();

        // then
        assertEquals(State.RAMPING, breaker.state());
    }

    @Test
    void aFailureDuringTheRampReopensAtOnce() {
        // given
        openAndReachRampStart();
        clock.advanceMillis(RAMP_MS / 2);

        // when
        breaker.onFailure();

        // then
        assertEquals(State.OPEN, breaker.state());
        assertEquals(0, allowedOutOf(10_000));
        clock.advanceMillis(OPEN_MS - 1);
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void reopenedBreakerRampsAgainFromTheStartShare() {
        // given
        openAndReachRampStart();
        clock.advanceMillis(RAMP_MS / 2);
        breaker.onFailure();

        // when
        clock.advanceMillis(OPEN_MS);

        // then
        assertEquals(State.RAMPING, breaker.state());
        assertEquals(10.0, breaker.rampPercent(clock.millis()), 1e-9);
    }

    @Test
    void reachingTheEndOfTheRampCloses() {
        // given
        openAndReachRampStart();

        // when
        clock.advanceMillis(RAMP_MS - 1);

        // then
        assertEquals(State.RAMPING, breaker.state());

        // when
        clock.advanceMillis(1);

        // then
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(10_000, allowedOutOf(10_000));
    }

    @Test
    void closedAfterTheRampNeedsTheFullThresholdToOpenAgain() {
        // given
        openAndReachRampStart();
        clock.advanceMillis(RAMP_MS);

        // when
        fail(THRESHOLD - 1);

        // then
        assertEquals(State.CLOSED, breaker.state());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void failureAfterTheRampHasEndedCountsAsAnOrdinaryFailure() {
        // given: the ramp has ended but nobody asked the breaker since
        openAndReachRampStart();
        clock.advanceMillis(RAMP_MS + 5);

        // when
        breaker.onFailure();

        // then
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void withoutARampTheBreakerClosesRightAfterTheOpenTime() {
        // given
        CircuitBreaker noRamp = new CircuitBreaker(new CircuitBreakerConfig(1, OPEN_MS, 0, RAMP_START), clock);
        noRamp.onFailure();
        assertEquals(State.OPEN, noRamp.state());

        // when
        clock.advanceMillis(OPEN_MS);

        // then
        assertEquals(State.CLOSED, noRamp.state());
        assertTrue(noRamp.allow());
    }

    @Test
    void thresholdOfOneOpensOnTheFirstFailure() {
        // given
        CircuitBreaker touchy = new CircuitBreaker(new CircuitBreakerConfig(1, OPEN_MS, RAMP_MS, RAMP_START), clock);

        // when
        touchy.onFailure();

        // then
        assertFalse(touchy.allow());
    }
}
