package io.podium.simulator.report;

import io.podium.simulator.report.Series.CampaignSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code cumulative-spend.png}: small multiples, one panel per sampled campaign, of cumulative
 * spend over the day as a fraction of the daily budget, for each strategy present and the even
 * plan. Sample: the first {@link #SAMPLE_SIZE} campaign ids of {@code series.json} in ascending
 * {@link String} order. Panels are laid out two per row.
 */
final class CumulativeSpendChart {

    static final String FILE = "cumulative-spend.png";
    static final int SAMPLE_SIZE = 4;
    static final int WIDTH = 1200;
    static final int HEIGHT = 900;
    private static final int COLUMNS = 2;

    private CumulativeSpendChart() {
    }

    static void write(Series series, Path outDir) throws IOException {
        List<JFreeChart> panels = new ArrayList<>();
        for (String id : sample(series)) {
            panels.add(panel(id, series.campaigns().get(id)));
        }
        if (panels.isEmpty()) {
            panels.add(panel("no campaigns in series.json", new CampaignSeries(0, Map.of())));
        }
        Charts.saveGridPng(panels, Math.min(COLUMNS, panels.size()), outDir.resolve(FILE), WIDTH, HEIGHT);
    }

    /** The sampled campaign ids: the first {@link #SAMPLE_SIZE} in ascending order. */
    static List<String> sample(Series series) {
        return series.campaigns().keySet().stream().limit(SAMPLE_SIZE).toList();
    }

    private static JFreeChart panel(String id, CampaignSeries campaign) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (Strategy strategy : Strategy.values()) {
            double[] cumulative = campaign.cumulativeFraction(strategy);
            if (cumulative == null) {
                continue;
            }
            XYSeries s = new XYSeries(strategy.label(), false, true);
            s.add(0.0, 0.0);
            for (int m = 0; m < cumulative.length; m++) {
                Charts.addOrGap(s, (m + 1) / 60.0, cumulative[m]);
            }
            renderer.setSeriesPaint(data.getSeriesCount(), Charts.colour(strategy));
            renderer.setSeriesStroke(data.getSeriesCount(), Charts.LINE);
            data.addSeries(s);
        }
        if (data.getSeriesCount() > 0) {
            XYSeries plan = new XYSeries("plan (even)", false, true);
            plan.add(0.0, 0.0);
            plan.add(24.0, 1.0);
            renderer.setSeriesPaint(data.getSeriesCount(), Charts.PLAN);
            renderer.setSeriesStroke(data.getSeriesCount(), Charts.DASHED);
            data.addSeries(plan);
        }
        NumberAxis y = new NumberAxis("cumulative spend / daily budget");
        Charts.percentTicks(y);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, Charts.hourAxis(), y, renderer);
        String title = campaign.budgetMicros() > 0
                ? String.format(Locale.ROOT, "%s (budget %,.2f)", id, campaign.budgetMicros() / 1e6)
                : id;
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT.deriveFont(14f), plot, true);
        Charts.style(chart);
        return chart;
    }
}
