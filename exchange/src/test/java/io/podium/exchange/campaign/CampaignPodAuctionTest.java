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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A campaign's video creative competes with a DSP's bids for the ads of a dynamic pod. */
class CampaignPodAuctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "acme-token-0123456789";
    private static final String VAST = "<VAST version=\\\"4.2\\\"><Ad id=\\\"spot\\\"><InLine/></Ad></VAST>";
    /** 4.00 CPM, one 15 s video of shop.example. */
    private static final String VIDEO_CAMPAIGN = "{\"name\":\"Winter spot\",\"daily_budget_micros\":50000000,"
            + "\"currency\":\"USD\",\"max_cpm_micros\":4000000,\"start\":\"2026-11-01T00:00:00Z\","
            + "\"time_zone\":\"America/New_York\",\"pacing\":\"EVEN\",\"targeting\":{\"site_domains\":[\"tv.example\"],"
            + "\"media_types\":[\"video\"]},\"creatives\":[{\"id\":\"spot-15\",\"type\":\"video\",\"vast\":\"" + VAST
            + "\",\"duration\":15,\"adomain\":[\"shop.example\"],\"cat\":[\"IAB22\"]}]}";
    /** A dynamic pod of 60 s, at most 3 ads, first price. */
    private static final String POD_REQUEST = "{\"id\":\"%s\",\"at\":1,\"tmax\":500,\"imp\":[{\"id\":\"1\","
            + "\"video\":{\"mimes\":[\"video/mp4\"],\"podid\":\"pre\",\"poddur\":60,\"maxseq\":3,\"maxduration\":30,"
            + "\"mincpmpersec\":%s}}],\"site\":{\"domain\":\"tv.example\"}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final HttpClient client = HttpClient.newHttpClient();
    private Undertow dsp;
    private PodiumServer server;

    @BeforeEach
    void start() {
        // a DSP with three ads for the pod; one of shop.example, the campaign's advertiser
        dsp = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> ex.getRequestReceiver()
                .receiveFullString((e, body) -> {
                    String id = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf('"', body.indexOf("\"id\":\"") + 6));
                    e.getResponseSender().send("{\"id\":\"" + id + "\",\"seatbid\":[{\"seat\":\"ext\",\"bid\":["
                            + ad("x30", 9.0, 30, "ext1.example") + "," + ad("x15", 5.0, 15, "ext2.example") + ","
                            + ad("xshop", 3.5, 15, "shop.example") + "]}]}");
                })).build();
        dsp.start();
        int port = ((InetSocketAddress) dsp.getListenerInfo().get(0).getAddress()).getPort();
        server = new PodiumServer(TestConfigs.load("server: {port: 0, host: 127.0.0.1}\n"
                + "notices: {secret: 'campaign-pod-secret-0123'}\n"
                + "pacing: {control_interval_seconds: 60}\n"
                + "advertisers:\n  - {id: acme, token: " + TOKEN + "}\n"
                + "bidders:\n  - {id: ext, endpoint: 'http://127.0.0.1:" + port + "/bid'}\n"), clock).start();
    }

    private static String ad(String id, double price, int dur, String adomain) {
        return "{\"id\":\"" + id + "\",\"impid\":\"1\",\"price\":" + price + ",\"dur\":" + dur + ",\"adm\":\"<VAST/>\","
                + "\"crid\":\"cr-" + id + "\",\"adomain\":[\"" + adomain + "\"]}";
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

    private String createCampaign() throws Exception {
        HttpResponse<String> r = http("POST", "/api/v1/campaigns", VIDEO_CAMPAIGN, TOKEN);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private void warmPacing() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            server.pacing().tick();
        }
    }

    private JsonNode auction(String id, String minCpmPerSecond) throws Exception {
        HttpResponse<String> r = http("POST", "/openrtb2/auction", String.format(POD_REQUEST, id, minCpmPerSecond), null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static Map<String, JsonNode> bidsById(JsonNode resp) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode sb : resp.get("seatbid")) {
            for (JsonNode b : sb.get("bid")) {
                out.put(b.get("id").asText(), b);
            }
        }
        return out;
    }

    @Test
    void aCampaignsVideoCreativeWinsAPlaceInThePodAndIsChargedOnItsBillingNotice() throws Exception {
        String campaign = createCampaign();
        warmPacing();

        // when: x30 9.00 + x15 5.00 + the campaign 4.00 (15 s) = 18.00 in 60 s; xshop (3.50) shares shop.example
        JsonNode resp = auction("p1", "0.1");

        // then
        Map<String, JsonNode> bids = bidsById(resp);
        assertEquals(3, bids.size(), resp.toString());
        JsonNode mine = bids.get(campaign + "~1");
        assertEquals(campaign, mine.get("cid").asText());
        assertEquals(15, mine.get("dur").asInt());
        assertEquals(4.0, mine.get("price").asDouble());
        assertTrue(mine.get("adm").asText().startsWith("<VAST version=\"4.2\">"), mine.get("adm").asText());
        assertEquals("shop.example", mine.get("adomain").get(0).asText());
        assertTrue(bids.containsKey("x30") && bids.containsKey("x15"));
        JsonNode ads = resp.get("ext").get("podium").get("pods").get(0).get("ads");
        assertEquals("x30", ads.get(0).get("bidid").asText(), "the highest price plays first");
        assertEquals(campaign + "~1", ads.get(2).get("bidid").asText());
        assertEquals(3, ads.get(2).get("seq").asInt());
        assertEquals(102, resp.get("ext").get("seatnonbid").get(0).get("nonbid").get(0).get("statuscode").asInt());

        // the billing notice charges one impression at 4.00 CPM, once
        for (int i = 0; i < 2; i++) {
            assertEquals(204, http("GET", mine.get("burl").asText(), null, null).statusCode());
        }
        server.pacing().tick();
        assertEquals(4_000, server.pacingSpent(campaign, clock.instant()));
    }

    @Test
    void aCampaignDoesNotBidWhereItsCreativesDurationFloorIsAboveItsPrice() throws Exception {
        createCampaign();
        warmPacing();

        // 0.28 CPM per second: 15 s cost 4.20, above the campaign's 4.00
        JsonNode resp = auction("p2", "0.28");

        assertTrue(resp.get("ext").get("podium").get("bidders").path("campaigns").isMissingNode(), resp.toString());
        assertEquals(java.util.Set.of("x30", "x15"), bidsById(resp).keySet());
    }
}
