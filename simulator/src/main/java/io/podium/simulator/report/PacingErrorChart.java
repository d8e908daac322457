package io.podium.simulator.report;

import io.podium.simulator.report.Summary.CampaignResult;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * {@code pacing-error.png}: two panels side by side, {@code avg_err_15m} (left) and
 * {@code cumulative_rmse} (right), each with its own value axis: per strategy present in
 * {@code summary.json}, a box plot over all campaigns of the value. Box = quartiles, line =
 * median, whiskers to the farthest value within 1.5 × IQR of the box, values beyond drawn as
 * outliers. Campaigns without the value are left out.
 */
final class PacingErrorChart {

    static final String FILE = "pacing-error.png";
    static final int WIDTH = 1200;
    static final int HEIGHT = 600;

    private PacingErrorChart() {
    }

    static void write(Summary summary, Path outDir) throws IOException {
        Charts.saveGridPng(List.of(
                panel(summary, "AvgErr 15 min", "avg_err_15m (as in summary.json)",
                        CampaignResult::avgErr15m),
                panel(summary, "Cumulative RMSE", "cumulative_rmse (as in summary.json)",
                        CampaignResult::cumulativeRmse)), 2, outDir.resolve(FILE), WIDTH, HEIGHT);
    }

    private static JFreeChart panel(Summary summary, String title, String axisLabel,
            Function<CampaignResult, Double> field) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        for (Strategy strategy : Strategy.values()) {
            List<Double> values = StrategyHeadline.values(summary.campaigns(strategy), field);
            if (values.isEmpty()) {
                continue;
            }
            Color c = Charts.colour(strategy);
            renderer.setSeriesPaint(data.getRowCount(), new Color(c.getRed(), c.getGreen(), c.getBlue(), 0x80));
            renderer.setSeriesOutlinePaint(data.getRowCount(), c);
            data.add(values, strategy.label(), title);
        }
        renderer.setMeanVisible(false);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setMaximumBarWidth(0.2);
        renderer.setItemMargin(0.15);
        NumberAxis y = new NumberAxis(axisLabel);
        y.setAutoRangeIncludesZero(true);
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelsVisible(false);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(title + " over all campaigns", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(chart);
        return chart;
    }
}
