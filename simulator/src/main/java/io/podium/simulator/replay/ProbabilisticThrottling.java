package io.podium.simulator.replay;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Probabilistic throttling, after Agarwal et al., "Budget Pacing for Targeted Online
 * Advertisements at LinkedIn", KDD 2014. Each campaign has a pass-through rate {@code p},
 * 0.10 at the start of the day. At each minute boundary (the start of minutes 1..1439)
 * {@code p <- min(1, p * 1.1)} if the campaign's cumulative spend is strictly under its even
 * plan at that time ({@code budget * minute / 1440}), else {@code p <- p * 0.9}. Each
 * opportunity the replay offers a campaign passes with probability {@code p}: one draw
 * {@code nextDouble() < p} from a {@link SplittableRandom} seeded with the replay's seed, per
 * offer, in the replay's order (time order, then campaign index).
 */
public final class ProbabilisticThrottling implements Strategy {
    /** The report's name for this strategy. */
    public static final String NAME = "throttling";
    /** The pass-through rate at the start of the day. */
    public static final double INITIAL_RATE = 0.10;
    /** The factor applied each minute under plan. */
    public static final double UP = 1.1;
    /** The factor applied each minute at or over plan. */
    public static final double DOWN = 0.9;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Rates start(List<ReplayCampaign> campaigns, long seed) {
        return new Rates(campaigns, seed);
    }

    /**
     * The rate after one minute boundary.
     *
     * @param underPlan whether cumulative spend is strictly under the plan at the boundary
     */
    public static double nextRate(double rate, boolean underPlan) {
        return underPlan ? Math.min(1.0, rate * UP) : rate * DOWN;
    }

    /** The pass-through rates of one replay. Used by one thread. */
    public static final class Rates implements Gate {
        private final long[] budgets;
        private final double[] rates;
        private final SplittableRandom random;

        Rates(List<ReplayCampaign> campaigns, long seed) {
            budgets = campaigns.stream().mapToLong(ReplayCampaign::budgetMicros).toArray();
            rates = new double[budgets.length];
            Arrays.fill(rates, INITIAL_RATE);
            random = new SplittableRandom(seed);
        }

        @Override
        public void minuteStarts(int minute, long[] cumulativeSpentMicros) {
            for (int i = 0; i < rates.length; i++) {
                double plan = budgets[i] * (double) minute / 1440;
                rates[i] = nextRate(rates[i], cumulativeSpentMicros[i] < plan);
            }
        }

        @Override
        public boolean admits(int campaign) {
            return random.nextDouble() < rates[campaign];
        }

        /** Campaign {@code campaign}'s current pass-through rate. */
        public double rate(int campaign) {
            return rates[campaign];
        }
    }
}
