package io.podium.exchange.bidder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QpsLimiterTest {
    private final MutableClock clock = new MutableClock();

    private static int drain(QpsLimiter limiter) {
        int n = 0;
        while (limiter.tryAcquire()) {
            n++;
            if (n > 10_000_000) {
                throw new AssertionError("limiter never ran dry");
            }
        }
        return n;
    }

    @Test
    void zeroMeansNoLimit() {
        // given
        QpsLimiter unlimited = new QpsLimiter(0, clock);

        // then
        for (int i = 0; i < 100_000; i++) {
            assertTrue(unlimited.tryAcquire());
        }
    }

    @Test
    void startsWithOneSecondsWorthOfTokens() {
        // given
        QpsLimiter limiter = new QpsLimiter(100, clock);

        // when
        int burst = drain(limiter);

        // then
        assertEquals(100, burst);
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void refillsInProportionToElapsedTime() {
        // given: 100 qps = one token per 10 ms
        QpsLimiter limiter = new QpsLimiter(100, clock);
        drain(limiter);

        // when
        clock.advanceMillis(5);

        // then
        assertFalse(limiter.tryAcquire());

        // when
        clock.advanceMillis(5);

        // then
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());

        // when
        clock.advanceMillis(250);

        // then
        assertEquals(25, drain(limiter));
    }

    @Test
    void neverHoldsMoreThanOneSecondsWorth() {
        // given
        QpsLimiter limiter = new QpsLimiter(100, clock);
        drain(limiter);

        // when
        clock.advanceMillis(60_000);

        // then
        assertEquals(100, drain(limiter));
    }

    @Test
    void oneQpsAllowsOneCallPerSecond() {
        // given
        QpsLimiter limiter = new QpsLimiter(1, clock);
        assertTrue(limiter.tryAcquire());

        // when
        clock.advanceMillis(999);

        // then
        assertFalse(limiter.tryAcquire());
        clock.advanceMillis(1);
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void fractionalRefillsAccumulate() {
        // given: 3 qps = one token per 333.3 ms
        QpsLimiter limiter = new QpsLimiter(3, clock);
        drain(limiter);

        // when
        clock.advanceMillis(333);

        // then
        assertFalse(limiter.tryAcquire());
        clock.advanceMillis(1);
        assertTrue(limiter.tryAcquire());
    }

    @Test
    void clockGoingBackwardsMintsNoTokens() {
        // given
        QpsLimiter limiter = new QpsLimiter(10, clock);
        drain(limiter);

        // when
        clock.advanceMillis(-5_000);

        // then
        assertFalse(limiter.tryAcquire());

        // when: time moves forward again from the earlier point
        clock.advanceMillis(5_000 + 100);

        // then
        assertEquals(1, drain(limiter));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 50, 100, 333, 1_000, 3_000})
    void sustainedRateMatchesTheCap(int qps) {
        // given: an empty bucket, asked as often as it can every millisecond for 10 seconds
        QpsLimiter limiter = new QpsLimiter(qps, clock);
        drain(limiter);

        // when
        int allowed = 0;
        for (int ms = 0; ms < 10_000; ms++) {
            clock.advanceMillis(1);
            allowed += drain(limiter);
        }

        // then: 10 s * qps, less at most one token still being filled (floating-point residue)
        int expected = qps * 10;
        int got = allowed;
        assertTrue(got == expected || got == expected - 1, () -> "qps " + qps + ": allowed " + got + ", expected " + expected);
    }
}
