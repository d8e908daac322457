package io.podium.exchange.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.exchange.server.PodiumServer;
import io.podium.exchange.testing.MutableClock;
import io.podium.exchange.testing.TestConfigs;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaigns bid in the auction against an external DSP and are charged on the billing notice. */
class CampaignAuctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "acme-token-0123456789";
    private static final String REQUEST = "{\"id\":\"%s\",\"at\":1,\"tmax\":500,\"imp\":[{\"id\":\"1\","
            + "\"banner\":{\"w\":300,\"h\":250},\"bidfloor\":1.0}],\"site\":{\"domain\":\"news.example.com\"}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final HttpClient client = HttpClient.newHttpClient();
    private Undertow dsp;
    private PodiumServer server;

    @BeforeEach
    void start() {
        // an external DSP that always bids 2.00 CPM
        dsp = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> ex.getRequestReceiver()
                .receiveFullString((e, body) -> {
                    String id = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf('"', body.indexOf("\"id\":\"") + 6));
                    e.getResponseSender().send("{\"id\":\"" + id + "\",\"seatbid\":[{\"seat\":\"ext\",\"bid\":[{\"id\":\"x1\","
                            + "\"impid\":\"1\",\"price\":2.0,\"adm\":\"<b>ext</b>\",\"crid\":\"ext-1\",\"adomain\":[\"ext.example\"]}]}]}");
                })).build();
        dsp.start();
        int port = ((InetSocketAddress) dsp.getListenerInfo().get(0).getAddress()).getPort();
        server = new PodiumServer(TestConfigs.load("server: {port: 0, host: 127.0.0.1}\n"
                + "notices: {secret: 'campaign-test-secret-0123'}\n"
                + "pacing: {control_interval_seconds: 60}\n"
                + "advertisers:\n  - {id: acme, token: " + TOKEN + "}\n"
                + "bidders:\n  - {id: ext, endpoint: 'http://127.0.0.1:" + port + "/bid'}\n"), clock).start();
    }

    @AfterEach
    void stop() {
        server.close();
        dsp.stop();
    }

    private HttpResponse<String> http(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                : "http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String createCampaign(long dailyBudgetMicros) throws Exception {
        String doc = CampaignApiTest.CAMPAIGN.replace("50000000", Long.toString(dailyBudgetMicros));
        HttpResponse<String> r = http("POST", "/api/v1/campaigns", doc, TOKEN);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Lets the controller open up (no spend yet: the pass rate doubles each control step) and leases budget. */
    private void warmPacing() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            server.pacing().tick();
        }
    }

    private JsonNode auction(String id) throws Exception {
        return auction(id, "");
    }

    /** An auction whose request carries {@code extra} top-level members (e.g. a user). */
    private JsonNode auction(String id, String extra) throws Exception {
        String body = String.format(REQUEST, id);
        body = extra.isEmpty() ? body : body.substring(0, body.length() - 1) + "," + extra + "}";
        HttpResponse<String> r = http("POST", "/openrtb2/auction", body, null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("seatbid").get(0).get("bid").get(0);
    }

    @Test
    void aCampaignOutbidsTheDspAndIsChargedOnceOnItsBillingNotice() throws Exception {
        String campaign = createCampaign(50_000_000);
        warmPacing();

        JsonNode bid = auction("a1");

        assertEquals(campaign, bid.get("cid").asText());
        assertEquals(4.0, bid.get("price").asDouble());
        assertEquals("<img>", bid.get("adm").asText());
        for (int i = 0; i < 3; i++) {
            assertEquals(204, http("GET", bid.get("burl").asText(), null, null).statusCode());
        }
        server.pacing().tick();
        long spent = server.pacingSpent(campaign, clock.instant());
        assertEquals(4_000, spent, "one impression at a 4.00 CPM, charged once");

        JsonNode delivery = JSON.readTree(http("GET", "/api/v1/campaigns/" + campaign + "/delivery", null, TOKEN).body());
        assertEquals(4_000, delivery.get("spent_micros").asLong());
        assertEquals(1, delivery.get("impressions").asLong());
        assertEquals(24, delivery.get("hours").size());
        assertEquals(0.00008, delivery.get("utilisation").asDouble(), 1e-12);
        // 12:05 UTC is 07:05 in New York: minute 425 of the local day
        JsonNode minutes = delivery.get("minutes");
        JsonNode last = minutes.get(minutes.size() - 1);
        assertEquals(425, last.get("minute").asInt());
        assertEquals(4_000, last.get("spent_micros").asLong());
        assertEquals(50_000_000 / 1440, last.get("planned_micros").asLong(), 1, "an even plan: budget / 1440 per minute");
        assertEquals(4_000, delivery.get("hours").get(7).get("spent_micros").asLong());
        long planned = delivery.get("planned_micros").asLong();
        assertTrue(planned > 14_000_000 && planned < 15_000_000, "about 425/1440 of the budget: " + planned);
        long projected = delivery.get("projected_end_of_day_micros").asLong();
        assertTrue(projected >= 4_000 && projected <= 50_000_000, "projected " + projected);
        assertEquals(400, http("GET", "/api/v1/campaigns/" + campaign + "/delivery?day=today", null, TOKEN).statusCode());
        assertEquals(404, http("GET", "/api/v1/campaigns/cmp-other/delivery", null, TOKEN).statusCode());
    }

    @Test
    void aCampaignStopsBiddingWhenItsBudgetIsHeldOrSpent() throws Exception {
        String campaign = createCampaign(10_000); // two and a half impressions at 4.00 CPM
        warmPacing();

        JsonNode first = auction("b1");
        JsonNode second = auction("b2");
        JsonNode third = auction("b3");

        assertEquals(campaign, first.get("cid").asText());
        assertEquals(campaign, second.get("cid").asText());
        assertEquals("x1", third.get("id").asText(), "the DSP wins once the campaign cannot cover another impression");
        http("GET", first.get("burl").asText(), null, null);
        http("GET", second.get("burl").asText(), null, null);
        server.pacing().tick();
        long spent = server.pacingSpent(campaign, clock.instant());
        assertEquals(8_000, spent);
        assertTrue(spent <= 10_000, "never more than the daily budget");
    }

    @Test
    void aFrequencyCappedCampaignBidsAtMostItsCapPerUserAndNeedsAUser() throws Exception {
        String doc = CampaignApiTest.CAMPAIGN.replace("\"creatives\"",
                "\"frequency_cap\":{\"impressions\":2,\"period_seconds\":3600},\"creatives\"");
        HttpResponse<String> created = http("POST", "/api/v1/campaigns", doc, TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        String campaign = JSON.readTree(created.body()).get("id").asText();
        warmPacing();

        String u1 = "\"user\":{\"id\":\"u1\"}";
        assertEquals(campaign, auction("f1", u1).get("cid").asText());
        assertEquals(campaign, auction("f2", u1).get("cid").asText());
        assertEquals("x1", auction("f3", u1).get("id").asText(), "the cap of 2 per hour is reached for u1");
        assertEquals(campaign, auction("f4", "\"user\":{\"id\":\"u2\"}").get("cid").asText(), "u2 is counted apart");
        assertEquals(campaign, auction("f5", "\"device\":{\"ifa\":\"ifa-9\"}").get("cid").asText(),
                "the advertising id stands in for a missing user id");
        assertEquals("x1", auction("f6", "\"device\":{\"ifa\":\"00000000-0000-0000-0000-000000000000\"}")
                .get("id").asText(), "a zeroed advertising id is no identity");
        assertEquals("x1", auction("f7").get("id").asText(), "no user identity: a capped campaign does not bid");
        clock.advance(Duration.ofSeconds(3600));
        server.pacing().tick();
        assertEquals(campaign, auction("f8", u1).get("cid").asText(), "an hour later u1 may see it again");
    }
}
