package io.podium.simulator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.simulator.report.Series.CampaignSeries;
import io.podium.simulator.report.Series.QuarterHours;
import io.podium.simulator.report.Summary.BidderCounts;
import io.podium.simulator.report.Summary.CampaignResult;
import io.podium.simulator.report.Summary.FaultWindow;
import io.podium.simulator.report.Summary.Overall;
import io.podium.simulator.report.Summary.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads {@code summary.json} and {@code series.json} into {@link Summary} and {@link Series}.
 * Lenient by design: absent fields and sections become null or empty, a JSON {@code null} in a
 * number field is treated as absent. A missing file is a {@link java.nio.file.NoSuchFileException}, malformed JSON
 * another {@link IOException}.
 */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    static Summary readSummary(Path file) throws IOException {
        JsonNode root = read(file);
        JsonNode s = root.path("scenario");
        Scenario scenario = new Scenario(text(s, "name"), longOrNull(s, "seed"), text(s, "day"),
                longOrNull(s, "nodes"), doubleOrNull(s, "wall_seconds"));
        List<FaultWindow> faults = new ArrayList<>();
        for (JsonNode f : root.path("faults")) {
            faults.add(new FaultWindow(text(f, "kind"), text(f, "from"), text(f, "to"), text(f, "detail")));
        }
        Map<Strategy, List<CampaignResult>> campaigns = new EnumMap<>(Strategy.class);
        if (root.path("campaigns").isArray()) {
            campaigns.put(Strategy.PODIUM, campaigns(root.path("campaigns")));
        }
        for (Strategy baseline : List.of(Strategy.NO_PACING, Strategy.THROTTLING)) {
            JsonNode list = root.path("baselines").path(baseline.key()).path("campaigns");
            if (list.isArray()) {
                campaigns.put(baseline, campaigns(list));
            }
        }
        return new Summary(scenario, faults, campaigns, overall(root.path("overall")));
    }

    /**
     * Reads {@code series.json}. A campaign whose {@code budget_micros} is absent takes its budget
     * from the Podium results in {@code summary}.
     */
    static Series readSeries(Path file, Summary summary) throws IOException {
        JsonNode root = read(file);
        Map<String, Long> budgetsFromSummary = new LinkedHashMap<>();
        for (CampaignResult c : summary.campaigns(Strategy.PODIUM)) {
            if (c.id() != null && c.budgetMicros() != null) {
                budgetsFromSummary.put(c.id(), c.budgetMicros());
            }
        }
        SortedMap<String, CampaignSeries> campaigns = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("campaigns").properties()) {
            JsonNode c = e.getValue();
            Long budget = longOrNull(c, "budget_micros");
            if (budget == null) {
                budget = budgetsFromSummary.getOrDefault(e.getKey(), 0L);
            }
            Map<Strategy, long[]> spend = new EnumMap<>(Strategy.class);
            for (Strategy strategy : Strategy.values()) {
                if (c.path(strategy.key()).isArray()) {
                    spend.put(strategy, longs(c.path(strategy.key()), Series.MINUTES_PER_DAY));
                }
            }
            campaigns.put(e.getKey(), new CampaignSeries(budget, spend));
        }
        JsonNode q = root.path("quarter_hours");
        QuarterHours quarters = new QuarterHours(doubles(q.path("auctions")), doubles(q.path("fill_rate")),
                doubles(q.path("latency_p50_ms")), doubles(q.path("latency_p90_ms")),
                doubles(q.path("latency_p99_ms")));
        return new Series(campaigns, quarters);
    }

    private static JsonNode read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        }
    }

    private static List<CampaignResult> campaigns(JsonNode list) {
        List<CampaignResult> out = new ArrayList<>();
        for (JsonNode c : list) {
            out.add(new CampaignResult(text(c, "id"), text(c, "advertiser"), longOrNull(c, "budget_micros"),
                    longOrNull(c, "spent_micros"), longOrNull(c, "impressions"), doubleOrNull(c, "utilisation"),
                    longOrNull(c, "overspend_micros"), doubleOrNull(c, "cumulative_rmse"),
                    doubleOrNull(c, "avg_err_15m"), text(c, "exhaustion_time"),
                    c.path("supply_allows").isBoolean() ? c.path("supply_allows").booleanValue() : null));
        }
        return out;
    }

    private static Overall overall(JsonNode o) {
        Map<String, Double> latency = new LinkedHashMap<>();
        o.path("latency_ms").properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                latency.put(e.getKey(), e.getValue().doubleValue());
            }
        });
        Map<String, Long> byKind = new LinkedHashMap<>();
        o.path("requests_by_kind").properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                byKind.put(e.getKey(), e.getValue().longValue());
            }
        });
        List<BidderCounts> bidders = new ArrayList<>();
        for (JsonNode b : o.path("bidders")) {
            bidders.add(new BidderCounts(text(b, "id"), longOrNull(b, "requests"), longOrNull(b, "bids"),
                    longOrNull(b, "timeouts"), longOrNull(b, "errors")));
        }
        return new Overall(longOrNull(o, "auctions"), longOrNull(o, "imps"), longOrNull(o, "filled_imps"),
                doubleOrNull(o, "fill_rate"), longOrNull(o, "revenue_micros"), latency,
                longOrNull(o, "redis_commands"), doubleOrNull(o, "redis_commands_per_1000_auctions"), byKind,
                bidders);
    }

    /** Exactly {@code length} entries; null, non-numbers and a missing tail count as 0. */
    private static long[] longs(JsonNode array, int length) {
        long[] out = new long[length];
        for (int i = 0; i < Math.min(length, array.size()); i++) {
            JsonNode v = array.get(i);
            out[i] = v.isNumber() ? v.longValue() : 0L;
        }
        return out;
    }

    /** Exactly {@link Series#QUARTERS_PER_DAY} entries; null, non-numbers and a missing tail are NaN. */
    private static double[] doubles(JsonNode array) {
        double[] out = new double[Series.QUARTERS_PER_DAY];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < Math.min(out.length, array.size()); i++) {
            JsonNode v = array.get(i);
            if (v.isNumber()) {
                out[i] = v.doubleValue();
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static Long longOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.longValue() : null;
    }

    private static Double doubleOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.doubleValue() : null;
    }
}
