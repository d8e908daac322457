package io.podium.simulator.day;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.pacing.report.DayFigures;
import io.podium.simulator.replay.BaselineReplay;
import io.podium.simulator.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes a day's {@code summary.json} and {@code series.json}; their schema is documented in
 * {@code docs/simulation.md}. Money in micros, latency in milliseconds, shares as fractions.
 */
final class SummaryWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryWriter() {
    }

    static void write(DayResult r, Path out) throws IOException {
        JSON.writeValue(out.resolve(ReportWriter.SUMMARY_FILE).toFile(), summary(r));
        JSON.writeValue(out.resolve(ReportWriter.SERIES_FILE).toFile(), series(r));
    }

    static ObjectNode summary(DayResult r) {
        Scenario s = r.scenario();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode sc = root.putObject("scenario");
        sc.put("name", s.name());
        sc.put("seed", s.seed());
        sc.put("day", s.day().toString());
        sc.put("nodes", s.nodes());
        sc.put("real_seconds", s.realSeconds());
        sc.put("wall_seconds", Math.round(r.wallSeconds() * 10) / 10.0);
        sc.put("requests_per_day", s.traffic().requestsPerDay());
        ArrayNode faults = root.putArray("faults");
        for (Scenario.FaultSpec f : s.faults()) {
            ObjectNode o = faults.addObject();
            o.put("kind", f.kind());
            o.put("from", DaySimulation.clockTime(f.fromSecond()));
            o.put("to", f.toSecond() >= 86_399 ? "24:00" : DaySimulation.clockTime(f.toSecond()));
            o.put("detail", switch (f.kind()) {
                case Scenario.FaultSpec.REDIS_OUTAGE -> "redis-server SIGKILLed, restarted from its append-only file";
                case Scenario.FaultSpec.NODE_KILL -> "node " + f.node() + " stopped at once, restarted on its port and data";
                default -> f.dsp() + " answers " + f.factor() + " times slower";
            });
        }
        ArrayNode campaigns = root.putArray("campaigns");
        for (int i = 0; i < r.podium().size(); i++) {
            DaySimulation.CampaignOutcome c = r.podium().get(i);
            ObjectNode o = campaign(campaigns.addObject(), c.spec(), c.figures(), c.impressions(), r.supplyAllows(i));
            o.put("settled_micros", c.settledMicros());
            o.put("potential_micros", Supply.total(r.potential()[i]));
            long[] hours = r.potential()[i];
            double worst = Double.MAX_VALUE;
            for (long h : hours) {
                worst = Math.min(worst, h / (c.spec().budgetMicros() / 24.0));
            }
            o.put("min_hourly_supply_ratio", round(worst, 3));
        }
        DayRecorder rec = r.recorder();
        ObjectNode overall = root.putObject("overall");
        overall.put("auctions", r.auctions());
        long imps = 0;
        long filled = 0;
        for (int q = 0; q < DayRecorder.QUARTERS; q++) {
            imps += rec.imps(q);
            filled += rec.filled(q);
        }
        overall.put("imps", imps);
        overall.put("filled_imps", filled);
        overall.put("fill_rate", imps == 0 ? 0 : round(filled / (double) imps, 4));
        long campaignSpend = r.podium().stream().mapToLong(c -> c.figures().spentMicros()).sum();
        overall.put("revenue_micros", campaignSpend + r.dspRevenueMicros());
        overall.put("campaign_spend_micros", campaignSpend);
        overall.put("dsp_billed_micros", r.dspRevenueMicros());
        latency(overall.putObject("latency_ms"), rec.auctionLatency());
        ObjectNode byKind = overall.putObject("latency_ms_by_kind");
        ObjectNode requests = overall.putObject("requests_by_kind");
        for (TrafficFactory.Kind k : TrafficFactory.Kind.values()) {
            String name = k.name().toLowerCase(java.util.Locale.ROOT);
            requests.put(name, rec.requests(k));
            latency(byKind.putObject(name), rec.latency(k));
        }
        overall.put("redis_commands", r.redisCommands());
        overall.put("redis_commands_per_1000_auctions", round(r.redisCommandsPer1000Auctions(), 2));
        ArrayNode bidders = overall.putArray("bidders");
        for (Map.Entry<String, long[]> e : r.bidders().entrySet()) {
            ObjectNode b = bidders.addObject();
            b.put("id", e.getKey());
            b.put("requests", e.getValue()[0]);
            b.put("bids", e.getValue()[1]);
            b.put("timeouts", e.getValue()[2]);
            b.put("errors", e.getValue()[3]);
        }
        overall.put("failed_requests", rec.failures());
        overall.put("requests_without_live_node", rec.noNodeCount());
        overall.put("notices_fired", rec.notices());
        overall.put("notices_refused_or_failed", rec.noticeFailures());
        overall.put("charges_lost_or_doubled_micros", r.chargesLostOrDoubledMicros());
        overall.put("billing_notices_accepted_micros", r.podium().stream().mapToLong(DaySimulation.CampaignOutcome::settledMicros).sum());
        ObjectNode ledger = overall.putObject("ledger_micros_by_result");
        r.chargeTotals().forEach(ledger::put);
        ObjectNode statuses = overall.putObject("notices_by_status");
        rec.noticeStatuses().forEach(statuses::put);
        overall.put("generator_wait_seconds", round(rec.waitedSeconds(), 2));
        overall.put("opportunities_logged", r.opportunities());
        ArrayNode targets = root.putArray("targets");
        for (Targets.Check c : Targets.of(r).checks()) {
            ObjectNode t = targets.addObject();
            t.put("key", c.key());
            t.put("name", c.name());
            t.put("target", c.target());
            t.put("value", c.value());
            t.put("met", c.met());
            t.put("held", c.held());
        }
        ObjectNode baselines = root.putObject("baselines");
        for (BaselineReplay.Result b : List.of(r.noPacing(), r.throttling())) {
            ArrayNode arr = baselines.putObject(b.strategy()).putArray("campaigns");
            for (int i = 0; i < b.campaigns().size(); i++) {
                BaselineReplay.CampaignDay d = b.campaigns().get(i);
                campaign(arr.addObject(), r.podium().get(i).spec(), d.figures(), d.impressions(), r.supplyAllows(i));
            }
        }
        return root;
    }

    private static ObjectNode campaign(ObjectNode o, Scenario.CampaignSpec spec, DayFigures f, long impressions,
                                       boolean supplyAllows) {
        o.put("id", spec.id());
        o.put("advertiser", spec.advertiser());
        o.put("budget_micros", f.budgetMicros());
        o.put("spent_micros", f.spentMicros());
        o.put("impressions", impressions);
        o.put("utilisation", round(f.utilisation(), 5));
        o.put("overspend_micros", f.overspendMicros());
        o.put("cumulative_rmse", round(f.cumulativeRmse(), 5));
        o.put("avg_err_15m", round(f.avgErr15m(), 5));
        String exhaustion = f.exhaustionTime();
        if (exhaustion == null) {
            o.putNull("exhaustion_time");
        } else {
            o.put("exhaustion_time", exhaustion);
        }
        o.put("supply_allows", supplyAllows);
        return o;
    }

    private static void latency(ObjectNode o, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        o.put("count", h.getTotalCount());
        o.put("p50", ms(h.getValueAtPercentile(50)));
        o.put("p90", ms(h.getValueAtPercentile(90)));
        o.put("p99", ms(h.getValueAtPercentile(99)));
        o.put("p999", ms(h.getValueAtPercentile(99.9)));
        o.put("max", ms(h.getMaxValue()));
    }

    static ObjectNode series(DayResult r) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode campaigns = root.putObject("campaigns");
        for (int i = 0; i < r.podium().size(); i++) {
            DaySimulation.CampaignOutcome c = r.podium().get(i);
            ObjectNode o = campaigns.putObject(c.spec().id());
            o.put("budget_micros", c.spec().budgetMicros());
            minutes(o.putArray("podium"), c.spentByMinute());
            minutes(o.putArray("no_pacing"), r.noPacing().campaigns().get(i).spentByMinute());
            minutes(o.putArray("throttling"), r.throttling().campaigns().get(i).spentByMinute());
        }
        ObjectNode q = root.putObject("quarter_hours");
        ArrayNode auctions = q.putArray("auctions");
        ArrayNode fill = q.putArray("fill_rate");
        ArrayNode p50 = q.putArray("latency_p50_ms");
        ArrayNode p90 = q.putArray("latency_p90_ms");
        ArrayNode p99 = q.putArray("latency_p99_ms");
        DayRecorder rec = r.recorder();
        for (int k = 0; k < DayRecorder.QUARTERS; k++) {
            auctions.add(rec.requests(k));
            if (rec.imps(k) == 0) {
                fill.addNull();
            } else {
                fill.add(round(rec.filled(k) / (double) rec.imps(k), 4));
            }
            Histogram h = rec.quarterLatency(k);
            if (h.getTotalCount() == 0) {
                p50.addNull();
                p90.addNull();
                p99.addNull();
            } else {
                p50.add(ms(h.getValueAtPercentile(50)));
                p90.add(ms(h.getValueAtPercentile(90)));
                p99.add(ms(h.getValueAtPercentile(99)));
            }
        }
        return root;
    }

    private static void minutes(ArrayNode a, long[] perMinute) {
        for (long v : perMinute) {
            a.add(v);
        }
    }

    private static double ms(long micros) {
        return round(micros / 1000.0, 3);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
