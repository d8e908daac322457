package io.podium.pacing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The controller against a simulated day of diurnal traffic, minute by minute: it must track
 * an even plan closely and use the budget fully when supply allows, and spend all it can
 * when supply is short.
 */
class PacingControllerTest {
    private static final int MINUTES = 1440;

    /** Opportunities per minute at full pass-through, diurnal, peak mid-evening. */
    private static double traffic(int minute, double scale) {
        double phase = 2 * Math.PI * (minute - 20 * 60) / MINUTES;
        return scale * (1.0 + 0.8 * Math.cos(phase));
    }

    private record Day(long spent, double rmse) {
    }

    private static Day simulate(long budget, double trafficScale, long pricePerImpression, long seed) {
        Random random = new Random(seed);
        PacingController controller = new PacingController(0.1, 0.001, 0.3);
        long spent = 0;
        double sq = 0;
        long lastInterval = 0;
        for (int m = 0; m < MINUTES; m++) {
            long planNext = budget * (m + 1) / MINUTES;
            controller.update(spent, lastInterval, planNext);
            long minuteSpend = 0;
            int opportunities = (int) Math.round(traffic(m, trafficScale) * (0.8 + 0.4 * random.nextDouble()));
            for (int i = 0; i < opportunities; i++) {
                if (controller.admit() && spent + minuteSpend + pricePerImpression <= budget) {
                    minuteSpend += pricePerImpression;
                }
            }
            spent += minuteSpend;
            lastInterval = minuteSpend;
            double err = (spent - budget * (m + 1) / (double) MINUTES) / budget;
            sq += err * err;
        }
        return new Day(spent, Math.sqrt(sq / MINUTES));
    }

    @Test
    void tracksAnEvenPlanAndSpendsTheBudgetWhenSupplyAllows() {
        long seed = System.nanoTime();
        System.out.println("tracksAnEvenPlanAndSpendsTheBudgetWhenSupplyAllows seed=" + seed);
        long budget = 500_000_000; // 500 units, 2,000 micros per impression -> 250,000 impressions
        Day day = simulate(budget, 1_000, 2_000, seed); // ~1.44M opportunities: 5.8x the need
        assertTrue(day.spent() >= budget * 99 / 100, "seed=" + seed + " utilisation " + day.spent() / (double) budget);
        assertTrue(day.spent() <= budget, "seed=" + seed);
        assertTrue(day.rmse() <= 0.02, "seed=" + seed + " cumulative RMSE " + day.rmse());
    }

    @Test
    void spendsAllItCanWhenSupplyIsShort() {
        long seed = System.nanoTime();
        System.out.println("spendsAllItCanWhenSupplyIsShort seed=" + seed);
        long budget = 500_000_000;
        Day day = simulate(budget, 100, 2_000, seed); // ~144k opportunities x 2,000 = 58% of the budget
        long supply = 0;
        for (int m = 0; m < MINUTES; m++) {
            supply += Math.round(traffic(m, 100));
        }
        assertTrue(day.spent() >= supply * 2_000 * 90 / 100, "seed=" + seed + " spent " + day.spent());
    }

    @Test
    void aheadOfPlanDropsToTheMinimumRate() {
        PacingController c = new PacingController(0.5, 0.01, 0.3);
        c.update(1_000, 500, 900);
        assertEquals(0.01, c.passRate());
    }

    @Test
    void withoutSpendSignalTheRateDoublesUpToOne() {
        PacingController c = new PacingController(0.1, 0.01, 0.3);
        c.update(0, 0, 1_000);
        assertEquals(0.2, c.passRate(), 1e-12);
        c.update(0, 0, 1_000);
        c.update(0, 0, 1_000);
        c.update(0, 0, 1_000);
        assertEquals(1.0, c.passRate(), 1e-12);
    }
}
