package io.podium.simulator.report;

import io.podium.simulator.report.Series.QuarterHours;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code latency-fill.png}: two panels sharing the hour axis. Top: auction latency p50, p90
 * and p99 per quarter hour (ms). Bottom: fill rate per quarter hour. Each value is drawn at the
 * middle of its quarter; a quarter without data ({@code null}) breaks the line.
 */
final class LatencyFillChart {

    static final String FILE = "latency-fill.png";
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    private LatencyFillChart() {
    }

    static void write(Series series, Path outDir) throws IOException {
        QuarterHours q = series.quarterHours();
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(line("p50", q.latencyP50Ms()));
        latency.addSeries(line("p90", q.latencyP90Ms()));
        latency.addSeries(line("p99", q.latencyP99Ms()));
        XYLineAndShapeRenderer latencyRenderer = renderer(new Color(0x6b, 0xae, 0xd6), new Color(0x21, 0x71, 0xb5),
                new Color(0x08, 0x30, 0x6b));
        NumberAxis ms = new NumberAxis("auction latency (ms)");
        ms.setAutoRangeIncludesZero(true);
        XYPlot top = new XYPlot(latency, null, ms, latencyRenderer);

        XYSeriesCollection fill = new XYSeriesCollection(line("fill rate", q.fillRate()));
        NumberAxis rate = new NumberAxis("fill rate (filled imps / imps)");
        rate.setRange(0, 1.05);
        Charts.percentTicks(rate);
        XYPlot bottom = new XYPlot(fill, null, rate, renderer(new Color(0x2c, 0xa0, 0x2c)));

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Charts.hourAxis());
        plot.setGap(12);
        Charts.styleGrid(top);
        Charts.styleGrid(bottom);
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = new JFreeChart("Latency and fill rate per quarter hour", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        Charts.style(chart);
        Charts.savePng(chart, outDir.resolve(FILE), WIDTH, HEIGHT);
    }

    private static XYSeries line(String name, double[] perQuarter) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < perQuarter.length; i++) {
            Charts.addOrGap(s, (i + 0.5) / 4.0, perQuarter[i]);
        }
        return s;
    }

    private static XYLineAndShapeRenderer renderer(Color... colours) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesStroke(i, Charts.LINE);
        }
        return r;
    }
}
