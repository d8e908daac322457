package io.podium.simulator.report;

import io.podium.simulator.report.Summary.CampaignResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Headline pacing figures of one strategy over all its campaigns. A campaign that lacks a field
 * is left out of that field's figure; a figure with no campaign to compute it from is null.
 *
 * @param overspendMicros sum of the campaigns' {@code overspend_micros}
 * @param p90Rmse         90th percentile of {@code cumulative_rmse}, nearest rank: the
 *                        ⌈0.9·n⌉-th smallest of the n values
 */
public record StrategyHeadline(Strategy strategy, int campaigns, long overspendMicros, Double meanUtilisation,
        Double minUtilisation, Double meanRmse, Double p90Rmse, Double maxRmse, Double meanAvgErr15m) {

    public static StrategyHeadline of(Strategy strategy, List<CampaignResult> results) {
        long overspend = 0;
        for (CampaignResult c : results) {
            overspend += c.overspendMicros() == null ? 0 : c.overspendMicros();
        }
        List<Double> utilisation = values(results, CampaignResult::utilisation);
        List<Double> rmse = values(results, CampaignResult::cumulativeRmse);
        List<Double> avgErr = values(results, CampaignResult::avgErr15m);
        return new StrategyHeadline(strategy, results.size(), overspend, mean(utilisation),
                utilisation.isEmpty() ? null : utilisation.get(0), mean(rmse), nearestRank(rmse, 0.9),
                rmse.isEmpty() ? null : rmse.get(rmse.size() - 1), mean(avgErr));
    }

    /** The non-null values of one field, sorted ascending. */
    static List<Double> values(List<CampaignResult> results, Function<CampaignResult, Double> field) {
        List<Double> out = new ArrayList<>();
        for (CampaignResult c : results) {
            Double v = field.apply(c);
            if (v != null && !v.isNaN()) {
                out.add(v);
            }
        }
        Collections.sort(out);
        return out;
    }

    static Double nearestRank(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static Double mean(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }
}
