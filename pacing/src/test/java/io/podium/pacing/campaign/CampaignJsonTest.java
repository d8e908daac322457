package io.podium.pacing.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void readsAValidDocumentAndWritesItBack() {
        Campaign c = CampaignFixtures.campaign("cmp-1", "adv-1", 1);
        assertEquals(50_000_000, c.dailyBudgetMicros());
        assertEquals(Instant.parse("2026-11-01T04:00:00Z"), c.start(), "local start read in America/New_York (EDT)");
        assertEquals(List.of("news.example.com"), c.targeting().siteDomains());
        assertEquals(2, c.creatives().size());
        assertEquals(15, c.creatives().get(1).durationSeconds());

        Campaign again = CampaignJson.readStored(CampaignJson.write(c));
        assertEquals(c, again);
    }

    private static List<CampaignProblem> problems(String field, Object value) {
        ObjectNode doc = (ObjectNode) CampaignFixtures.document();
        if (value == null) {
            doc.remove(field);
        } else {
            doc.set(field, CampaignJson.MAPPER.valueToTree(value));
        }
        CampaignJson.Read r = CampaignJson.read(doc, "cmp-1", "adv-1", 1, NOW);
        assertNull(r.campaign());
        return r.problems();
    }

    @Test
    void everyRuleNamesItsField() {
        assertEquals(List.of(new CampaignProblem("name", "is required")), problems("name", null));
        assertEquals(List.of(new CampaignProblem("daily_budget_micros", "must be an integer number of micros")),
                problems("daily_budget_micros", 1.5));
        assertEquals("daily_budget_micros", problems("daily_budget_micros", -5).get(0).field());
        assertEquals(List.of(new CampaignProblem("lifetime_budget_micros", "must be at least daily_budget_micros")),
                problems("lifetime_budget_micros", 1_000));
        assertEquals("currency", problems("currency", "usd").get(0).field());
        assertEquals("max_cpm_micros", problems("max_cpm_micros", null).get(0).field());
        assertEquals("time_zone", problems("time_zone", "Mars/Olympus").get(0).field());
        assertEquals("start", problems("start", "yesterday").get(0).field());
        assertEquals(List.of(new CampaignProblem("end", "must be after start")), problems("end", "2026-10-01T00:00:00Z"));
        assertEquals("pacing", problems("pacing", "FAST").get(0).field());
        assertEquals(List.of(new CampaignProblem("creatives", "must be a non-empty list")), problems("creatives", List.of()));
        assertEquals(List.of(new CampaignProblem("budget", "unknown field")), problems("budget", 5));
        assertEquals("frequency_cap", problems("frequency_cap", java.util.Map.of("impressions", 0)).get(0).field());
    }

    @Test
    void targetingAndCreativeRulesNameTheirPath() {
        List<CampaignProblem> p = problems("targeting", java.util.Map.of("countries", List.of("US"),
                "device_types", List.of(9), "media_types", List.of("radio"), "colour", "blue"));
        assertTrue(p.contains(new CampaignProblem("targeting.colour", "unknown field")), p.toString());
        assertTrue(p.contains(new CampaignProblem("targeting.countries[0]",
                "must be an ISO 3166-1 alpha-3 code in capitals, such as USA")), p.toString());
        assertTrue(p.contains(new CampaignProblem("targeting.device_types[0]",
                "must be an AdCOM device type code from 1 to 8")), p.toString());
        assertTrue(p.contains(new CampaignProblem("targeting.media_types[0]", "must be banner, video, audio or native")));

        List<CampaignProblem> c = problems("creatives", List.of(java.util.Map.of("id", "x", "type", "video", "vast", "nope",
                "duration", 0, "adomain", List.of())));
        assertTrue(c.contains(new CampaignProblem("creatives[0].vast", "is required for a video and must be a VAST document")));
        assertTrue(c.contains(new CampaignProblem("creatives[0].duration", "must be a positive number of seconds")));
        assertTrue(c.contains(new CampaignProblem("creatives[0].adomain", "must name at least one advertiser domain")));
    }
}
