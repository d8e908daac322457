package io.podium.simulator.report;

import io.podium.simulator.report.Summary.BidderCounts;
import io.podium.simulator.report.Summary.CampaignResult;
import io.podium.simulator.report.Summary.FaultWindow;
import io.podium.simulator.report.Summary.Overall;
import io.podium.simulator.report.Summary.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page (inline CSS, no scripts, no external resources)
 * with the headline figures, the four charts and a per-campaign table. Every string from the
 * JSON is HTML-escaped; numbers are written as {@link Formats} says.
 */
final class HtmlReport {

    static final String FILE = "index.html";

    private static final String CSS = """
            body{font-family:sans-serif;margin:2em auto;max-width:1250px;color:#222;line-height:1.4}
            table{border-collapse:collapse;margin:0.5em 0 1.5em}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            thead th{background:#f0f0f0}
            figure{margin:1em 0 2em}img{max-width:100%;border:1px solid #ddd}
            figcaption{color:#555;font-size:0.9em}
            .absent{color:#888}
            """;

    private static final Strategy[] STRATEGIES = Strategy.values();

    private HtmlReport() {
    }

    static void write(Summary summary, Path outDir) throws IOException {
        Files.writeString(outDir.resolve(FILE), render(summary), StandardCharsets.UTF_8);
    }

    static String render(Summary summary) {
        Html h = new Html();
        Scenario s = summary.scenario();
        String name = Formats.text(s.name());
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .text("Podium simulation: " + name).raw("</title>\n<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n");
        h.element("h1", "Podium simulation: " + name);
        h.raw("<p>").text(String.format(Locale.ROOT, "Simulated day %s, seed %s, %s nodes, %s s of wall-clock time.",
                Formats.text(s.day()), s.seed() == null ? Formats.ABSENT : s.seed().toString(),
                Formats.count(s.nodes()), Formats.decimal(s.wallSeconds(), 1))).raw("</p>\n");
        pacing(h, summary);
        exchange(h, summary.overall());
        faults(h, summary.faults());
        charts(h);
        campaigns(h, summary);
        h.raw("</body>\n</html>\n");
        return h.toString();
    }

    private static void pacing(Html h, Summary summary) {
        h.element("h2", "Pacing by strategy");
        h.raw("<table>\n<thead>").headRow("strategy", "campaigns", "total overspend", "mean utilisation",
                "min utilisation", "mean cumulative RMSE", "p90 cumulative RMSE", "max cumulative RMSE",
                "mean AvgErr 15 min").raw("</thead>\n<tbody>\n");
        for (Strategy strategy : STRATEGIES) {
            if (!summary.has(strategy)) {
                h.raw("<tr>").element("th", strategy.label())
                        .raw("<td colspan=\"8\" class=\"absent\">not in summary.json</td></tr>\n");
                continue;
            }
            List<Summary.CampaignResult> all = summary.campaigns(strategy);
            List<Summary.CampaignResult> held = all.stream().filter(c -> Boolean.TRUE.equals(c.supplyAllows())).toList();
            StrategyHeadline x = StrategyHeadline.of(strategy, held.isEmpty() ? all : held);
            h.row(strategy.label(), Integer.toString(x.campaigns()),
                    Formats.money(StrategyHeadline.of(strategy, all).overspendMicros()),
                    Formats.percent(x.meanUtilisation()), Formats.percent(x.minUtilisation()),
                    Formats.error(x.meanRmse()), Formats.error(x.p90Rmse()), Formats.error(x.maxRmse()),
                    Formats.error(x.meanAvgErr15m()));
        }
        h.raw("</tbody>\n</table>\n");
        h.raw("<p>").text("Total overspend is over every campaign; the other columns are over the campaigns whose "
                + "supply allows their budget (those held to the pacing targets), or every campaign when none is "
                + "marked. Money in currency units (micros / 1,000,000). Utilisation = spent / budget. Errors are "
                + "the simulation's cumulative_rmse and avg_err_15m; p90 is the nearest-rank 90th percentile "
                + "over campaigns; a campaign without a value is left out of that column.").raw("</p>\n");
    }

    private static void exchange(Html h, Overall o) {
        h.element("h2", "Exchange");
        h.raw("<table>\n<tbody>\n");
        h.row("auctions", Formats.count(o.auctions()));
        h.row("imps / filled imps", Formats.count(o.imps()) + " / " + Formats.count(o.filledImps()));
        h.row("fill rate", Formats.percent(o.fillRate()));
        h.row("revenue", Formats.money(o.revenueMicros()));
        for (Map.Entry<String, Double> e : o.latencyMs().entrySet()) {
            if (e.getKey().equals("count")) {
                h.row("auctions timed", Formats.count(Math.round(e.getValue())));
                continue;
            }
            h.row("latency " + e.getKey(), Formats.millis(e.getValue()));
        }
        h.row("Redis commands", Formats.count(o.redisCommands()));
        h.row("Redis commands per 1000 auctions", Formats.decimal(o.redisCommandsPer1000Auctions(), 2));
        for (Map.Entry<String, Long> e : o.requestsByKind().entrySet()) {
            h.row("requests: " + e.getKey(), Formats.count(e.getValue()));
        }
        h.raw("</tbody>\n</table>\n");
        h.element("h3", "Bidders");
        if (o.bidders().isEmpty()) {
            h.raw("<p class=\"absent\">none in summary.json</p>\n");
            return;
        }
        h.raw("<table>\n<thead>").headRow("bidder", "requests", "bids", "timeouts", "errors")
                .raw("</thead>\n<tbody>\n");
        for (BidderCounts b : o.bidders()) {
            h.row(Formats.text(b.id()), Formats.count(b.requests()), Formats.count(b.bids()),
                    Formats.count(b.timeouts()), Formats.count(b.errors()));
        }
        h.raw("</tbody>\n</table>\n");
    }

