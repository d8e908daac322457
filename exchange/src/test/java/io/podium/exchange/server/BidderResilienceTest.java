package io.podium.exchange.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.notice.Notice;
import io.podium.exchange.notice.NoticeType;
import io.podium.exchange.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Circuit breaker, QPS cap, late answers, seat rules and notices through the running server. */
class BidderResilienceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "{\"id\":\"r\",\"at\":1,\"tmax\":300,"
            + "\"imp\":[{\"id\":\"1\",\"banner\":{\"w\":300,\"h\":250}}],\"site\":{\"domain\":\"a.example\"}}";

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private MockBidder bidder(MockBidder.Behaviour behaviour) {
        MockBidder[] self = new MockBidder[1];
        self[0] = new MockBidder(behaviour, body -> AuctionEndpointTest.bid(body, 1.5, "x.com")
                .replace("NURL", self[0].base() + "/notice/win")
                .replace("BURL", self[0].base() + "/notice/bill")
                .replace("LURL", self[0].base() + "/notice/loss"));
        closeables.add(self[0]);
        return self[0];
    }

    private PodiumServer server(String yaml, MockBidder bidder, String bidderExtra) {
        String notices = yaml.contains("notices:") ? "" : "notices: {secret: 'resilience-secret-123456'}\n";
        String config = "server: {port: 0, host: 127.0.0.1}\n" + notices + yaml
                + "\nbidders:\n  - {id: dsp, endpoint: '" + bidder.endpoint() + "'" + bidderExtra + "}\n";
        PodiumServer server = new PodiumServer(io.podium.exchange.testing.TestConfigs.load(config), clock);
        closeables.add(0, server);
        return server.start();
    }

    private HttpResponse<String> auction(PodiumServer server, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/openrtb2/auction"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void circuitBreakerCutsOffAFailingBidderAndLetsItBackIn() throws Exception {
        MockBidder dsp = bidder(MockBidder.Behaviour.ERROR_500);
        PodiumServer server = server("circuit_breaker: {failure_threshold: 3, open_ms: 1000, ramp_ms: 0}", dsp, "");

        for (int i = 0; i < 5; i++) {
            assertEquals(204, auction(server, REQUEST).statusCode());
        }

        assertEquals(3, dsp.calls.get(), "after 3 failures the bidder is no longer called");
        assertEquals(2, server.metrics().count(MetricName.BIDDER_SKIPPED, "bidder", "dsp", "reason", "circuit_open"));

        dsp.behaviour = MockBidder.Behaviour.BID;
        clock.advance(Duration.ofMillis(1000));
        assertEquals(200, auction(server, REQUEST).statusCode());
        assertEquals(4, dsp.calls.get());
    }

    @Test
    void rampingBreakerLetsOnlyAShareThroughAndReopensOnFailure() throws Exception {
        MockBidder dsp = bidder(MockBidder.Behaviour.ERROR_500);
        PodiumServer server = server("circuit_breaker: {failure_threshold: 1, open_ms: 1000, ramp_ms: 60000, "
                + "ramp_start_percent: 1}", dsp, "");
        auction(server, REQUEST);
        assertEquals(1, dsp.calls.get());
        clock.advance(Duration.ofMillis(1000));
        // at the start of the ramp 1% of auctions reach the bidder; the first failure reopens it
        for (int i = 0; i < 30; i++) {
            auction(server, REQUEST);
        }
        assertTrue(dsp.calls.get() <= 3, "ramping let " + dsp.calls.get() + " calls through");
    }

    @Test
    void qpsCapSkipsTheBidderBeyondItsRate() throws Exception {
        MockBidder dsp = bidder(MockBidder.Behaviour.BID);
        PodiumServer server = server("", dsp, ", qps: 2");

        for (int i = 0; i < 4; i++) {
            auction(server, REQUEST);
        }
        assertEquals(2, dsp.calls.get());
        assertEquals(2, server.metrics().count(MetricName.BIDDER_SKIPPED, "bidder", "dsp", "reason", "qps_cap"));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, auction(server, REQUEST).statusCode());
        assertEquals(3, dsp.calls.get());
    }

    @Test
    void lateAnswersAreDroppedAndCounted() throws Exception {
        MockBidder dsp = bidder(MockBidder.Behaviour.BID);
        dsp.delayMs = 600;
        PodiumServer server = server("auction: {late_grace_ms: 3000}", dsp, "");

        HttpResponse<String> r = auction(server, REQUEST.replace("\"tmax\":300", "\"tmax\":150"));

        assertEquals(204, r.statusCode());
        for (int i = 0; i < 100 && server.metrics().count(MetricName.BIDDER_LATE, "bidder", "dsp") == 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, server.metrics().count(MetricName.BIDDER_LATE, "bidder", "dsp"));
        assertEquals(1, server.metrics().count(MetricName.BIDDER_TIMEOUTS, "bidder", "dsp"));
    }

    @Test
    void aBidderWhoseSeatIsNotAllowedIsNotCalled() throws Exception {
        MockBidder dsp = bidder(MockBidder.Behaviour.BID);
        PodiumServer server = server("", dsp, ", seat: seat-a");

        assertEquals(204, auction(server, REQUEST.replace("\"at\":1", "\"at\":1,\"wseat\":[\"seat-b\"]")).statusCode());
        assertEquals(204, auction(server, REQUEST.replace("\"at\":1", "\"at\":1,\"bseat\":[\"SEAT-A\"]")).statusCode());
        assertEquals(0, dsp.calls.get());
        // called, but its bid names seat s-x.com, which the request does not allow
        assertEquals(204, auction(server, REQUEST.replace("\"at\":1", "\"at\":1,\"wseat\":[\"seat-a\"]")).statusCode());
        assertEquals(1, dsp.calls.get());
        assertEquals(1, server.metrics().count(MetricName.BIDS_REJECTED, "bidder", "dsp", "reason", "104"));
        assertEquals(200, auction(server, REQUEST.replace("\"at\":1", "\"at\":1,\"wseat\":[\"seat-a\",\"s-x.com\"]"))
                .statusCode());
    }

    @Test
    void markupServedOnTheWinNoticeIsRelayedFromTheDsp() throws Exception {
        MockBidder[] self = new MockBidder[1];
        self[0] = new MockBidder(MockBidder.Behaviour.BID, body -> AuctionEndpointTest.bid(body, 1.5, "x.com")
                .replaceAll("\"adm\":\"[^\"]*\",", "")
                .replace("NURL", self[0].base() + "/notice/win")
                .replace("BURL", self[0].base() + "/notice/bill")
                .replace("LURL", self[0].base() + "/notice/loss"));
        closeables.add(self[0]);
        PodiumServer server = server("", self[0], "");

        JsonNode bid = JSON.readTree(auction(server, REQUEST).body()).get("seatbid").get(0).get("bid").get(0);
        assertTrue(bid.path("adm").isMissingNode());
        HttpResponse<String> win = get(bid.get("nurl").asText());

        assertEquals(200, win.statusCode());
        assertEquals("<markup-from-nurl/>", win.body());
    }

    @Test
    void aBillingNoticeFiredManyTimesAtOnceIsActedOnOnce() throws Exception {
        MockBidder dsp = bidder(MockBidder.Behaviour.BID);
        List<Notice> seen = new CopyOnWriteArrayList<>();
        String config = "server: {port: 0, host: 127.0.0.1}\nnotices: {secret: 'resilience-secret-123456'}\n"
                + "bidders:\n  - {id: dsp, endpoint: '" + dsp.endpoint() + "'}\n";
        PodiumServer server = new PodiumServer(io.podium.exchange.testing.TestConfigs.load(config), clock).onNotice(seen::add);
        closeables.add(0, server);
        server.start();
        String burl = JSON.readTree(auction(server, REQUEST).body()).get("seatbid").get(0).get("bid").get(0)
                .get("burl").asText();

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(burl)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            assertEquals(204, c.get().statusCode());
        }

        assertEquals(1, seen.size());
        assertEquals(NoticeType.BILL, seen.get(0).type());
        assertEquals(1_500_000, seen.get(0).priceMicros());
        Thread.sleep(300);
        assertEquals(1, dsp.notices.stream().filter(n -> n.startsWith("/notice/bill")).count());
        assertEquals(199, server.metrics().count(MetricName.NOTICES, "type", "bill", "result", "duplicate"));
    }

    @Test
    void anExpiredNoticeIsRefused() throws Exception {
        MockBidder dsp = bidder(MockBidder.Behaviour.BID);
        PodiumServer server = server("notices: {secret: 'resilience-secret-123456', max_age_seconds: 60}", dsp, "");
        String nurl = JSON.readTree(auction(server, REQUEST).body()).get("seatbid").get(0).get("bid").get(0)
                .get("nurl").asText();
        clock.advance(Duration.ofSeconds(61));
        assertEquals(403, get(nurl).statusCode());
    }
}
