package io.podium.simulator.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the simulation report into a run's output directory: reads {@code summary.json} and
 * {@code series.json} there and writes {@code cumulative-spend.png}, {@code spend-per-15min.png},
 * {@code pacing-error.png}, {@code latency-fill.png} and {@code index.html} next to them,
 * replacing earlier ones.
 *
 * <p>Rendering is headless: loading this class sets {@code java.awt.headless=true} unless the
 * property is already set. Not thread-safe against another writer on the same directory.
 */
public final class ReportWriter {

    public static final String SUMMARY_FILE = "summary.json";
    public static final String SERIES_FILE = "series.json";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportWriter() {
    }

    /**
     * @throws IOException when either JSON file is missing or malformed, or a file cannot be
     *                     written; files already written stay
     */
    public static void write(Path outDir) throws IOException {
        Summary summary = ReportJson.readSummary(outDir.resolve(SUMMARY_FILE));
        Series series = ReportJson.readSeries(outDir.resolve(SERIES_FILE), summary);
        CumulativeSpendChart.write(series, outDir);
        QuarterHourSpendChart.write(series, outDir);
        PacingErrorChart.write(summary, outDir);
        LatencyFillChart.write(series, outDir);
        HtmlReport.write(summary, outDir);
    }
}
