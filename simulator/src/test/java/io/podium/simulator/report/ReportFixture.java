package io.podium.simulator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds small synthetic {@code summary.json}/{@code series.json} pairs with known values.
 *
 * <p>Podium campaigns: {@code c1} (util 0.998, RMSE 0.011, AvgErr 0.071), {@code c2} (util 1.075,
 * overspend 1.5 units, RMSE 0.031, AvgErr 0.05, never exhausted) and {@code <x&y>} (util 0.5,
 * RMSE 0.02, AvgErr 0.09). Baselines have the same ids with larger errors.
 */
final class ReportFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ODD_ID = "<x&y>";
    static final String ODD_DETAIL = "kill <script>alert(\"x\")</script> & restart";

    private boolean baselines = true;

    ReportFixture withoutBaselines() {
        baselines = false;
        return this;
    }

    void writeTo(Path dir) throws IOException {
        Files.writeString(dir.resolve(ReportWriter.SUMMARY_FILE), JSON.writeValueAsString(summary()));
        Files.writeString(dir.resolve(ReportWriter.SERIES_FILE), JSON.writeValueAsString(series()));
    }

    ObjectNode summary() {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("scenario").put("name", "default").put("seed", 42).put("day", "2026-11-23").put("nodes", 3)
                .put("wall_seconds", 241.3);
        root.putArray("faults").addObject().put("kind", "redis_outage").put("from", "10:00").put("to", "10:20")
                .put("detail", ODD_DETAIL);
        ArrayNode podium = root.putArray("campaigns");
        campaign(podium, "c1", 50_000_000, 0.998, 0, 0.011, 0.071, "23:59");
        campaign(podium, "c2", 20_000_000, 1.075, 1_500_000, 0.031, 0.05, null);
        campaign(podium, ODD_ID, 10_000_000, 0.5, 0, 0.02, 0.09, null);
        ObjectNode overall = root.putObject("overall").put("auctions", 250_000).put("imps", 400_000)
                .put("filled_imps", 300_000).put("fill_rate", 0.75).put("revenue_micros", 123_000_000L)
                .put("redis_commands", 1234).put("redis_commands_per_1000_auctions", 4.9);
        overall.putObject("latency_ms").put("p50", 3.1).put("p90", 6.0).put("p99", 12.5).put("p999", 40.1)
                .put("max", 120.0);
        overall.putObject("requests_by_kind").put("banner", 150_000).put("video", 80_000).put("ssai", 20_000);
        overall.putArray("bidders").addObject().put("id", "dsp-a").put("requests", 240_000).put("bids", 150_000)
                .put("timeouts", 120).put("errors", 30);
        if (baselines) {
            ObjectNode b = root.putObject("baselines");
            ArrayNode none = b.putObject("no_pacing").putArray("campaigns");
            campaign(none, "c1", 50_000_000, 1.0, 0, 0.4, 0.9, "08:10");
            campaign(none, "c2", 20_000_000, 1.0, 0, 0.5, 0.95, "06:00");
            campaign(none, ODD_ID, 10_000_000, 1.0, 0, 0.45, 0.97, "07:30");
            ArrayNode throttling = b.putObject("throttling").putArray("campaigns");
            campaign(throttling, "c1", 50_000_000, 0.9, 0, 0.05, 0.2, null);
            campaign(throttling, "c2", 20_000_000, 0.95, 0, 0.06, 0.25, null);
            campaign(throttling, ODD_ID, 10_000_000, 0.7, 0, 0.07, 0.3, null);
        }
        return root;
    }

    private static void campaign(ArrayNode list, String id, long budget, double utilisation, long overspend,
            double rmse, double avgErr, String exhaustion) {
        ObjectNode c = list.addObject().put("id", id).put("advertiser", "adv-" + id).put("budget_micros", budget)
                .put("spent_micros", Math.round(budget * utilisation)).put("impressions", 1000)
                .put("utilisation", utilisation).put("overspend_micros", overspend).put("cumulative_rmse", rmse)
                .put("avg_err_15m", avgErr).put("supply_allows", true);
        if (exhaustion == null) {
            c.putNull("exhaustion_time");
        } else {
            c.put("exhaustion_time", exhaustion);
        }
    }

    /**
     * Podium spends budget/1440 every minute except minute 0 (null); no pacing spends the whole
     * budget in the first 100 minutes; throttling spends 80 % evenly. Quarter-hour figures have
     * nulls in quarters 40..43 and arrays one entry short.
     */
    ObjectNode series() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode campaigns = root.putObject("campaigns");
        for (Object[] c : new Object[][] {{"c1", 50_000_000L}, {"c2", 20_000_000L}, {ODD_ID, 10_000_000L}}) {
            long budget = (Long) c[1];
            ObjectNode node = campaigns.putObject((String) c[0]).put("budget_micros", budget);
            ArrayNode podium = node.putArray("podium");
            podium.addNull();
            for (int m = 1; m < Series.MINUTES_PER_DAY; m++) {
                podium.add(budget / 1440);
            }
            if (baselines) {
                ArrayNode none = node.putArray("no_pacing");
                ArrayNode throttling = node.putArray("throttling");
                for (int m = 0; m < Series.MINUTES_PER_DAY; m++) {
                    none.add(m < 100 ? budget / 100 : 0);
                    throttling.add(budget * 8 / 10 / 1440);
                }
            }
        }
        ObjectNode q = root.putObject("quarter_hours");
        ArrayNode auctions = q.putArray("auctions");
        ArrayNode fill = q.putArray("fill_rate");
        ArrayNode p50 = q.putArray("latency_p50_ms");
        ArrayNode p90 = q.putArray("latency_p90_ms");
        ArrayNode p99 = q.putArray("latency_p99_ms");
        for (int i = 0; i < Series.QUARTERS_PER_DAY - 1; i++) {
            if (i >= 40 && i < 44) {
                for (ArrayNode a : new ArrayNode[] {auctions, fill, p50, p90, p99}) {
                    a.addNull();
                }
                continue;
            }
            auctions.add(2600);
            fill.add(0.7 + 0.001 * i);
            p50.add(3.0);
            p90.add(6.0);
            p99.add(12.0 + (i % 10));
        }
        return root;
    }
}
