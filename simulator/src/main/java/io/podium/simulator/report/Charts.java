package io.podium.simulator.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;

/** Look and file output shared by the report's charts. Call only with AWT headless set. */
final class Charts {

    static final Color PLAN = new Color(0x55, 0x55, 0x55);
    static final Stroke LINE = new BasicStroke(2f);
    static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private Charts() {
    }

    /** Series colour of a strategy; the same in every chart. */
    static Color colour(Strategy strategy) {
        return switch (strategy) {
            case PODIUM -> new Color(0x1f, 0x77, 0xb4);
            case NO_PACING -> new Color(0xd6, 0x27, 0x28);
            case THROTTLING -> new Color(0x2c, 0xa0, 0x2c);
        };
    }

    /** The x axis of every time chart: hour of the simulated day, 0 to 24, a tick every 3 hours. */
    static NumberAxis hourAxis() {
        NumberAxis axis = new NumberAxis("hour of day (simulated)");
        axis.setRange(0, 24);
        axis.setTickUnit(new NumberTickUnit(3));
        return axis;
    }

    /** Shows a fraction axis as percentages. */
    static void percentTicks(NumberAxis axis) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.ROOT);
        axis.setNumberFormatOverride(format);
    }

    /** White background, light grid. */
    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setNoDataMessage("no data");
        if (plot instanceof XYPlot xy) {
            styleGrid(xy);
        }
    }

    static void styleGrid(XYPlot plot) {
        Paint grid = new Color(0xdd, 0xdd, 0xdd);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
    }

    /** Adds a point, or a gap when {@code y} is NaN (line renderers break the line there). */
    static void addOrGap(XYSeries series, double x, double y) {
        series.add(x, Double.isNaN(y) ? null : (Number) y);
    }

    static void savePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        }
    }

    /** Draws each chart into its cell of a grid with {@code columns} columns, one PNG. */
    static void saveGridPng(List<JFreeChart> charts, int columns, Path file, int width, int height)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int rows = Math.max(1, (charts.size() + columns - 1) / columns);
            double cellWidth = (double) width / columns;
            double cellHeight = (double) height / rows;
            for (int i = 0; i < charts.size(); i++) {
                Rectangle2D cell = new Rectangle2D.Double((i % columns) * cellWidth, (i / columns) * cellHeight,
                        cellWidth, cellHeight);
                charts.get(i).draw(g, cell);
            }
        } finally {
            g.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }
}
