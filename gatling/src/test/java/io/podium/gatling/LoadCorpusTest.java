package io.podium.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the simulations' request corpus without a server, so a broken template fails the
 * normal build instead of a load run: every template renders (with the feeders' values, as
 * Gatling's {@code #{name}} placeholders would) to valid JSON of the intended shape.
 */
class LoadCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{(\\w+)}");

    @Test
    void everyBidTemplateRendersToAnOpenRtbRequestWithTheFreshId() throws IOException {
        BidEndpointSimulation.RequestFeeder feeder = new BidEndpointSimulation.RequestFeeder(7);
        for (BidEndpointSimulation.Template t : BidEndpointSimulation.CORPUS) {
            Map<String, Object> values = new HashMap<>(feeder.next());
            values.put("template", t.path());
            JsonNode request = render(t.path(), values);

            assertEquals(values.get("requestId"), request.path("id").asText(), t.name());
            assertEquals(values.get("tid"), request.path("source").path("tid").asText(), t.name());
            assertTrue(request.path("tmax").asInt() > 0, t.name() + ": tmax");
            assertTrue(request.has("site") ^ request.has("app"), t.name() + ": exactly one of site and app");
            Set<String> impIds = new HashSet<>();
            for (JsonNode imp : request.path("imp")) {
                assertTrue(impIds.add(imp.path("id").asText()), t.name() + ": duplicate imp.id");
                assertTrue(imp.has("banner") || imp.has("video"), t.name() + ": imp without a media object");
                JsonNode video = imp.path("video");
                assertFalse(video.has("rqddurs") && (video.has("minduration") || video.has("maxduration")),
                        t.name() + ": rqddurs excludes minduration/maxduration (OpenRTB 2.6)");
            }
            assertFalse(impIds.isEmpty(), t.name() + ": no imp");
        }
    }

    @Test
    void theCorpusHoldsEveryKindTheIssueAsksFor() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        BidEndpointSimulation.RequestFeeder feeder = new BidEndpointSimulation.RequestFeeder(1);
        for (BidEndpointSimulation.Template t : BidEndpointSimulation.CORPUS) {
            byName.put(t.name(), render(t.path(), feeder.next()));
        }
        assertTrue(byName.get("banner-site").has("site"));
        assertTrue(byName.get("banner-app").has("app"));
        assertTrue(byName.get("multi-imp-site").path("imp").size() > 1);
        assertEquals(1, byName.get("video-instream-site").path("imp").get(0).path("video").path("plcmt").asInt());

        JsonNode dynamic = byName.get("video-pod-dynamic-ctv").path("imp").get(0).path("video");
        assertTrue(dynamic.has("podid") && dynamic.path("poddur").asInt() > 0 && dynamic.path("maxseq").asInt() > 1,
                "a dynamic pod: podid, poddur, maxseq");

        List<Integer> slots = new ArrayList<>();
        Set<String> podIds = new HashSet<>();
        for (JsonNode imp : byName.get("video-pod-structured-ctv").path("imp")) {
            podIds.add(imp.path("video").path("podid").asText());
            slots.add(imp.path("video").path("slotinpod").asInt());
        }
        assertEquals(1, podIds.size(), "a structured pod: several imps of one podid");
        assertEquals(List.of(1, 0, -1), slots, "first, any and last slot");
    }

    @Test
    void theSameSeedSendsTheSameMixInTheAdvertisedShares() {
        BidEndpointSimulation.RequestFeeder a = new BidEndpointSimulation.RequestFeeder(42);
        BidEndpointSimulation.RequestFeeder b = new BidEndpointSimulation.RequestFeeder(42);
        Map<String, Integer> counts = new HashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            String kind = (String) a.next().get("kind");
            assertEquals(kind, b.next().get("kind"), "draw " + i + " (seed 42)");
            counts.merge(kind, 1, Integer::sum);
        }
        for (BidEndpointSimulation.Template t : BidEndpointSimulation.CORPUS) {
            double share = 100.0 * counts.getOrDefault(t.name(), 0) / n;
            assertEquals(t.percent(), share, 1.5, t.name() + " share (seed 42)");
        }
    }

    @Test
    void requestIdsAreUniqueAcrossArrivals() {
        BidEndpointSimulation.RequestFeeder feeder = new BidEndpointSimulation.RequestFeeder(3);
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(ids.add(feeder.next().get("requestId")), "repeated request id at arrival " + i);
        }
    }

    @Test
    void theCampaignTemplateRendersWithTheFeedersValues() throws IOException {
        Map<String, Object> values = new CampaignApiSimulation.CampaignFeeder().next();
        JsonNode campaign = render("campaigns/campaign.json", values);
        assertEquals(20_000_000L, campaign.path("daily_budget_micros").asLong());
        assertTrue(campaign.path("start").asText().matches("\\d{4}-\\d\\d-\\d\\dT00:00:00"));
        assertTrue(campaign.path("end").asText().compareTo(campaign.path("start").asText()) > 0);
    }

    /** Replaces every {@code #{name}} with its value (failing on an unknown name), then parses. */
    private static JsonNode render(String resource, Map<String, Object> values) throws IOException {
        String template;
        try (InputStream in = LoadCorpusTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource + " is not on the class path");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            assertNotNull(v, resource + ": no feeder value for #{" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(v)));
        }
        m.appendTail(out);
        return JSON.readTree(out.toString());
    }
}
