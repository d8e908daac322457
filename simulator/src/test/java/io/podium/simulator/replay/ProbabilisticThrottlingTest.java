package io.podium.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilisticThrottlingTest {
    private static final double EPS = 1e-12;
    // plan: 1,000 at the end of every minute
    private static final List<ReplayCampaign> ONE = List.of(new ReplayCampaign("c", 1_440_000, 1_000_000));

    @Test
    void rateStartsAtTenPercentAndMovesOncePerMinute() {
        ProbabilisticThrottling.Rates rates = new ProbabilisticThrottling().start(ONE, 1);
        assertEquals(0.10, rates.rate(0), EPS);

        rates.minuteStarts(1, new long[] {999});        // under the plan of 1,000
        assertEquals(0.11, rates.rate(0), EPS);
        rates.minuteStarts(2, new long[] {1_500});      // under 2,000
        assertEquals(0.121, rates.rate(0), EPS);
        rates.minuteStarts(3, new long[] {3_000});      // at the plan counts as over
        assertEquals(0.1089, rates.rate(0), EPS);
        rates.minuteStarts(4, new long[] {5_000});      // over 4,000
        assertEquals(0.09801, rates.rate(0), EPS);
    }

    @Test
    void rateIsCappedAtOne() {
        ProbabilisticThrottling.Rates rates = new ProbabilisticThrottling().start(ONE, 1);
        double expected = 0.10;
        for (int m = 1; m <= 30; m++) {
            rates.minuteStarts(m, new long[] {0});
            expected = Math.min(1, expected * 1.1);
            assertEquals(expected, rates.rate(0), 1e-9, "minute " + m);
        }
        // 0.1 * 1.1^24 = 0.985 < 1, 0.1 * 1.1^25 > 1
        assertEquals(1.0, rates.rate(0), EPS);
        rates.minuteStarts(31, new long[] {1_000_000});
        assertEquals(0.9, rates.rate(0), EPS);
    }

    @Test
    void eachCampaignHasItsOwnRate() {
        List<ReplayCampaign> two = List.of(new ReplayCampaign("a", 1_440, 1), new ReplayCampaign("b", 1_440, 1));
        ProbabilisticThrottling.Rates rates = new ProbabilisticThrottling().start(two, 1);

        rates.minuteStarts(1, new long[] {0, 5}); // plan 1 each

        assertEquals(0.11, rates.rate(0), EPS);
        assertEquals(0.09, rates.rate(1), EPS);
    }

    @Test
    void passesWithTheRateUsingTheSeededDraws() {
        ProbabilisticThrottling.Rates rates = new ProbabilisticThrottling().start(ONE, 42);
        SplittableRandom same = new SplittableRandom(42);
        int passed = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean expected = same.nextDouble() < 0.10;
            assertEquals(expected, rates.admits(0), "draw " + i);
            passed += expected ? 1 : 0;
        }
        assertTrue(passed > 900 && passed < 1_100, "about 10% pass: " + passed);
    }

    @Test
    void nextRateRule() {
        assertEquals(0.11, ProbabilisticThrottling.nextRate(0.1, true), EPS);
        assertEquals(0.09, ProbabilisticThrottling.nextRate(0.1, false), EPS);
        assertEquals(1.0, ProbabilisticThrottling.nextRate(0.95, true), EPS);
        assertFalse(ProbabilisticThrottling.nextRate(1e-300, false) < 0);
    }
}
