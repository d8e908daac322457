package io.podium.simulator.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podium.pacing.report.DayFigures;
import io.podium.simulator.replay.BaselineReplay;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's figures from known inputs: each expected value is worked out by hand in the comments. */
class SummaryFiguresTest {
    private static final Scenario SCENARIO = ScenarioReader.parse("""
            name: known
            dsps: [{id: d1}]
            campaigns:
              - {id: even, budget_micros: 1440000, max_cpm_micros: 2000000}
              - {id: early, budget_micros: 1000000, max_cpm_micros: 2000000}
            """, "known");

    /** "even" spends 1,000 micros every minute; "early" spends 500,000 in the first minute and nothing after. */
    private static DayResult result(Map<String, Long> ledger) {
        long[] even = new long[1440];
        Arrays.fill(even, 1_000);
        long[] early = new long[1440];
        early[0] = 500_000;
        List<DaySimulation.CampaignOutcome> podium = List.of(
                new DaySimulation.CampaignOutcome(SCENARIO.campaigns().get(0), even, 720, DayFigures.of(1_440_000, even),
                        1_440_000),
                new DaySimulation.CampaignOutcome(SCENARIO.campaigns().get(1), early, 250, DayFigures.of(1_000_000, early),
                        500_000));
        long[][] potential = new long[2][24];
        Arrays.fill(potential[0], 100_000); // 2.4 M a day, 100,000 an hour against a plan of 60,000: allows
        Arrays.fill(potential[1], 100_000); // 2.4 M a day but 100,000 an hour against a plan of 41,667: allows
        potential[1][3] = 40_000;          // ... except at 03:00, under the hour's plan: does not allow
        BaselineReplay.Result noPacing = new BaselineReplay.Result("no_pacing", List.of(
                new BaselineReplay.CampaignDay("even", early(1_440_000), 1, DayFigures.of(1_440_000, early(1_440_000))),
                new BaselineReplay.CampaignDay("early", early(1_000_000), 1, DayFigures.of(1_000_000, early(1_000_000)))));
        BaselineReplay.Result throttling = new BaselineReplay.Result("throttling", List.of(
                new BaselineReplay.CampaignDay("even", even, 720, DayFigures.of(1_440_000, even)),
                new BaselineReplay.CampaignDay("early", early, 250, DayFigures.of(1_000_000, early))));
        DayRecorder rec = new DayRecorder(2);
        for (int i = 1; i <= 100; i++) {
            // 100 banner requests at 1 to 100 ms, 2 imps each, 150 imps filled in all; in the first quarter hour
            rec.request(TrafficFactory.Kind.BANNER, 10, i * 1_000_000L, 2, i <= 50 ? 2 : 1, false);
        }
        rec.request(TrafficFactory.Kind.POD, 1_000, 5_000_000L, 1, 0, true); // second quarter: a failed pod request
        Map<String, long[]> bidders = new LinkedHashMap<>();
        bidders.put("d1", new long[] {101, 80, 3, 2});
        return new DayResult(SCENARIO, podium, potential, noPacing, throttling, rec, bidders, ledger, 5_050, 2_000_000,
                300, 12.5);
    }

    private static long[] early(long all) {
        long[] m = new long[1440];
        m[0] = all;
        return m;
    }

    @Test
    void campaignFiguresAreTheDocumentedFormulas() {
        JsonNode s = SummaryWriter.summary(result(Map.of("charged_reservation", 1_940_000L)));
        JsonNode even = s.get("campaigns").get(0);
        assertEquals("even", even.get("id").asText());
        assertEquals(1_440_000, even.get("spent_micros").asLong());
        assertEquals(1.0, even.get("utilisation").asDouble());
        assertEquals(0, even.get("overspend_micros").asLong());
        assertEquals(0.0, even.get("cumulative_rmse").asDouble(), "spend exactly on the even plan");
        assertEquals(0.0, even.get("avg_err_15m").asDouble());
        // 99.9% = 1,438,560 micros, reached at the end of the 1,439th minute (1,439,000): 23:59
        assertEquals("23:59", even.get("exhaustion_time").asText());
        assertTrue(even.get("supply_allows").asBoolean());
        assertEquals(2_400_000, even.get("potential_micros").asLong());
        assertEquals(1.667, even.get("min_hourly_supply_ratio").asDouble(), "100,000 against 60,000 an hour");

        JsonNode early = s.get("campaigns").get(1);
        assertEquals(0.5, early.get("utilisation").asDouble());
        // cumulative 0.5 of the budget all day against a plan of (m+1)/1440: sqrt(mean((0.5-(m+1)/1440)^2)) = 0.28868
        assertEquals(0.28868, early.get("cumulative_rmse").asDouble(), 1e-5);
        // quarter 0: |500,000 - 10,416.7| / 10,416.7 = 47; the 95 others: 1 each; mean (47 + 95) / 96 = 1.47917
        assertEquals(1.47917, early.get("avg_err_15m").asDouble(), 1e-5);
        assertTrue(early.get("exhaustion_time").isNull(), "never reached 99.9% of its budget");
        assertFalse(early.get("supply_allows").asBoolean(), "03:00 offers less than the hour's plan");
        assertEquals(0.96, early.get("min_hourly_supply_ratio").asDouble(), "40,000 against 41,667");
    }

