package io.podium.simulator.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.simulator.report.Series.CampaignSeries;
import io.podium.simulator.report.Summary.CampaignResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataTest {

    @TempDir
    Path dir;

    @Test
    void headlineUsesNearestRankP90AndSkipsAbsentValues() {
        List<CampaignResult> results = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            results.add(result("c" + i, i / 10.0, i / 100.0, 1000L * i));
        }
        results.add(result("no-figures", null, null, null));

        StrategyHeadline h = StrategyHeadline.of(Strategy.PODIUM, results);

        assertEquals(11, h.campaigns());
        assertEquals(55_000, h.overspendMicros());
        assertEquals(0.09, h.p90Rmse(), 1e-12);
        assertEquals(0.10, h.maxRmse(), 1e-12);
        assertEquals(0.055, h.meanRmse(), 1e-12);
        assertEquals(0.1, h.minUtilisation(), 1e-12);
        assertEquals(0.55, h.meanUtilisation(), 1e-12);
        assertNull(h.meanAvgErr15m());
    }

    @Test
    void headlineOfNoCampaignsHasNoFigures() {
        StrategyHeadline h = StrategyHeadline.of(Strategy.THROTTLING, List.of());

        assertEquals(0, h.overspendMicros());
        assertNull(h.p90Rmse());
        assertNull(h.minUtilisation());
    }

    @Test
    void readsNullsInSpendAsZeroAndNullsInQuarterHoursAsNaN() throws IOException {
        new ReportFixture().writeTo(dir);

        Summary summary = ReportJson.readSummary(dir.resolve(ReportWriter.SUMMARY_FILE));
        Series series = ReportJson.readSeries(dir.resolve(ReportWriter.SERIES_FILE), summary);

        long[] podium = series.campaigns().get("c1").spendPerMinuteMicros().get(Strategy.PODIUM);
        assertEquals(Series.MINUTES_PER_DAY, podium.length);
        assertEquals(0, podium[0]);
        assertEquals(50_000_000 / 1440, podium[1]);
        double[] fill = series.quarterHours().fillRate();
        assertEquals(Series.QUARTERS_PER_DAY, fill.length);
        assertEquals(0.7, fill[0], 1e-12);
        assertTrue(Double.isNaN(fill[40]));
        assertTrue(Double.isNaN(fill[95]), "missing tail");
        assertNull(summary.campaigns(Strategy.PODIUM).get(1).exhaustionTime());
        assertEquals("23:59", summary.campaigns(Strategy.PODIUM).get(0).exhaustionTime());
    }

    @Test
    void takesAnAbsentSeriesBudgetFromTheSummary() throws IOException {
        Files.writeString(dir.resolve("summary.json"), "{\"campaigns\":[{\"id\":\"k\",\"budget_micros\":1440}]}");
        Files.writeString(dir.resolve("series.json"), "{\"campaigns\":{\"k\":{\"podium\":[1,1,1]}}}");

        Summary summary = ReportJson.readSummary(dir.resolve("summary.json"));
        Series series = ReportJson.readSeries(dir.resolve("series.json"), summary);

        CampaignSeries k = series.campaigns().get("k");
        assertEquals(1440, k.budgetMicros());
        assertFalse(k.has(Strategy.NO_PACING));
        double[] cumulative = k.cumulativeFraction(Strategy.PODIUM);
        assertEquals(3.0 / 1440, cumulative[2], 1e-12);
        assertEquals(3.0 / 1440, cumulative[1439], 1e-12);
        assertFalse(summary.has(Strategy.NO_PACING));
    }

    @Test
    void sumsSpendPerQuarterHourOverCampaigns() throws IOException {
        new ReportFixture().writeTo(dir);
        Summary summary = ReportJson.readSummary(dir.resolve(ReportWriter.SUMMARY_FILE));
        Series series = ReportJson.readSeries(dir.resolve(ReportWriter.SERIES_FILE), summary);

        Map<Strategy, long[]> totals = QuarterHourSpendChart.totals(series);

        long perMinute = 50_000_000 / 1440 + 20_000_000 / 1440 + 10_000_000 / 1440;
        assertEquals(14 * perMinute, totals.get(Strategy.PODIUM)[0], "minute 0 is null");
        assertEquals(15 * perMinute, totals.get(Strategy.PODIUM)[1]);
        assertEquals(15 * (500_000 + 200_000 + 100_000), totals.get(Strategy.NO_PACING)[0]);
        assertEquals(0, totals.get(Strategy.NO_PACING)[7]);
    }

    @Test
    void samplesTheFirstFourCampaignIdsInOrder() {
        TreeMap<String, CampaignSeries> campaigns = new TreeMap<>();
        for (String id : List.of("f", "b", "e", "a", "d", "c")) {
            campaigns.put(id, new CampaignSeries(1, Map.of()));
        }
        Series series = new Series(campaigns, new Series.QuarterHours(new double[0], new double[0], new double[0],
                new double[0], new double[0]));

        assertEquals(List.of("a", "b", "c", "d"), CumulativeSpendChart.sample(series));
    }

    @Test
    void perQuarterSumsFifteenMinutes() {
        long[] perMinute = new long[Series.MINUTES_PER_DAY];
        for (int m = 0; m < perMinute.length; m++) {
            perMinute[m] = m;
        }

        long[] quarters = Series.perQuarter(perMinute);

        assertEquals(Series.QUARTERS_PER_DAY, quarters.length);
        assertEquals(105, quarters[0]);
        assertEquals((1425 + 1439) * 15 / 2, quarters[95]);
        assertArrayEquals(new long[] {105, 330}, new long[] {quarters[0], quarters[1]});
    }

    @Test
    void escapesMarkupCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
    }

    private static CampaignResult result(String id, Double utilisation, Double rmse, Long overspend) {
        return new CampaignResult(id, "adv", 1_000_000L, null, null, utilisation, overspend, rmse, null, null,
                null);
    }
}
