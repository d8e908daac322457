package io.podium.simulator.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.openrtb.Gzip;
import io.podium.exchange.openrtb.OpenRtbDecodeException;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.openrtb.Banner;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.MarkupType;
import io.podium.openrtb.Pmp;
import io.podium.openrtb.SeatBid;
import io.podium.openrtb.Video;
import io.podium.vast.lint.LintProblem;
import io.podium.vast.lint.VastLinter;
import io.podium.vast.lint.VastSchemas;
import io.podium.vast.model.Vast;
import io.podium.vast.parse.VastParser;
import io.podium.vast.xml.SafeXml;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MockDspTest {
    /** Fixed so the statistical assertions are deterministic; printed so a failure can be replayed. */
    private static final long SEED = 20_261_201L;
    private static final OpenRtbJsonCodec CODEC = new OpenRtbJsonCodec();
    private static HttpClient client;

    @BeforeAll
    static void startClient() {
        System.out.println("MockDspTest seed=" + SEED);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stopClient() {
        client = null;
    }

    private static DspProfile.Builder healthy(String id) {
        return DspProfile.builder(id).latency(DspProfile.Latency.NONE).faults(DspProfile.Faults.NONE);
    }

    private static DspProfile.Faults only(String kind, long delayMs) {
        return new DspProfile.Faults(kind.equals("timeout") ? 1 : 0, delayMs, kind.equals("hang") ? 1 : 0,
                kind.equals("serverError") ? 1 : 0, kind.equals("malformed") ? 1 : 0, kind.equals("trickle") ? 1 : 0,
                1, kind.equals("noBid") ? 1 : 0);
    }

    private static BidRequest bannerRequest(String id, double floor) {
        return BidRequest.newBuilder().setId(id).setTmax(200)
                .addImp(Imp.newBuilder().setId("1").setBidfloor(floor).setBidfloorcur("USD")
                        .setBanner(Banner.newBuilder().setW(300).setH(250)))
                .build();
    }

    private static BidRequest podRequest(String id) {
        return BidRequest.newBuilder().setId(id)
                .addImp(Imp.newBuilder().setId("pod").setBidfloor(0.5)
                        .setVideo(Video.newBuilder().addMimes("video/mp4").setPodid("pod-1").setPoddur(60).setMaxseq(4)
                                .addRqddurs(15).addRqddurs(30).setW(1920).setH(1080)))
                .build();
    }

    private static HttpResponse<byte[]> post(MockDsp dsp, BidRequest request) throws Exception {
        return client.send(HttpRequest.newBuilder(dsp.endpoint()).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(CODEC.encode(request))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Bid> bids(BidResponse response) {
        List<Bid> out = new ArrayList<>();
        for (SeatBid seat : response.getSeatbidList()) {
            out.addAll(seat.getBidList());
        }
        return out;
    }

    @Test
    void seededProfileBidsAtItsRateAndPricesAroundItsMedian() throws Exception {
        DspProfile profile = healthy("stats").bidRate(0.6).price(new DspProfile.Price(2.0, 0.5)).build();
        int n = 500;
        int bidding = 0;
        List<Double> prices = new ArrayList<>();
        try (MockDsp dsp = MockDsp.start(profile, SEED)) {
            for (int i = 0; i < n; i++) {
                HttpResponse<byte[]> r = post(dsp, bannerRequest("req-" + i, 0));
                if (r.statusCode() == 204) {
                    continue;
                }
                assertEquals(200, r.statusCode(), "seed=" + SEED);
                BidResponse response = CODEC.decodeResponse(r.body());
                assertEquals("req-" + i, response.getId());
                assertEquals("USD", response.getCur());
                assertEquals("stats-seat", response.getSeatbid(0).getSeat());
                Bid bid = response.getSeatbid(0).getBid(0);
                assertEquals("1", bid.getImpid());
                assertEquals(MarkupType.MARKUP_TYPE_BANNER, bid.getMtype());
                assertEquals(300, bid.getW());
                assertEquals(250, bid.getH());
                assertTrue(bid.getAdm().contains("${AUCTION_PRICE}"), bid.getAdm());
                assertTrue(profile.adomains().contains(bid.getAdomain(0)));
                assertTrue(profile.categories().contains(bid.getCat(0)));
                assertTrue(bid.getNurl().startsWith("http://127.0.0.1:" + dsp.endpoint().getPort() + "/notice/win?"));
                assertFalse(bid.getId().isEmpty());
                bidding++;
                prices.add(bid.getPrice());
            }
            DspStats stats = dsp.stats();
            assertEquals(n, stats.requests());
            assertEquals(bidding, stats.responsesWithBids());
            assertEquals(n - bidding, stats.noBids());
        }
        double rate = bidding / (double) n;
        prices.sort(Double::compare);
        double median = prices.get(prices.size() / 2);
        System.out.printf("seed=%d bid rate=%.3f median price=%.3f%n", SEED, rate, median);
        assertTrue(rate > 0.52 && rate < 0.68, "bid rate " + rate + " seed=" + SEED);
        assertTrue(median > 1.7 && median < 2.35, "median price " + median + " seed=" + SEED);
        // log-normal spread: about 16 % of draws lie above median * e^sigma
        long high = prices.stream().filter(p -> p > 2.0 * Math.exp(0.5)).count();
        assertTrue(high > prices.size() * 0.08 && high < prices.size() * 0.25, "upper tail " + high + " seed=" + SEED);
    }

    @Test
    void neverBidsUnderTheImpFloor() throws Exception {
        DspProfile profile = healthy("floor").bidRate(1).price(new DspProfile.Price(2.0, 0.6)).build();
        int bidding = 0;
        try (MockDsp dsp = MockDsp.start(profile, SEED)) {
            for (int i = 0; i < 150; i++) {
                HttpResponse<byte[]> r = post(dsp, bannerRequest("f-" + i, 2.37));
                if (r.statusCode() == 200) {
                    bidding++;
                    double price = CODEC.decodeResponse(r.body()).getSeatbid(0).getBid(0).getPrice();
                    assertTrue(price >= 2.37, "price " + price + " under floor, seed=" + SEED);
                }
            }
        }
        assertTrue(bidding > 20 && bidding < 140, "bids " + bidding + " seed=" + SEED);
    }

    @Test
    void bidsOnDealsWithTheDealIdAndAtLeastItsFloor() throws Exception {
        DspProfile profile = healthy("deal").dealBidRate(1).price(new DspProfile.Price(1.0, 0.3)).build();
        BidRequest request = BidRequest.newBuilder().setId("d")
                .addImp(Imp.newBuilder().setId("1").setBidfloor(0.1).setBanner(Banner.newBuilder().setW(728).setH(90))
                        .setPmp(Pmp.newBuilder().setPrivateAuction(1)
                                .addDeals(Deal.newBuilder().setId("deal-7").setBidfloor(4.0))))
                .build();
        try (MockDsp dsp = MockDsp.start(profile, SEED)) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<byte[]> r = post(dsp, request);
                assertEquals(200, r.statusCode());
                Bid bid = CODEC.decodeResponse(r.body()).getSeatbid(0).getBid(0);
                assertEquals("deal-7", bid.getDealid());
                assertTrue(bid.getPrice() >= 4.0, "deal price " + bid.getPrice());
            }
        }
    }

    @Test
    void podImpGetsSeveralBidsWithinPodDurationCountAndSeparation() throws Exception {
        DspProfile profile = healthy("pod").bidRate(1).slotInPodRate(0.5).price(new DspProfile.Price(10, 0.3)).build();
        VastParser parser = new VastParser(new SafeXml(64 * 1024));
        VastLinter linter = new VastLinter(new SafeXml(64 * 1024), new VastSchemas());
        int multi = 0;
        try (MockDsp dsp = MockDsp.start(profile, SEED)) {
            for (int i = 0; i < 40; i++) {
                HttpResponse<byte[]> r = post(dsp, podRequest("p-" + i));
                assertEquals(200, r.statusCode());
                List<Bid> bids = bids(CODEC.decodeResponse(r.body()));
                assertTrue(bids.size() >= 1 && bids.size() <= 4, "count " + bids.size());
                int total = 0;
                Set<String> domains = new HashSet<>();
                for (Bid bid : bids) {
                    assertEquals("pod", bid.getImpid());
                    assertTrue(bid.getDur() == 15 || bid.getDur() == 30, "dur " + bid.getDur());
                    assertEquals(MarkupType.MARKUP_TYPE_VIDEO, bid.getMtype());
                    total += bid.getDur();
                    assertEquals(1, bid.getAdomainCount());
                    domains.add(bid.getAdomain(0));
                    assertTrue(bid.getAdm().contains("${AUCTION_PRICE}"));
                    Vast vast = parser.parse(bid.getAdm().getBytes(StandardCharsets.UTF_8));
                    assertNotNull(vast);
                    List<LintProblem> problems = linter.lint(bid.getAdm().getBytes(StandardCharsets.UTF_8));
                    assertTrue(problems.isEmpty(), problems + " in " + bid.getAdm());
                    assertTrue(bid.getAdm().contains("<Duration>00:00:" + bid.getDur() + "</Duration>"));
                }
                assertTrue(total <= 60, "total dur " + total);
                assertEquals(bids.size(), domains.size(), "adomains must be distinct: " + domains);
                if (bids.size() > 1) {
                    multi++;
                }
            }
        }
        assertTrue(multi > 5, "pods with several bids: " + multi + " seed=" + SEED);
    }

    @Test
    void serverErrorFaultAnswers5xx() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("e").faults(only("serverError", 1)).build(), SEED)) {
            for (int i = 0; i < 5; i++) {
                int status = post(dsp, bannerRequest("e" + i, 0)).statusCode();
                assertTrue(status == 500 || status == 503, "status " + status);
            }
            assertEquals(5, dsp.stats().faults(Fault.SERVER_ERROR));
        }
    }

    @Test
    void malformedFaultBodyDoesNotDecode() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("m").bidRate(1).faults(only("malformed", 1)).build(), SEED)) {
            for (int i = 0; i < 10; i++) {
                HttpResponse<byte[]> r = post(dsp, bannerRequest("m" + i, 0));
                assertEquals(200, r.statusCode());
                assertThrows(OpenRtbDecodeException.class, () -> CODEC.decodeResponse(r.body()));
            }
            assertEquals(10, dsp.stats().faults(Fault.MALFORMED));
        }
    }

    @Test
    void noBidFaultAnswers204() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("n").bidRate(1).faults(only("noBid", 1)).build(), SEED)) {
            assertEquals(204, post(dsp, bannerRequest("n", 0)).statusCode());
            assertEquals(1, dsp.stats().faults(Fault.NO_BID));
            assertEquals(1, dsp.stats().noBids());
        }
    }

    @Test
    void trickledBodyArrivesInManyPiecesButComplete() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("t").bidRate(1).faults(only("trickle", 1)).build(), SEED)) {
            AtomicInteger pieces = new AtomicInteger();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(dsp.endpoint()).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(CODEC.encode(bannerRequest("t", 0)))).build(),
                    info -> HttpResponse.BodySubscribers.fromSubscriber(new Flow.Subscriber<List<ByteBuffer>>() {
                        @Override
                        public void onSubscribe(Flow.Subscription s) {
                            s.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(List<ByteBuffer> item) {
                            for (ByteBuffer b : item) {
                                if (b.hasRemaining()) {
                                    pieces.incrementAndGet();
                                    byte[] a = new byte[b.remaining()];
                                    b.get(a);
                                    received.writeBytes(a);
                                }
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                        }

                        @Override
                        public void onComplete() {
                        }
                    }, s -> received.toByteArray()));
            assertEquals(200, r.statusCode());
            byte[] body = r.body();
            assertEquals(Long.parseLong(r.headers().firstValue("Content-Length").orElseThrow()), body.length);
            BidResponse response = CODEC.decodeResponse(body);
            assertEquals("t", response.getId());
            assertEquals(1, bids(response).size());
            assertTrue(pieces.get() > Math.min(50, body.length / 4), pieces.get() + " pieces for " + body.length + " bytes");
            assertEquals(1, dsp.stats().faults(Fault.TRICKLE));
        }
    }

    @Test
    void hangFaultNeverAnswersSoTheClientTimesOut() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("h").faults(only("hang", 1)).build(), SEED)) {
            HttpRequest request = HttpRequest.newBuilder(dsp.endpoint()).timeout(Duration.ofMillis(300))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(CODEC.encode(bannerRequest("h", 0)))).build();
            assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            assertEquals(1, dsp.stats().faults(Fault.HANG));
        }
    }

    @Test
    void timeoutFaultAnswersOnlyAfterItsLongDelay() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("to").bidRate(1).faults(only("timeout", 60_000)).build(), SEED)) {
            HttpRequest request = HttpRequest.newBuilder(dsp.endpoint()).timeout(Duration.ofMillis(300))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(CODEC.encode(bannerRequest("to", 0)))).build();
            assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            assertEquals(1, dsp.stats().faults(Fault.TIMEOUT));
        }
        try (MockDsp dsp = MockDsp.start(healthy("to2").bidRate(1).faults(only("timeout", 50)).build(), SEED)) {
            HttpResponse<byte[]> r = post(dsp, bannerRequest("to2", 0));
            assertEquals(200, r.statusCode());
            assertEquals(1, bids(CODEC.decodeResponse(r.body())).size());
        }
    }

    @Test
    void delayedAnswersHoldNoThreadSoOthersAreStillAnswered() throws Exception {
        // 24 concurrent requests, about half delayed by a minute; the server has 4 worker threads,
        // so the others are answered only if a pending delay blocks none of them.
        DspProfile profile = healthy("nb").bidRate(1).faults(new DspProfile.Faults(0.5, 60_000, 0, 0, 0, 0, 1, 0)).build();
        try (MockDsp dsp = MockDsp.start(profile, SEED)) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(dsp.endpoint()).timeout(Duration.ofSeconds(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(CODEC.encode(bannerRequest("nb" + i, 0)))).build(),
                        HttpResponse.BodyHandlers.discarding()).handle((r, error) -> r == null ? -1 : r.statusCode()));
            }
            int answered = 0;
            for (var call : calls) {
                if (call.get() == 200) {
                    answered++;
                }
            }
            long delayed = dsp.stats().faults(Fault.TIMEOUT);
            assertTrue(delayed > 0 && delayed < 24, "delayed " + delayed + " seed=" + SEED);
            assertEquals(24 - delayed, answered, "seed=" + SEED);
        }
    }

    @Test
    void delayedAnswersWithHeavyTailStillArriveComplete() throws Exception {
        DspProfile profile = healthy("lat").bidRate(1).latency(new DspProfile.Latency(3, 0.5, 0.2, 5)).build();
        try (MockDsp dsp = MockDsp.start(profile, SEED)) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<byte[]> r = post(dsp, bannerRequest("l" + i, 0));
                assertEquals(200, r.statusCode());
                assertEquals("l" + i, CODEC.decodeResponse(r.body()).getId());
            }
        }
    }

    @Test
    void countsWinBillingAndLossNotices() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("no").bidRate(1).build(), SEED)) {
            Bid bid = CODEC.decodeResponse(post(dsp, bannerRequest("no", 0)).body()).getSeatbid(0).getBid(0);
            for (String url : List.of(bid.getNurl(), bid.getBurl(), bid.getLurl(), bid.getBurl())) {
                String expanded = url.replace("${AUCTION_PRICE}", "1.25").replace("${AUCTION_LOSS}", "102");
                int status = client.send(HttpRequest.newBuilder(URI.create(expanded)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(200, status);
            }
            DspStats stats = dsp.stats();
            assertEquals(1, stats.wins());
            assertEquals(2, stats.bills());
            assertEquals(1, stats.losses());
            assertEquals(2_500_000, stats.billedCpmMicros());
        }
    }

    @Test
    void acceptsGzipRequestBodiesAndRejectsBrokenOnes() throws Exception {
        try (MockDsp dsp = MockDsp.start(healthy("gz").bidRate(1).build(), SEED)) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(dsp.endpoint())
                    .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Gzip.compress(CODEC.encode(bannerRequest("gz", 0)))))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals("gz", CODEC.decodeResponse(r.body()).getId());

            HttpResponse<byte[]> bad = client.send(HttpRequest.newBuilder(dsp.endpoint())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(400, bad.statusCode());
            assertEquals(1, dsp.stats().badRequests());
        }
    }

    @Test
    void sameSeedGivesTheSameAnswers() throws Exception {
        DspProfile profile = healthy("rep").bidRate(0.5).build();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (List<String> out : List.of(first, second)) {
            try (MockDsp dsp = MockDsp.start(profile, SEED)) {
                for (int i = 0; i < 30; i++) {
                    HttpResponse<byte[]> r = post(dsp, bannerRequest("r" + i, 0));
                    out.add(r.statusCode() == 204 ? "no-bid"
                            : CODEC.decodeResponse(r.body()).getSeatbid(0).getBid(0).getPrice() + "");
                }
            }
        }
        assertEquals(first, second, "seed=" + SEED);
    }
}
