package io.podium.pacing.sim;

/**
 * One campaign's day, as the store recorded it.
 *
 * @param potentialMicros what the campaign would have spent bidding in every auction it was
 *     eligible for (against the market price only)
 * @param supplyAllows whether that potential covers the budget with room (1.5 times)
 * @param cumulativeRmse RMSE over the minutes of the day of (cumulative spend - plan) / budget
 * @param avgErr15m mean over the 96 quarter hours of |spend - plan| / plan of the quarter
 * @param exhaustionMinute the minute of the day at which 99.9% of the budget was spent, -1 if never
 * @param settledMicros what the nodes' settlements said they charged (must equal {@code spentMicros})
 */
public record CampaignReport(String id, long budgetMicros, long spentMicros, long impressions, long potentialMicros,
                             boolean supplyAllows, double cumulativeRmse, double avgErr15m, int exhaustionMinute,
                             long settledMicros) {

    public double utilisation() {
        return budgetMicros == 0 ? 0 : spentMicros / (double) budgetMicros;
    }

    public long overspendMicros() {
        return Math.max(0, spentMicros - budgetMicros);
    }

    /**
     * The error figures of a day of spend against an even plan.
     *
     * @param spentByMinute spend in each minute of the day (1,440 entries)
     */
    static double[] errors(long budgetMicros, long[] spentByMinute) {
        int minutes = spentByMinute.length;
        double sq = 0;
        long cumulative = 0;
        int exhaustion = -1;
        for (int m = 0; m < minutes; m++) {
            cumulative += spentByMinute[m];
            double plan = budgetMicros * (m + 1) / (double) minutes;
            double e = (cumulative - plan) / budgetMicros;
            sq += e * e;
            if (exhaustion < 0 && cumulative >= budgetMicros * 0.999) {
                exhaustion = m;
            }
        }
        int slots = minutes / 15;
        double slotErr = 0;
        for (int k = 0; k < slots; k++) {
            long spent = 0;
            for (int m = k * 15; m < (k + 1) * 15; m++) {
                spent += spentByMinute[m];
            }
            double plan = budgetMicros / (double) slots;
            slotErr += Math.abs(spent - plan) / plan;
        }
        return new double[] {Math.sqrt(sq / minutes), slotErr / slots, exhaustion};
    }
}