    @Test
    void overallFiguresAreCountedFromTheRequests() {
        JsonNode o = SummaryWriter.summary(result(Map.of("charged_reservation", 1_940_000L))).get("overall");
        assertEquals(101, o.get("auctions").asLong());
        assertEquals(201, o.get("imps").asLong());
        assertEquals(150, o.get("filled_imps").asLong());
        assertEquals(0.7463, o.get("fill_rate").asDouble(), "150 / 201");
        assertEquals(1_940_000 + 2_000_000, o.get("revenue_micros").asLong(), "campaign spend + what DSPs were billed");
        assertEquals(50_000.0, o.get("redis_commands_per_1000_auctions").asDouble(), "5,050 commands / 101 auctions × 1,000");
        assertEquals(1, o.get("failed_requests").asLong());
        // OpenRTB latency only (the pod request is not in it): 1..100 ms, HdrHistogram keeps 2 significant digits
        assertEquals(50.0, o.get("latency_ms").get("p50").asDouble(), 0.5);
        assertEquals(99.0, o.get("latency_ms").get("p99").asDouble(), 1.0);
        assertEquals(100.0, o.get("latency_ms").get("max").asDouble(), 1.0);
        assertEquals(100, o.get("requests_by_kind").get("banner").asLong());
        assertEquals(1, o.get("requests_by_kind").get("pod").asLong());
        JsonNode d1 = o.get("bidders").get(0);
        assertEquals("d1", d1.get("id").asText());
        assertEquals(3, d1.get("timeouts").asLong());
        assertEquals(2, d1.get("errors").asLong());
        assertEquals(0, o.get("charges_lost_or_doubled_micros").asLong(), "the ledgers charged what Redis holds");
    }

    @Test
    void aChargeMissingFromRedisShowsAndFailsItsTarget() {
        DayResult r = result(Map.of("charged_reservation", 1_900_000L, "charged_remote", 45_000L));
        assertEquals(5_000, r.chargesLostOrDoubledMicros(), "1,945,000 charged by the ledgers, 1,940,000 in Redis");
        Targets t = Targets.of(r);
        assertFalse(t.allMet());
        Targets.Check charges = t.checks().stream().filter(c -> c.key().equals("charges")).findFirst().orElseThrow();
        assertFalse(charges.met());
        assertTrue(t.report().contains("MISS charges lost or doubled"), t.report());
    }

    @Test
    void targetsApplyToCampaignsWhoseSupplyAllowsAndToWhatTheScenarioHoldsItTo() {
        DayResult r = result(Map.of("charged_reservation", 1_940_000L));
        Targets t = Targets.of(r);
        // only "even" is held to utilisation and errors ("early" lacks supply at 03:00): all met
        assertTrue(t.allMet(), t.report());
        assertTrue(t.report().contains("(1 campaigns)"), t.report());
        Scenario lenient = new Scenario(SCENARIO.name(), 1, SCENARIO.day(), 240, 3, SCENARIO.traffic(), SCENARIO.dsps(),
                SCENARIO.campaigns(), List.of(), Map.of(), List.of("overspend"));
        DayResult lost = result(Map.of("charged_reservation", 1L));
        DayResult held = new DayResult(lenient, lost.podium(), lost.potential(), lost.noPacing(), lost.throttling(),
                lost.recorder(), lost.bidders(), lost.chargeTotals(), 0, 0, 0, 1);
        assertTrue(Targets.of(held).allMet(), "a scenario not held to the charges target passes with a mismatch");
        assertFalse(Targets.of(lost).allMet());
    }

    @Test
    void theSeriesHoldEveryMinuteAndQuarterHour() {
        JsonNode series = SummaryWriter.series(result(Map.of()));
        JsonNode even = series.get("campaigns").get("even");
        assertEquals(1440, even.get("podium").size());
        assertEquals(1440, even.get("no_pacing").size());
        assertEquals(1_440_000, even.get("no_pacing").get(0).asLong());
        JsonNode q = series.get("quarter_hours");
        assertEquals(96, q.get("auctions").size());
        assertEquals(100, q.get("auctions").get(0).asLong());
        assertEquals(1, q.get("auctions").get(1).asLong());
        assertEquals(0.75, q.get("fill_rate").get(0).asDouble(), "150 of 200 imps");
        assertEquals(0.0, q.get("fill_rate").get(1).asDouble());
        assertTrue(q.get("fill_rate").get(2).isNull(), "no request in the third quarter hour");
        assertTrue(q.get("latency_p99_ms").get(1).isNull(), "a pod request is not an OpenRTB auction");
    }
}
