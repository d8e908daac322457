package io.podium.pacing.report;

/**
 * How one campaign's day of spend compares with an even plan over the day's 1,440 minutes:
 * the figures the pacing reports (the pacing day test, the day simulation and its baselines)
 * print. All money is micros of the campaign's currency.
 *
 * <ul>
 *   <li>Plan: the cumulative plan at the end of minute {@code m} is
 *       {@code budget * (m + 1) / 1440}; each quarter hour plans {@code budget / 96}.</li>
 *   <li>{@code cumulativeRmse}: the root mean square, over the 1,440 minutes, of
 *       (cumulative spend at the end of the minute - plan) / budget.</li>
 *   <li>{@code avgErr15m}: the mean, over the 96 quarter hours, of
 *       |spend in the quarter - budget / 96| / (budget / 96).</li>
 *   <li>{@code exhaustionMinute}: the first minute at the end of which cumulative spend is at
 *       least 99.9% of the budget; -1 if that never happens.</li>
 *   <li>A zero budget has nothing to pace: utilisation, both errors are 0 and the exhaustion
 *       minute is -1 (any spend still shows as overspend).</li>
 * </ul>
 *
 * @param budgetMicros the day's budget
 * @param spentMicros what the day's 1,440 minutes spent
 * @param overspendMicros max(0, spent - budget)
 * @param utilisation spent / budget
 * @param cumulativeRmse see above, as a fraction of the budget
 * @param avgErr15m see above, as a fraction of the quarter's plan
 * @param exhaustionMinute see above; 0..1439, or -1 for never
 */
public record DayFigures(long budgetMicros, long spentMicros, long overspendMicros, double utilisation,
                         double cumulativeRmse, double avgErr15m, int exhaustionMinute) {
    /** Minutes in the day. */
    public static final int MINUTES = 1_440;
    /** Quarter hours in the day. */
    public static final int QUARTERS = 96;

    /**
     * The figures of a day.
     *
     * @param budgetMicros the day's budget, {@code >= 0}
     * @param spentByMinute spend in each minute of the day: exactly 1,440 entries, each {@code >= 0}
     * @throws IllegalArgumentException on a negative budget or spend, or a wrong number of minutes
     */
    public static DayFigures of(long budgetMicros, long[] spentByMinute) {
        if (budgetMicros < 0) {
            throw new IllegalArgumentException("budgetMicros must be >= 0, got " + budgetMicros);
        }
        if (spentByMinute.length != MINUTES) {
            throw new IllegalArgumentException("spentByMinute must have " + MINUTES + " entries, got "
                    + spentByMinute.length);
        }
        // 99.9% of the budget, rounded up: budget - floor(budget / 1000), exact in longs
        long exhaustedAt = budgetMicros - budgetMicros / 1000;
        long cumulative = 0;
        double squares = 0;
        int exhaustion = -1;
        for (int m = 0; m < MINUTES; m++) {
            if (spentByMinute[m] < 0) {
                throw new IllegalArgumentException("spentByMinute[" + m + "] is negative: " + spentByMinute[m]);
            }
            cumulative += spentByMinute[m];
            if (budgetMicros > 0) {
                double plan = budgetMicros * (m + 1) / (double) MINUTES;
                double e = (cumulative - plan) / budgetMicros;
                squares += e * e;
                if (exhaustion < 0 && cumulative >= exhaustedAt) {
                    exhaustion = m;
                }
            }
        }
        double quarterErrors = 0;
        if (budgetMicros > 0) {
            double plan = budgetMicros / (double) QUARTERS;
            for (int q = 0; q < QUARTERS; q++) {
                long spent = 0;
                for (int m = q * 15; m < q * 15 + 15; m++) {
                    spent += spentByMinute[m];
                }
                quarterErrors += Math.abs(spent - plan) / plan;
            }
        }
        return new DayFigures(budgetMicros, cumulative, Math.max(0, cumulative - budgetMicros),
                budgetMicros == 0 ? 0 : cumulative / (double) budgetMicros,
                Math.sqrt(squares / MINUTES), quarterErrors / QUARTERS, exhaustion);
    }

    /**
     * The time of day the budget ran out, as "HH:MM" at the END of the exhaustion minute
     * (minute 0 gives "00:01", minute 1439 gives "24:00"); null if it never ran out.
     */
    public String exhaustionTime() {
        if (exhaustionMinute < 0) {
            return null;
        }
        int end = exhaustionMinute + 1;
        return String.format(java.util.Locale.ROOT, "%02d:%02d", end / 60, end % 60);
    }
}
