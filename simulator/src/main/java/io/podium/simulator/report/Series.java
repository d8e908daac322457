package io.podium.simulator.report;

import java.util.Map;
import java.util.SortedMap;

/**
 * The content of {@code series.json}: spend per simulated minute per campaign and strategy, and
 * exchange figures per quarter hour.
 *
 * @param campaigns by campaign id, in id order
 */
public record Series(SortedMap<String, CampaignSeries> campaigns, QuarterHours quarterHours) {

    public static final int MINUTES_PER_DAY = 1440;
    public static final int QUARTERS_PER_DAY = 96;
    public static final int MINUTES_PER_QUARTER = MINUTES_PER_DAY / QUARTERS_PER_DAY;

    /**
     * One campaign's spend per minute.
     *
     * @param budgetMicros         the daily budget; 0 when unknown
     * @param spendPerMinuteMicros by strategy, exactly {@link #MINUTES_PER_DAY} entries each (a JSON
     *                             {@code null}, a missing tail or a non-number counts as 0); a
     *                             strategy whose array is absent has no entry
     */
    public record CampaignSeries(long budgetMicros, Map<Strategy, long[]> spendPerMinuteMicros) {

        public CampaignSeries {
            spendPerMinuteMicros = Map.copyOf(spendPerMinuteMicros);
        }

        public boolean has(Strategy strategy) {
            return spendPerMinuteMicros.containsKey(strategy);
        }

        /**
         * Cumulative spend as a fraction of the budget: entry {@code m} is the value at the end of
         * minute {@code m}. All NaN when the budget is not positive; null when the strategy is absent.
         */
        public double[] cumulativeFraction(Strategy strategy) {
            long[] perMinute = spendPerMinuteMicros.get(strategy);
            if (perMinute == null) {
                return null;
            }
            double[] out = new double[perMinute.length];
            long sum = 0;
            for (int m = 0; m < perMinute.length; m++) {
                sum += perMinute[m];
                out[m] = budgetMicros > 0 ? (double) sum / budgetMicros : Double.NaN;
            }
            return out;
        }
    }

    /**
     * Exchange figures per quarter hour, {@link #QUARTERS_PER_DAY} entries each; NaN where the
     * JSON has {@code null} (no data) or the array is short or absent.
     */
    public record QuarterHours(double[] auctions, double[] fillRate, double[] latencyP50Ms, double[] latencyP90Ms,
            double[] latencyP99Ms) {
    }

    /** Sums spend per minute into spend per quarter hour ({@code MINUTES_PER_QUARTER} minutes each). */
    public static long[] perQuarter(long[] perMinute) {
        long[] out = new long[QUARTERS_PER_DAY];
        for (int m = 0; m < Math.min(perMinute.length, MINUTES_PER_DAY); m++) {
            out[m / MINUTES_PER_QUARTER] += perMinute[m];
        }
        return out;
    }
}
