package io.podium.exchange.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.config.PodiumConfig;
import io.podium.exchange.openrtb.Gzip;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bid endpoint end to end: a real Undertow server, real HTTP bidders on loopback.
 */
class AuctionEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BANNER_REQUEST = "{\"id\":\"req-1\",\"at\":1,\"tmax\":400,"
            + "\"imp\":[{\"id\":\"1\",\"banner\":{\"w\":300,\"h\":250},\"bidfloor\":0.5}],"
            + "\"site\":{\"id\":\"s1\",\"domain\":\"example.com\"}}";

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    static String bid(String body, double price, String adomain) {
        try {
            JsonNode req = JSON.readTree(body);
            String impId = req.get("imp").get(0).get("id").asText();
            return "{\"id\":\"" + req.get("id").asText() + "\",\"bidid\":\"resp-9\",\"cur\":\"USD\",\"seatbid\":[{\"seat\":\"s-"
                    + adomain + "\",\"bid\":[{\"id\":\"b-" + adomain + "\",\"impid\":\"" + impId + "\",\"price\":" + price
                    + ",\"adm\":\"<img src='https://cdn/x?p=${AUCTION_PRICE}'>\",\"crid\":\"c1\",\"adomain\":[\"" + adomain
                    + "\"],\"nurl\":\"NURL?price=${AUCTION_PRICE}&ts=${AUCTION_IMP_TS}\",\"burl\":\"BURL?p=${AUCTION_PRICE}\","
                    + "\"lurl\":\"LURL?loss=${AUCTION_LOSS}&min=${AUCTION_MIN_TO_WIN}\"}]}]}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockBidder bidder(MockBidder.Behaviour behaviour, double price, String adomain) {
        MockBidder[] self = new MockBidder[1];
        self[0] = new MockBidder(behaviour, body -> bid(body, price, adomain)
                .replace("NURL", self[0].base() + "/notice/win")
                .replace("BURL", self[0].base() + "/notice/bill")
                .replace("LURL", self[0].base() + "/notice/loss"));
        closeables.add(self[0]);
        return self[0];
    }

    private PodiumServer server(String extraYaml, MockBidder... bidders) {
        StringBuilder yaml = new StringBuilder("server: {port: 0, host: 127.0.0.1}\n"
                + "notices: {secret: 'test-secret-0123456789'}\n" + extraYaml + "\nbidders:\n");
        for (int i = 0; i < bidders.length; i++) {
            yaml.append("  - {id: dsp").append(i).append(", endpoint: '").append(bidders[i].endpoint()).append("'}\n");
        }
        PodiumConfig config = io.podium.exchange.testing.TestConfigs.load(yaml.toString());
        PodiumServer server = new PodiumServer(config, Clock.systemUTC()).start();
        closeables.add(0, server);
        return server;
    }

    private HttpResponse<byte[]> post(PodiumServer server, byte[] body, String contentType, String encoding)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/openrtb2/auction"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(PodiumServer server, String json) throws Exception {
        return post(server, json.getBytes(StandardCharsets.UTF_8), "application/json", null);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void highestBidWinsAtFirstPriceWithPodiumNoticesAndExpandedMarkup() throws Exception {
        MockBidder high = bidder(MockBidder.Behaviour.BID, 2.5, "high.com");
        MockBidder low = bidder(MockBidder.Behaviour.BID, 1.5, "low.com");
        PodiumServer server = server("", high, low);

        HttpResponse<byte[]> r = post(server, BANNER_REQUEST);

        assertEquals(200, r.statusCode());
        assertEquals("2.6", r.headers().firstValue("x-openrtb-version").orElse(null));
        JsonNode resp = JSON.readTree(r.body());
        JsonNode bid = resp.get("seatbid").get(0).get("bid").get(0);
        assertEquals("req-1", resp.get("id").asText());
        assertEquals("b-high.com", bid.get("id").asText());
        assertEquals(2.5, bid.get("price").asDouble());
        assertEquals("<img src='https://cdn/x?p=2.5'>", bid.get("adm").asText());
        String nurl = bid.get("nurl").asText();
        assertTrue(nurl.startsWith("http://127.0.0.1:" + server.port() + "/notice/win?"), nurl);
        assertTrue(bid.path("lurl").isMissingNode());
        JsonNode nonbid = resp.get("ext").get("seatnonbid").get(0);
        assertEquals("s-low.com", nonbid.get("seat").asText());
        assertEquals(102, nonbid.get("nonbid").get(0).get("statuscode").asInt());

        // each bidder got tmax below the request's, Podium's schain node and a source.tid
        JsonNode sent = JSON.readTree(high.requests.get(0));
        assertTrue(sent.get("tmax").asInt() < 400 && sent.get("tmax").asInt() > 0);
        assertEquals("podium.local", sent.get("source").get("schain").get("nodes").get(0).get("asi").asText());
        assertNotNull(sent.get("source").get("tid"));
        assertEquals(sent.get("source").get("tid"), JSON.readTree(low.requests.get(0)).get("source").get("tid"));

        // the loser hears of its loss with reason 102 and the price it needed (first price: the winning bid)
        waitFor(() -> low.notices.size() == 1);
        assertEquals("/notice/loss?loss=102&min=2.5", low.notices.get(0));

        // the win notice: acted on once, forwarded to the DSP with macros expanded
        assertEquals(204, get(nurl).statusCode());
        assertEquals(204, get(nurl).statusCode());
        waitFor(() -> high.notices.size() >= 1);
        Thread.sleep(200);
        assertEquals(1, high.notices.size());
        assertTrue(high.notices.get(0).startsWith("/notice/win?price=2.5&ts="), high.notices.get(0));

        // a tampered notice does nothing
        String tampered = nurl.replace("&p=2500000&", "&p=1&");
        assertTrue(!tampered.equals(nurl));
        assertEquals(403, get(tampered).statusCode());
        assertEquals(403, get(nurl.substring(0, nurl.indexOf("&sig="))).statusCode());
    }

    @Test
    void secondPriceClearsAtNextBidPlusIncrement() throws Exception {
        PodiumServer server = server("", bidder(MockBidder.Behaviour.BID, 1.00, "a.com"),
                bidder(MockBidder.Behaviour.BID, 0.90, "b.com"));

        HttpResponse<byte[]> r = post(server, BANNER_REQUEST.replace("\"at\":1", "\"at\":2"));

        JsonNode bid = JSON.readTree(r.body()).get("seatbid").get(0).get("bid").get(0);
        assertEquals(0.91, bid.get("price").asDouble());
        assertEquals("<img src='https://cdn/x?p=0.91'>", bid.get("adm").asText());
    }

    @Test
    void answersByTheDeadlineWhateverTheBiddersDo() throws Exception {
        MockBidder good = bidder(MockBidder.Behaviour.BID, 1.0, "good.com");
        PodiumServer server = server("", good,
                bidder(MockBidder.Behaviour.HANG, 9, "hang.com"),
                bidder(MockBidder.Behaviour.TRICKLE, 9, "trickle.com"),
                bidder(MockBidder.Behaviour.GARBAGE, 9, "garbage.com"),
                bidder(MockBidder.Behaviour.ERROR_500, 9, "err.com"),
                bidder(MockBidder.Behaviour.CLOSE, 9, "close.com"));

        HttpResponse<byte[]> r = post(server, BANNER_REQUEST.replace("\"tmax\":400", "\"tmax\":300"));

        java.io.StringWriter m = new java.io.StringWriter();
        server.metrics().writePrometheus(m);
        assertEquals(200, r.statusCode(), m.toString());
        JsonNode resp = JSON.readTree(r.body());
        assertEquals("b-good.com", resp.get("seatbid").get(0).get("bid").get(0).get("id").asText());
        JsonNode status = resp.get("ext").get("podium").get("bidders");
        assertEquals("bids", status.get("dsp0").get("status").asText());
        assertEquals("timeout", status.get("dsp1").get("status").asText());
        assertEquals("timeout", status.get("dsp2").get("status").asText());
        assertEquals("invalid", status.get("dsp3").get("status").asText());
        assertEquals("error", status.get("dsp4").get("status").asText());
        assertEquals("error", status.get("dsp5").get("status").asText());
        // the deadline is measured by the server: the timeouts were counted, the answer was not late
        assertEquals(2, server.metrics().count(io.podium.exchange.metrics.MetricName.BIDDER_TIMEOUTS, "bidder", "dsp1")
                + server.metrics().count(io.podium.exchange.metrics.MetricName.BIDDER_TIMEOUTS, "bidder", "dsp2"));
    }

    @Test
    void noWinnerGives204() throws Exception {
        PodiumServer server = server("", bidder(MockBidder.Behaviour.NO_BID, 0, "x.com"));
        assertEquals(204, post(server, BANNER_REQUEST).statusCode());
    }

    @Test
    void bidBelowFloorDoesNotWin() throws Exception {
        PodiumServer server = server("", bidder(MockBidder.Behaviour.BID, 0.4, "x.com"));
        assertEquals(204, post(server, BANNER_REQUEST).statusCode());
    }

    @Test
    void everyBadInputGetsA400AndTheServerKeepsServing() throws Exception {
        PodiumServer server = server("", bidder(MockBidder.Behaviour.BID, 1.0, "x.com"));
        String[][] cases = {
            {"{\"id\":\"1\",\"imp\":[{\"id\":\"1\",\"banner\":{}}", "$.imp[0]"},
            {"{\"id\":\"1\",\"imp\":[{\"id\":\"1\",\"banner\":{\"w\":\"300\"}}]}", "$.imp[0].banner.w"},
            {"{\"id\":\"1\",\"imp\":[]}", "$.imp"},
            {"{\"id\":\"1\"}", "$.imp"},
            {"{\"id\":\"1\",\"imp\":[{\"id\":\"1\",\"banner\":{}},{\"id\":\"1\",\"banner\":{}}]}", "$.imp[1].id"},
            {"[1,2]", "$"},
            {"not json", "$"},
            {"{\"id\":\"1\",\"imp\":[{\"id\":\"1\",\"banner\":{}}],\"ext\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}", "$.ext"},
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> r = post(server, c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode body = JSON.readTree(r.body());
            assertEquals(2, body.get("nbr").asInt());
            assertEquals(c[1], body.get("problems").get(0).get("path").asText(), c[0]);
        }
        // body over the cap
        byte[] huge = ("{\"id\":\"1\",\"imp\":[{\"id\":\"1\",\"banner\":{}}],\"ext\":{\"pad\":\""
                + "x".repeat(300_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> big = post(server, huge, "application/json", null);
        assertEquals(400, big.statusCode());
        assertTrue(new String(big.body(), StandardCharsets.UTF_8).contains("limit"));
        // gzip bomb: 50 MB of zeros in a small gzip body
        HttpResponse<byte[]> bomb = post(server, Gzip.compress(new byte[50 * 1024 * 1024]), "application/json", "gzip");
        assertEquals(400, bomb.statusCode());
        assertTrue(new String(bomb.body(), StandardCharsets.UTF_8).contains("decompressed"));
        // broken protobuf
        HttpResponse<byte[]> pb = post(server, new byte[] {0x0a, 0x7f, 0x01}, "application/x-protobuf", null);
        assertEquals(400, pb.statusCode());
        assertTrue(new String(pb.body(), StandardCharsets.UTF_8).contains("protobuf"));

        // and a valid request still works
        assertEquals(200, post(server, BANNER_REQUEST).statusCode());
    }

    @Test
    void gzipAndProtobufRequestsAreAnsweredInKind() throws Exception {
        PodiumServer server = server("", bidder(MockBidder.Behaviour.BID, 1.0, "x.com"));
        HttpResponse<byte[]> gz = post(server, Gzip.compress(BANNER_REQUEST.getBytes(StandardCharsets.UTF_8)),
                "application/json", "gzip");
        assertEquals(200, gz.statusCode());

        BidRequest request = new io.podium.exchange.openrtb.OpenRtbJsonCodec()
                .decodeRequest(BANNER_REQUEST.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> pb = post(server, request.toByteArray(), "application/x-protobuf", null);
        assertEquals(200, pb.statusCode());
        assertEquals("application/x-protobuf", pb.headers().firstValue("Content-Type").orElse(null));
        BidResponse response = BidResponse.parseFrom(pb.body());
        assertEquals("req-1", response.getId());
        assertEquals(1.0, response.getSeatbid(0).getBid(0).getPrice());
    }

    @Test
    void protobufAndGzipBiddersAreSpokenToInTheirFormat() throws Exception {
        MockBidder pb = bidder(MockBidder.Behaviour.BID, 2.0, "pb.com");
        MockBidder gz = bidder(MockBidder.Behaviour.BID, 1.0, "gz.com");
        PodiumConfig config = io.podium.exchange.testing.TestConfigs.load("server: {port: 0, host: 127.0.0.1}\nbidders:\n"
                + "  - {id: pb, endpoint: '" + pb.endpoint() + "', format: protobuf, gzip: true}\n"
                + "  - {id: gz, endpoint: '" + gz.endpoint() + "', gzip: true}\n");
        PodiumServer server = new PodiumServer(config, Clock.systemUTC()).start();
        closeables.add(0, server);

        HttpResponse<byte[]> r = post(server, BANNER_REQUEST);

        assertEquals(200, r.statusCode());
        assertEquals("b-pb.com", JSON.readTree(r.body()).get("seatbid").get(0).get("bid").get(0).get("id").asText());
        assertEquals(1, pb.gzipped.get());
        assertEquals(1, gz.gzipped.get());
        assertEquals("req-1", JSON.readTree(pb.requests.get(0)).get("id").asText());
    }

    @Test
    void mediaTypesDecideWhichBiddersAreCalled() throws Exception {
        MockBidder videoOnly = bidder(MockBidder.Behaviour.BID, 2.0, "v.com");
        MockBidder banner = bidder(MockBidder.Behaviour.BID, 1.0, "b.com");
        PodiumConfig config = io.podium.exchange.testing.TestConfigs.load("server: {port: 0, host: 127.0.0.1}\nbidders:\n"
                + "  - {id: video, endpoint: '" + videoOnly.endpoint() + "', media_types: [video]}\n"
                + "  - {id: banner, endpoint: '" + banner.endpoint() + "', media_types: [banner]}\n");
        PodiumServer server = new PodiumServer(config, Clock.systemUTC()).start();
        closeables.add(0, server);

        assertEquals(200, post(server, BANNER_REQUEST).statusCode());

        assertEquals(0, videoOnly.calls.get());
        assertEquals(1, banner.calls.get());
    }

    @Test
    void shedsLoadPastTheConcurrencyCap() throws Exception {
        MockBidder slow = bidder(MockBidder.Behaviour.HANG, 1, "x.com");
        // a server with room for one auction: the second concurrent one is shed at once
        PodiumConfig one = io.podium.exchange.testing.TestConfigs.load("server: {port: 0, host: 127.0.0.1, max_concurrent_auctions: 1}\n"
                + "auction: {tmax_cap_ms: 1500}\nbidders:\n  - {id: slow, endpoint: '" + slow.endpoint() + "'}\n");
        PodiumServer capped = new PodiumServer(one, Clock.systemUTC()).start();
        closeables.add(0, capped);
        PodiumServer target = capped;
        var first = client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/openrtb2/auction"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BANNER_REQUEST.replace("\"tmax\":400", "\"tmax\":1500"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        waitFor(() -> slow.calls.get() == 1);
        HttpResponse<byte[]> shed = post(target, BANNER_REQUEST);
        assertEquals(204, shed.statusCode());
        assertEquals("1", shed.headers().firstValue("x-openrtb-nbr").orElse(null));
        assertEquals(204, first.get().statusCode());
        assertEquals(1, target.metrics().count(io.podium.exchange.metrics.MetricName.SHED));
    }

    @Test
    void metricsAndHealthAreServed() throws Exception {
        PodiumServer server = server("", bidder(MockBidder.Behaviour.BID, 1.0, "x.com"));
        post(server, BANNER_REQUEST);
        HttpResponse<String> metrics = get("http://127.0.0.1:" + server.port() + "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("podium_bidder_latency_seconds{bidder=\"dsp0\",quantile=\"0.99\"}"));
        assertTrue(metrics.body().contains("podium_bidder_wins_total{bidder=\"dsp0\"} 1"));
        assertTrue(metrics.body().contains("podium_auctions_total{result=\"won\"} 1"));
        assertEquals("{\"status\":\"UP\"}", get("http://127.0.0.1:" + server.port() + "/health").body());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached within 5 s");
    }
}
