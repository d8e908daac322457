package io.podium.pacing.sim;

import io.podium.pacing.report.DayFigures;

/**
 * One campaign's day, as the store recorded it.
 *
 * @param potentialMicros what the campaign would have spent bidding in every auction it was
 *     eligible for (against the market price only)
 * @param supplyAllows whether that potential covers the budget with room (1.5 times)
 * @param cumulativeRmse {@link DayFigures#cumulativeRmse()} of the day's minutes
 * @param avgErr15m {@link DayFigures#avgErr15m()} of the day's minutes
 * @param exhaustionMinute {@link DayFigures#exhaustionMinute()}: 99.9% of the budget spent, -1 if never
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
}
