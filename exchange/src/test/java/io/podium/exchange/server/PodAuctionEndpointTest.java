package io.podium.exchange.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.AuctionService;
import io.podium.exchange.auction.BidScreen;
import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.auction.Deadline;
import io.podium.exchange.auction.ImpAuction;
import io.podium.exchange.auction.PodSlotWin;
import io.podium.exchange.auction.PodWin;
import io.podium.exchange.bidder.Bidder;
import io.podium.exchange.bidder.BidderRequestFactory;
import io.podium.exchange.bidder.CircuitBreaker;
import io.podium.exchange.bidder.FanOut;
import io.podium.exchange.bidder.QpsLimiter;
import io.podium.exchange.config.BidderConfig;
import io.podium.exchange.config.PodiumConfig;
import io.podium.exchange.http.OutboundHttp;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.exchange.testing.TestConfigs;
import io.podium.openrtb.BidRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dynamic ad pod end to end: real Undertow server, two real HTTP bidders on loopback that
 * answer several bids each; the expected pod is worked out here by trying every subset.
 */
class PodAuctionEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INCREMENT = 10_000;
    /** One dynamic pod: 60 s, at most 4 ads, floor 1.00 and 0.10 CPM per second, second price. */
    private static final String POD_REQUEST = "{\"id\":\"%s\",\"at\":2,\"tmax\":500,\"imp\":[{\"id\":\"1\","
            + "\"video\":{\"mimes\":[\"video/mp4\"],\"podid\":\"break-1\",\"podseq\":1,\"poddur\":60,\"maxseq\":4,"
            + "\"minduration\":5,\"maxduration\":30,\"mincpmpersec\":0.1,\"slotinpod\":2,\"poddedupe\":[1,2]},"
            + "\"bidfloor\":1.0}],\"site\":{\"id\":\"s1\",\"domain\":\"tv.example\"}}";

    /** One pod bid as a bidder sends it. {@code slot}: 0 any, 1 first, -1 last, 2 first or last. */
    record PodBid(String id, double price, int dur, String adomain, String cat, int slot) {
        long micros() {
            return Math.round(price * 1_000_000);
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** A bidder answering {@code bids} (a fresh list per request) to every request. */
    private MockBidder bidder(java.util.function.Supplier<List<PodBid>> bids) {
        MockBidder[] self = new MockBidder[1];
        self[0] = new MockBidder(MockBidder.Behaviour.BID, body -> answer(body, bids.get(), self[0].base()));
        closeables.add(self[0]);
        return self[0];
    }

    private static String answer(String body, List<PodBid> bids, String base) {
        try {
            JsonNode req = JSON.readTree(body);
            StringBuilder out = new StringBuilder("{\"id\":\"" + req.get("id").asText() + "\",\"cur\":\"USD\","
                    + "\"seatbid\":[{\"bid\":[");
            for (int i = 0; i < bids.size(); i++) {
                PodBid b = bids.get(i);
                out.append(i == 0 ? "" : ",").append("{\"id\":\"").append(b.id()).append("\",\"impid\":\"1\",\"price\":")
                        .append(b.price()).append(",\"dur\":").append(b.dur()).append(",\"slotinpod\":").append(b.slot())
                        .append(",\"adomain\":[\"").append(b.adomain()).append("\"],\"cat\":[\"").append(b.cat())
                        .append("\"],\"crid\":\"cr-").append(b.id()).append("\",\"mtype\":2,")
                        .append("\"adm\":\"<VAST version='4.2'><Ad id='").append(b.id()).append("'/></VAST>\",")
                        .append("\"nurl\":\"").append(base).append("/notice/win?bid=").append(b.id())
                        .append("&p=${AUCTION_PRICE}\",\"lurl\":\"").append(base).append("/notice/loss?bid=").append(b.id())
                        .append("&loss=${AUCTION_LOSS}\"}");
            }
            return out.append("],\"seat\":\"seat-").append(base.substring(base.lastIndexOf(':') + 1))
                    .append("\"}]}").toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PodiumServer server(MockBidder... bidders) {
        StringBuilder yaml = new StringBuilder("server: {port: 0, host: 127.0.0.1}\n"
                + "notices: {secret: 'pod-test-secret-0123456789'}\nbidders:\n");
        for (int i = 0; i < bidders.length; i++) {
            yaml.append("  - {id: dsp").append(i).append(", endpoint: '").append(bidders[i].endpoint()).append("'}\n");
        }
        PodiumServer server = new PodiumServer(TestConfigs.load(yaml.toString()), Clock.systemUTC()).start();
        closeables.add(0, server);
        return server;
    }

    private JsonNode auction(PodiumServer server, String id) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/openrtb2/auction")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(POD_REQUEST, id))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    @Test
    void twoBiddersSeveralBidsEachGiveTheOptimalPodInOrderAtSecondPrices() throws Exception {
        // given: greedy by price would take a1, b2 and a4 (17.20); the best pod pays 20.50
        List<PodBid> dsp0 = List.of(
                new PodBid("a1", 9.0, 30, "alpha.example", "IAB2", 0),
                new PodBid("a2", 5.5, 15, "beta.example", "IAB3", 0),
                new PodBid("a3", 4.0, 15, "gamma.example", "IAB2", 0),
                new PodBid("a4", 1.2, 10, "delta.example", "IAB7", 0),
                new PodBid("a5", 2.5, 30, "low.example", "IAB8", 0)); // under 0.10 x 30 s = 3.00
        List<PodBid> dsp1 = List.of(
                new PodBid("b1", 8.5, 30, "alpha.example", "IAB9", 0),
                new PodBid("b2", 7.0, 20, "eps.example", "IAB3", 0),
                new PodBid("b3", 6.0, 15, "zeta.example", "IAB5", -1),
                new PodBid("b4", 3.0, 15, "eta.example", "IAB6", 0));
        MockBidder first = bidder(() -> dsp0);
        MockBidder second = bidder(() -> dsp1);
        PodiumServer server = server(first, second);

        // when
        JsonNode resp = auction(server, "pod-1");

        // then: the bidders saw the pod as the supply sent it
        JsonNode sentVideo = JSON.readTree(first.requests.get(0)).get("imp").get(0).get("video");
        assertEquals("break-1", sentVideo.get("podid").asText());
        assertEquals(60, sentVideo.get("poddur").asInt());
        assertEquals(4, sentVideo.get("maxseq").asInt());
        assertEquals(0.1, sentVideo.get("mincpmpersec").asDouble());
        assertEquals(2, sentVideo.get("slotinpod").asInt());
        assertEquals("[1,2]", sentVideo.get("poddedupe").toString());

        Expected expected = Expected.of(List.of(dsp0, dsp1), 60, 4, 1_000_000, 100_000);
        assertEquals(List.of("a1", "a2", "b3"), expected.order, "the brute force itself");
        assertPod(resp, expected);
        List<String> order = new ArrayList<>();
        resp.get("ext").get("podium").get("pods").get(0).get("ads").forEach(a -> order.add(a.get("bidid").asText()));
        assertEquals(expected.order, order);

        // every loser hears why: 102 outbid in the pod, 100 under its duration floor
        Set<String> losers = new HashSet<>(List.of("a3", "a4", "a5", "b1", "b2", "b4"));
        waitFor(() -> first.notices.size() + second.notices.size() >= losers.size());
        List<String> notices = new ArrayList<>(first.notices);
        notices.addAll(second.notices);
        assertEquals(losers.size(), notices.size(), notices.toString());
        for (String n : notices) {
            String bid = n.replaceAll(".*bid=([a-z0-9]+).*", "$1");
            assertTrue(losers.remove(bid), n);
            assertTrue(n.endsWith("loss=" + (bid.equals("a5") ? 100 : 102)), n);
        }
        JsonNode nonbid = resp.get("ext").get("seatnonbid");
        assertEquals(6, nonbid.get(0).get("nonbid").size() + nonbid.get(1).get("nonbid").size());
    }

    @Test
    void randomBidsOverHttpGiveTheBruteForceOptimum() throws Exception {
        long seed = System.nanoTime();
        System.out.println("PodAuctionEndpointTest seed " + seed);
        Random rnd = new Random(seed);
        List<List<PodBid>> current = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(List.of(), List.of()));
        MockBidder first = bidder(() -> current.get(0));
        MockBidder second = bidder(() -> current.get(1));
        PodiumServer server = server(first, second);
        int[] durations = {5, 10, 15, 15, 20, 30, 30};
        for (int round = 0; round < 15; round++) {
            for (int b = 0; b < 2; b++) {
                List<PodBid> bids = new ArrayList<>();
                int n = 1 + rnd.nextInt(6);
                for (int i = 0; i < n; i++) {
                    bids.add(new PodBid((b == 0 ? "a" : "b") + i, (100 + rnd.nextInt(1100)) / 100.0,
                            durations[rnd.nextInt(durations.length)], "d" + rnd.nextInt(6) + ".example",
                            "IAB" + rnd.nextInt(6), rnd.nextInt(5) == 0 ? new int[] {1, -1, 2}[rnd.nextInt(3)] : 0));
                }
                current.set(b, bids);
            }

            JsonNode resp = auction(server, "r" + round);

            assertPod(resp, Expected.of(current, 60, 4, 1_000_000, 100_000), "seed " + seed + " round " + round);
        }
    }

    @Test
    void auctionServiceRunReturnsThePodOfASingleDynamicImp() throws Exception {
        // given: the auction service wired by hand, as a VAST pod endpoint would use it
        List<PodBid> bids = List.of(new PodBid("a1", 9.0, 30, "alpha.example", "IAB2", 0),
                new PodBid("a2", 5.0, 30, "beta.example", "IAB3", 0), new PodBid("a3", 6.0, 15, "gamma.example", "IAB4", 1));
        MockBidder dsp = bidder(() -> bids);
        PodiumConfig config = TestConfigs.load("bidders:\n  - {id: dsp0, endpoint: '" + dsp.endpoint() + "'}\n");
        OutboundHttp http = OutboundHttp.create(config.httpClient());
        closeables.add(http::close);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        closeables.add(timer::shutdownNow);
        OpenRtbJsonCodec codec = new OpenRtbJsonCodec();
        BidderConfig bc = config.bidders().get(0);
        Bidder bidder = new Bidder(bc, new CircuitBreaker(config.circuitBreaker(), Clock.systemUTC()),
                new QpsLimiter(0, Clock.systemUTC()), http, codec, 1 << 20);
        Metrics metrics = new Metrics();
        CurrencyConverter usd = new CurrencyConverter("USD", Map.of("USD", 1_000_000L));
        AuctionService auctions = new AuctionService(new FanOut(List.of(bidder), new BidderRequestFactory("podium.local",
                "1"), timer, metrics, codec, 50), new BidScreen(usd), new ImpAuction(INCREMENT), metrics, null);
        BidRequest request = codec.decodeRequest(String.format(POD_REQUEST, "svc-1").getBytes(StandardCharsets.UTF_8));

        // when
        AuctionOutcome outcome = auctions.run(request, Deadline.of(System.nanoTime(), 1000, 1000, 0))
                .get(5, TimeUnit.SECONDS);

        // then: a1 + a3 (15.00, 45 s) beat a1 + a2 (14.00, 60 s); a3 asked for the first place
        PodWin pod = outcome.pod("break-1").orElseThrow();
        assertEquals(List.of("a3", "a1"), pod.ads().stream().map(a -> a.bid().getId()).collect(Collectors.toList()));
        PodSlotWin firstAd = pod.ads().get(0);
        assertEquals(1, firstAd.sequence());
        assertEquals(io.podium.exchange.pod.PodCandidate.SlotPosition.FIRST, firstAd.position());
        assertEquals("dsp0", firstAd.bidderId());
        assertEquals(15, firstAd.durationSeconds());
        assertTrue(firstAd.bid().getAdm().contains("<Ad id='a3'/>"));
        assertTrue(firstAd.bid().getNurl().endsWith("/notice/win?bid=a3&p=${AUCTION_PRICE}"), "the bidder's own URLs");
        assertEquals(45, pod.durationSeconds());
        assertEquals(List.of("a2"), outcome.losers().stream().map(l -> l.bid().getId()).collect(Collectors.toList()));
    }

    private static void assertPod(JsonNode resp, Expected expected) {
        assertPod(resp, expected, "");
    }

    /** The response carries exactly the expected ads, in order, at the expected prices. */
    private static void assertPod(JsonNode resp, Expected expected, String where) {
        Map<String, Double> prices = new HashMap<>();
        for (JsonNode sb : resp.path("seatbid")) {
            for (JsonNode b : sb.get("bid")) {
                prices.put(b.get("id").asText(), b.get("price").asDouble());
                assertEquals("1", b.get("impid").asText(), where);
                assertTrue(b.get("nurl").asText().contains("/notice/win?"), where);
            }
        }
        long total = 0;
        for (String id : prices.keySet()) {
            total += expected.bids.get(id).micros();
        }
        assertEquals(expected.bestMicros, total, where + ": response " + prices.keySet() + ", expected " + expected.order);
        JsonNode ads = resp.path("ext").path("podium").path("pods").path(0).path("ads");
        if (expected.order.isEmpty()) {
            assertTrue(ads.isMissingNode(), where);
            return;
        }
        assertEquals("break-1", resp.get("ext").get("podium").get("pods").get(0).get("podid").asText(), where);
        List<String> order = new ArrayList<>();
        int seq = 1;
        for (JsonNode ad : ads) {
            assertEquals(seq++, ad.get("seq").asInt(), where);
            order.add(ad.get("bidid").asText());
            assertEquals(expected.bids.get(ad.get("bidid").asText()).dur(), ad.get("dur").asInt(), where);
        }
        assertEquals(prices.keySet(), Set.copyOf(order), where);
        for (int i = 0; i < order.size(); i++) {
            int slot = expected.bids.get(order.get(i)).slot();
            assertTrue(slot == 0 || slot == 1 && i == 0 || slot == -1 && i == order.size() - 1
                    || slot == 2 && (i == 0 || i == order.size() - 1), where + ": " + order);
        }
        // between the edges, the highest price plays first
        int from = order.size() > 1 && expected.bids.get(order.get(0)).slot() > 0 ? 1 : 0;
        int to = order.size() > from && expected.bids.get(order.get(order.size() - 1)).slot() < 0
                || order.size() > from + 1 && expected.bids.get(order.get(order.size() - 1)).slot() == 2
                ? order.size() - 1 : order.size();
        for (int i = from + 1; i < to; i++) {
            assertTrue(expected.bids.get(order.get(i - 1)).micros() >= expected.bids.get(order.get(i)).micros(),
                    where + ": " + order);
        }
        for (String id : order) {
            assertEquals(Money.price(expected.clearing(id)), prices.get(id), 1e-9, where + " price of " + id);
        }
    }

    /** Spec prices to micros and back, as the test sees them. */
    private static final class Money {
        static double price(long micros) {
            return micros / 1_000_000.0;
        }
    }

    /**
     * The pod the rules call for, found by trying every subset of the valid bids: at most
     * {@code poddur} seconds and {@code maxseq} ads, no advertiser domain or category twice,
     * one ad per edge; then each winner's second price: (best without it) - (best with it -
     * its price), at least the floor, plus 0.01, at most its bid.
     */
    private static final class Expected {
        final Map<String, PodBid> bids = new HashMap<>();
        final List<PodBid> valid = new ArrayList<>();
        final int poddur;
        final int maxseq;
        final long floorMicros;
        final long perSecondMicros;
        long bestMicros;
        List<String> order = List.of();

        private Expected(int poddur, int maxseq, long floorMicros, long perSecondMicros) {
            this.poddur = poddur;
            this.maxseq = maxseq;
            this.floorMicros = floorMicros;
            this.perSecondMicros = perSecondMicros;
        }

        static Expected of(List<List<PodBid>> answers, int poddur, int maxseq, long floorMicros, long perSecondMicros) {
            Expected e = new Expected(poddur, maxseq, floorMicros, perSecondMicros);
            for (List<PodBid> answer : answers) {
                for (PodBid b : answer) {
                    e.bids.put(b.id(), b);
                    if (b.micros() >= e.floor(b) && b.dur() >= 5 && b.dur() <= 30) {
                        e.valid.add(b);
                    }
                }
            }
            List<PodBid> best = e.best(e.valid);
            e.bestMicros = best.stream().mapToLong(PodBid::micros).sum();
            e.order = playOrder(best);
            return e;
        }

        long floor(PodBid b) {
            return Math.max(floorMicros, perSecondMicros * b.dur());
        }

        long clearing(String id) {
            PodBid w = bids.get(id);
            List<PodBid> without = new ArrayList<>(valid);
            without.remove(w);
            long withoutIt = best(without).stream().mapToLong(PodBid::micros).sum();
            long threshold = withoutIt - (bestMicros - w.micros());
            return Math.min(w.micros(), Math.max(threshold, floor(w)) + INCREMENT);
        }

        List<PodBid> best(List<PodBid> from) {
            List<PodBid> best = List.of();
            long bestPrice = -1;
            int bestDur = 0;
            for (int mask = 0; mask < 1 << from.size(); mask++) {
                List<PodBid> set = new ArrayList<>();
                for (int i = 0; i < from.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        set.add(from.get(i));
                    }
                }
                long price = set.stream().mapToLong(PodBid::micros).sum();
                int dur = set.stream().mapToInt(PodBid::dur).sum();
                if (feasible(set) && (price > bestPrice || price == bestPrice && dur < bestDur)) {
                    best = set;
                    bestPrice = price;
                    bestDur = dur;
                }
            }
            return best;
        }

        boolean feasible(List<PodBid> set) {
            if (set.size() > maxseq || set.stream().mapToInt(PodBid::dur).sum() > poddur) {
                return false;
            }
            Set<String> seen = new HashSet<>();
            for (PodBid b : set) {
                if (!seen.add(b.adomain().toLowerCase(Locale.ROOT)) || !seen.add(b.cat())) {
                    return false;
                }
            }
            long first = set.stream().filter(b -> b.slot() == 1).count();
            long last = set.stream().filter(b -> b.slot() == -1).count();
            long either = set.stream().filter(b -> b.slot() == 2).count();
            return set.size() <= 1 || first <= 1 && last <= 1 && first + last + either <= 2;
        }

        /** First-edge ad, the others by price (highest first), last-edge ad. */
        static List<String> playOrder(List<PodBid> set) {
            List<PodBid> rest = new ArrayList<>(set);
            PodBid head = rest.stream().filter(b -> b.slot() == 1).findFirst()
                    .orElse(rest.stream().filter(b -> b.slot() == 2).findFirst().orElse(null));
            rest.remove(head);
            PodBid tail = rest.stream().filter(b -> b.slot() == -1 || b.slot() == 2).findFirst().orElse(null);
            rest.remove(tail);
            rest.sort((x, y) -> Long.compare(y.micros(), x.micros()));
            List<String> out = new ArrayList<>();
            if (head != null) {
                out.add(head.id());
            }
            rest.forEach(b -> out.add(b.id()));
            if (tail != null) {
                out.add(tail.id());
            }
            return out;
        }
    }
}
