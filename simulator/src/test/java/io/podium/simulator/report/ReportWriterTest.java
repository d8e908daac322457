package io.podium.simulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesFourPngsOfTheDocumentedSizesAndThePage() throws IOException {
        new ReportFixture().writeTo(dir);

        ReportWriter.write(dir);

        assertPng(CumulativeSpendChart.FILE, CumulativeSpendChart.WIDTH, CumulativeSpendChart.HEIGHT);
        assertPng(QuarterHourSpendChart.FILE, QuarterHourSpendChart.WIDTH, QuarterHourSpendChart.HEIGHT);
        assertPng(PacingErrorChart.FILE, PacingErrorChart.WIDTH, PacingErrorChart.HEIGHT);
        assertPng(LatencyFillChart.FILE, LatencyFillChart.WIDTH, LatencyFillChart.HEIGHT);
        String html = html();
        for (String png : new String[] {CumulativeSpendChart.FILE, QuarterHourSpendChart.FILE,
                PacingErrorChart.FILE, LatencyFillChart.FILE}) {
            assertTrue(html.contains("<img src=\"" + png + "\""), png);
        }
    }

    @Test
    void drawsEveryStrategyInItsColourInSpendPerQuarterHour() throws IOException {
        new ReportFixture().writeTo(dir);

        ReportWriter.write(dir);

        BufferedImage image = ImageIO.read(dir.resolve(QuarterHourSpendChart.FILE).toFile());
        for (Strategy strategy : Strategy.values()) {
            assertTrue(pixels(image, Charts.colour(strategy)) > 200, strategy.label());
        }
    }

    @Test
    void pageShowsHeadlineFiguresInTheDocumentedFormat() throws IOException {
        new ReportFixture().writeTo(dir);

        ReportWriter.write(dir);

        String html = html();
        // Podium: overspend 1.5 units; utilisation mean (0.998+1.075+0.5)/3, min 0.5;
        // RMSE mean (0.011+0.031+0.02)/3, p90 = max = 0.031; AvgErr mean (0.071+0.05+0.09)/3.
        assertTrue(html.contains("<tr><th>Podium</th><td class=\"n\">3</td><td class=\"n\">1.50</td>"
                + "<td class=\"n\">85.8 %</td><td class=\"n\">50.0 %</td><td class=\"n\">0.0207</td>"
                + "<td class=\"n\">0.0310</td><td class=\"n\">0.0310</td><td class=\"n\">0.0703</td></tr>"), html);
        assertTrue(html.contains("<tr><th>No pacing</th><td class=\"n\">3</td><td class=\"n\">0.00</td>"
                + "<td class=\"n\">100.0 %</td><td class=\"n\">100.0 %</td><td class=\"n\">0.4500</td>"));
        assertRow(html, "auctions", "250,000");
        assertRow(html, "fill rate", "75.0 %");
        assertRow(html, "revenue", "123.00");
        assertRow(html, "latency p50", "3.1 ms");
        assertRow(html, "latency p99", "12.5 ms");
        assertRow(html, "latency p999", "40.1 ms");
        assertRow(html, "Redis commands per 1000 auctions", "4.90");
        assertRow(html, "requests: video", "80,000");
        assertTrue(html.contains("<tr><th>dsp-a</th><td class=\"n\">240,000</td><td class=\"n\">150,000</td>"
                + "<td class=\"n\">120</td><td class=\"n\">30</td></tr>"));
        // per-campaign row: c2 under Podium, never exhausted
        assertTrue(html.contains("<td class=\"n\">107.5 %</td><td class=\"n\">1.50</td><td class=\"n\">0.0310</td>"
                + "<td class=\"n\">0.0500</td><td class=\"n\">never</td>"));
    }

    @Test
    void escapesEveryStringFromTheJson() throws IOException {
        new ReportFixture().writeTo(dir);

        ReportWriter.write(dir);

        String html = html();
        assertTrue(html.contains("<th>&lt;x&amp;y&gt;</th>"));
        assertTrue(html.contains("adv-&lt;x&amp;y&gt;"));
        assertTrue(html.contains("kill &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; restart"));
        assertFalse(html.contains(ReportFixture.ODD_ID));
        assertFalse(html.contains("<script"));
    }

    @Test
    void pageIsSelfContained() throws IOException {
        new ReportFixture().writeTo(dir);

        ReportWriter.write(dir);

        String html = html();
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link"), html);
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            images++;
            assertTrue(Files.exists(dir.resolve(src.group(1))), src.group(1));
        }
        assertEquals(4, images);
    }

    @Test
    void handlesAMissingBaselineSection() throws IOException {
        new ReportFixture().withoutBaselines().writeTo(dir);

        ReportWriter.write(dir);

        String html = html();
        assertTrue(html.contains("<tr><th>No pacing</th><td colspan=\"8\" class=\"absent\">not in summary.json"));
        assertTrue(html.contains("<tr><th>Throttling</th><td colspan=\"8\" class=\"absent\">not in summary.json"));
        assertTrue(html.contains("<td class=\"n\">0.0207</td>"));
        BufferedImage spend = ImageIO.read(dir.resolve(QuarterHourSpendChart.FILE).toFile());
        assertTrue(pixels(spend, Charts.colour(Strategy.PODIUM)) > 200);
        assertEquals(0, pixels(spend, Charts.colour(Strategy.THROTTLING)));
        assertEquals(0, pixels(spend, Charts.colour(Strategy.NO_PACING)));
        assertPng(PacingErrorChart.FILE, PacingErrorChart.WIDTH, PacingErrorChart.HEIGHT);
        assertPng(CumulativeSpendChart.FILE, CumulativeSpendChart.WIDTH, CumulativeSpendChart.HEIGHT);
    }

    @Test
    void handlesNearlyEmptyInputs() throws IOException {
        Files.writeString(dir.resolve(ReportWriter.SUMMARY_FILE), "{\"campaigns\":[{\"id\":\"only\"}]}");
        Files.writeString(dir.resolve(ReportWriter.SERIES_FILE),
                "{\"quarter_hours\":{\"fill_rate\":[null,null,0.5]}}");

        ReportWriter.write(dir);

        assertPng(CumulativeSpendChart.FILE, CumulativeSpendChart.WIDTH, CumulativeSpendChart.HEIGHT);
        assertPng(LatencyFillChart.FILE, LatencyFillChart.WIDTH, LatencyFillChart.HEIGHT);
        String html = html();
        assertTrue(html.contains("<tr><th>Podium</th><td class=\"n\">1</td><td class=\"n\">0.00</td>"
                + "<td class=\"n\">–</td>"), html);
        assertRow(html, "auctions", "–");
    }

    @Test
    void failsWhenSeriesIsMissing() throws IOException {
        Files.writeString(dir.resolve(ReportWriter.SUMMARY_FILE), "{}");

        assertThrows(NoSuchFileException.class, () -> ReportWriter.write(dir));
    }

    private void assertPng(String file, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(dir.resolve(file).toFile());
        assertTrue(image != null, file + " does not decode");
        assertEquals(width, image.getWidth(), file);
        assertEquals(height, image.getHeight(), file);
        assertTrue(colours(image) > 3, file + " looks blank");
    }

    private static void assertRow(String html, String header, String value) {
        String row = "<tr><th>" + Html.escape(header) + "</th><td class=\"n\">" + Html.escape(value) + "</td></tr>";
        assertTrue(html.contains(row), row);
    }

    private String html() throws IOException {
        return Files.readString(dir.resolve(HtmlReport.FILE));
    }

    private static int pixels(BufferedImage image, Color colour) {
        int n = 0;
        int rgb = colour.getRGB() & 0xffffff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
