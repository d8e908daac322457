package io.podium.simulator.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real day (two nodes, one redis-server, two DSPs, every fault kind) end to end:
 * nothing overspent, every accepted charge in Redis once, and the output consistent with itself.
 */
class DaySimulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SHORT_DAY = """
            name: short
            seed: 99
            real_seconds: 24
            nodes: 2
            traffic: {requests_per_day: 5000, max_in_flight: 128}
            dsps:
              - {id: quick, latency: {medianMs: 10, sigma: 0.3}, bidRate: 0.8}
              - {id: faulty, latency: {medianMs: 25, sigma: 0.5}, bidRate: 0.6,
                 faults: {timeout: 0.02, serverError: 0.02, malformed: 0.02}}
            campaigns:
              - {id: c1, advertiser: acme, budget_micros: 3000000, max_cpm_micros: 4000000, media: [banner], publishers: "0-19"}
              - {id: c2, advertiser: globex, budget_micros: 500000, max_cpm_micros: 3000000, media: [banner, video], reach: 0.5}
            faults:
              - {kind: redis_outage, from: "06:00", to: "08:00"}
              - {kind: node_kill, node: 1, from: "12:00", to: "13:00"}
              - {kind: dsp_slowdown, dsp: quick, from: "18:00", to: "20:00", factor: 20}
            held_to: [overspend, charges]
            """;

    @Test
    void aShortDayWithEveryFaultLosesNothingAndReportsConsistently(@TempDir Path out) throws Exception {
        Scenario scenario = ScenarioReader.parse(SHORT_DAY, "short");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        DayResult r = new DaySimulation(scenario, out, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertEquals(0, r.maxOverspendMicros(), "no campaign spends past its budget");
        assertEquals(0, r.chargesLostOrDoubledMicros(), "what the ledgers charged is in Redis once");
        long accepted = r.podium().stream().mapToLong(DaySimulation.CampaignOutcome::settledMicros).sum();
        long refused = r.chargeTotals().getOrDefault("refused_no_budget", 0L);
        assertEquals(accepted, r.ledgerChargedMicros() + refused, "every accepted billing notice went to a ledger once");
        assertTrue(r.auctions() > 3_000, "traffic ran: " + r.auctions());
        assertTrue(r.podium().get(0).figures().spentMicros() > 0, "the campaign spent");

        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode series = JSON.readTree(out.resolve("series.json").toFile());
        for (JsonNode c : summary.get("campaigns")) {
            long sum = 0;
            for (JsonNode m : series.get("campaigns").get(c.get("id").asText()).get("podium")) {
                sum += m.asLong();
            }
            assertEquals(c.get("spent_micros").asLong(), sum, "spend per minute adds up for " + c.get("id"));
        }
        JsonNode overall = summary.get("overall");
        long byKind = 0;
        for (JsonNode k : overall.get("requests_by_kind")) {
            byKind += k.asLong();
        }
        assertEquals(overall.get("auctions").asLong(), byKind);
        assertEquals(2, overall.get("bidders").size());
        JsonNode faulty = overall.get("bidders").get(1);
        assertEquals("faulty", faulty.get("id").asText());
        assertTrue(faulty.get("errors").asLong() > 0, "5xx and malformed answers are counted: " + faulty);
        assertTrue(overall.get("bidders").get(0).get("timeouts").asLong() > 0, "the slowed DSP timed out");
        assertEquals(3, summary.get("faults").size());
        for (String b : new String[] {"no_pacing", "throttling"}) {
            JsonNode cs = summary.get("baselines").get(b).get("campaigns");
            assertEquals(2, cs.size());
            for (JsonNode c : cs) {
                assertEquals(0, c.get("overspend_micros").asLong(), b);
            }
        }
        for (String f : new String[] {"cumulative-spend.png", "spend-per-15min.png", "pacing-error.png", "latency-fill.png",
                "index.html", "simulation.log"}) {
            if (!f.equals("simulation.log")) {
                assertTrue(Files.size(out.resolve(f)) > 1_000, f);
            }
        }
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("c1") && html.contains("redis_outage"), "the page names campaigns and faults");
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("nodes "), "progress was shown");
    }
}