    private static void faults(Html h, List<FaultWindow> faults) {
        h.element("h2", "Faults");
        if (faults.isEmpty()) {
            h.raw("<p>none</p>\n");
            return;
        }
        h.raw("<ul>\n");
        for (FaultWindow f : faults) {
            h.raw("<li>").text(Formats.text(f.from()) + "–" + Formats.text(f.to()) + " ").element("b",
                    Formats.text(f.kind()));
            if (f.detail() != null) {
                h.text(": " + f.detail());
            }
            h.raw("</li>\n");
        }
        h.raw("</ul>\n");
    }

    private static void charts(Html h) {
        h.element("h2", "Charts");
        figure(h, CumulativeSpendChart.FILE, "Cumulative spend as a fraction of the daily budget for the first "
                + CumulativeSpendChart.SAMPLE_SIZE + " campaign ids of series.json in ascending order, each strategy "
                + "against the even plan.");
        figure(h, QuarterHourSpendChart.FILE,
                "Spend per quarter hour summed over all campaigns, against the plan (sum of budgets / 96).");
        figure(h, PacingErrorChart.FILE,
                "Distribution over campaigns of AvgErr 15 min (left) and cumulative RMSE (right) per strategy "
                        + "(box = quartiles, line = median, whiskers = farthest value within 1.5 IQR).");
        figure(h, LatencyFillChart.FILE, "Auction latency p50/p90/p99 and fill rate per quarter hour.");
    }

    private static void figure(Html h, String file, String caption) {
        h.raw("<figure><img src=\"").text(file).raw("\" alt=\"").text(caption).raw("\"><figcaption>").text(caption)
                .raw("</figcaption></figure>\n");
    }

    private static void campaigns(Html h, Summary summary) {
        h.element("h2", "Campaigns");
        List<Strategy> present = new ArrayList<>();
        List<Map<String, CampaignResult>> byId = new ArrayList<>();
        for (Strategy strategy : STRATEGIES) {
            if (summary.has(strategy)) {
                present.add(strategy);
                Map<String, CampaignResult> m = new HashMap<>();
                for (CampaignResult c : summary.campaigns(strategy)) {
                    m.putIfAbsent(c.id(), c);
                }
                byId.add(m);
            }
        }
        h.raw("<table>\n<thead>\n<tr><th rowspan=\"2\">campaign</th><th rowspan=\"2\">advertiser</th>"
                + "<th rowspan=\"2\">budget</th><th rowspan=\"2\">supply allows</th>");
        for (Strategy strategy : present) {
            h.raw("<th colspan=\"5\">").text(strategy.label()).raw("</th>");
        }
        h.raw("</tr>\n<tr>");
        for (int i = 0; i < present.size(); i++) {
            h.raw("<th>utilisation</th><th>overspend</th><th>cum. RMSE</th><th>AvgErr 15 min</th><th>exhausted</th>");
        }
        h.raw("</tr>\n</thead>\n<tbody>\n");
        for (CampaignResult c : campaignRows(summary, present)) {
            h.raw("<tr>").element("th", Formats.text(c.id())).element("td", Formats.text(c.advertiser()));
            h.raw("<td class=\"n\">").text(Formats.money(c.budgetMicros())).raw("</td>");
            h.element("td", c.supplyAllows() == null ? Formats.ABSENT : c.supplyAllows() ? "yes" : "no");
            for (Map<String, CampaignResult> m : byId) {
                CampaignResult r = m.get(c.id());
                if (r == null) {
                    h.raw("<td colspan=\"5\" class=\"absent\">not reported</td>");
                    continue;
                }
                for (String cell : List.of(Formats.percent(r.utilisation()), Formats.money(r.overspendMicros()),
                        Formats.error(r.cumulativeRmse()), Formats.error(r.avgErr15m()),
                        r.exhaustionTime() == null ? "never" : r.exhaustionTime())) {
                    h.raw("<td class=\"n\">").text(cell).raw("</td>");
                }
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
        h.raw("<p>").text("\"exhausted\": simulated time when 99.9 % of the budget was spent; \"never\" when it was "
                + "not (or not reported).").raw("</p>\n");
    }

    /** One row per campaign id: Podium's order, then ids only a baseline has, in its order. */
    private static List<CampaignResult> campaignRows(Summary summary, List<Strategy> present) {
        Map<String, CampaignResult> rows = new LinkedHashMap<>();
        for (Strategy strategy : present) {
            for (CampaignResult c : summary.campaigns(strategy)) {
                rows.putIfAbsent(c.id(), c);
            }
        }
        return new ArrayList<>(rows.values());
    }
}
