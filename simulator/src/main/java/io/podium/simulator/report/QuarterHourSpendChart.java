package io.podium.simulator.report;

import io.podium.simulator.report.Series.CampaignSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code spend-per-15min.png}: spend per quarter hour summed over all campaigns, in currency
 * units, for each strategy present, as steps, against the even plan (sum of budgets / 96).
 * A strategy is drawn when at least one campaign has its array; campaigns without it add 0.
 */
final class QuarterHourSpendChart {

    static final String FILE = "spend-per-15min.png";
    static final int WIDTH = 1200;
    static final int HEIGHT = 600;

    private QuarterHourSpendChart() {
    }

    static void write(Series series, Path outDir) throws IOException {
        Map<Strategy, long[]> totals = totals(series);
        long budgets = 0;
        for (CampaignSeries c : series.campaigns().values()) {
            budgets += c.budgetMicros();
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYStepRenderer renderer = new XYStepRenderer();
        for (Map.Entry<Strategy, long[]> e : totals.entrySet()) {
            renderer.setSeriesPaint(data.getSeriesCount(), Charts.colour(e.getKey()));
            renderer.setSeriesStroke(data.getSeriesCount(), Charts.LINE);
            data.addSeries(steps(e.getKey().label(), e.getValue()));
        }
        if (!series.campaigns().isEmpty()) {
            long[] plan = new long[Series.QUARTERS_PER_DAY];
            Arrays.fill(plan, budgets / Series.QUARTERS_PER_DAY);
            renderer.setSeriesPaint(data.getSeriesCount(), Charts.PLAN);
            renderer.setSeriesStroke(data.getSeriesCount(), Charts.DASHED);
            data.addSeries(steps("plan (sum of budgets / 96)", plan));
        }
        NumberAxis y = new NumberAxis("spend per 15 min, all campaigns (currency units)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, Charts.hourAxis(), y, renderer);
        JFreeChart chart = new JFreeChart("Spend per quarter hour, all campaigns", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        Charts.style(chart);
        Charts.savePng(chart, outDir.resolve(FILE), WIDTH, HEIGHT);
    }

    /** Spend per quarter hour summed over campaigns, micros, for each strategy some campaign has. */
    static Map<Strategy, long[]> totals(Series series) {
        Map<Strategy, long[]> totals = new EnumMap<>(Strategy.class);
        for (CampaignSeries c : series.campaigns().values()) {
            for (Map.Entry<Strategy, long[]> e : c.spendPerMinuteMicros().entrySet()) {
                long[] sum = totals.computeIfAbsent(e.getKey(), k -> new long[Series.QUARTERS_PER_DAY]);
                long[] quarters = Series.perQuarter(e.getValue());
                for (int q = 0; q < sum.length; q++) {
                    sum[q] += quarters[q];
                }
            }
        }
        return totals;
    }

    /** Quarter q spans hours [q/4, (q+1)/4); a last point at 24 closes the final step. */
    private static XYSeries steps(String name, long[] perQuarterMicros) {
        XYSeries s = new XYSeries(name, false, true);
        for (int q = 0; q < perQuarterMicros.length; q++) {
            s.add(q / 4.0, perQuarterMicros[q] / 1e6);
        }
        s.add(24.0, perQuarterMicros[perQuarterMicros.length - 1] / 1e6);
        return s;
    }
}
