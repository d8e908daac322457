package io.podium.exchange.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.exchange.config.PodiumConfig;
import io.podium.exchange.testing.MutableClock;
import io.podium.exchange.testing.TestConfigs;
import io.podium.ssai.dash.MpdChecker;
import io.podium.ssai.dash.MpdParser;
import io.podium.ssai.dash.MpdProblem;
import io.podium.ssai.hls.HlsChecker;
import io.podium.ssai.hls.HlsProblem;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SSAI service end to end: a real Podium, a loopback origin serving a 60 s two-variant
 * content and a 20 s HLS ad package, and a loopback DSP whose pod bids carry VAST with that
 * package as an {@code application/x-mpegURL} MediaFile (plus an MP4-only ad, which cannot be
 * stitched). Breaks: a 30 s pre-roll and a 30 s mid-roll at the query's cue point.
 */
class SsaiEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTICE_SECRET = "test-secret-0123456789";
    private static final String SSAI_SECRET = "ssai-secret-0123456789";
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** Serves the test resources under {@code ssai/} and records every path asked for. */
    static final class Origin implements AutoCloseable {
        final List<String> hits = new CopyOnWriteArrayList<>();
        private final io.podium.exchange.testing.LoopbackServer server;
        final String base;

        Origin() {
            server = new io.podium.exchange.testing.LoopbackServer(this::handle);
            base = server.base;
        }

        private void handle(HttpServerExchange exchange) throws Exception {
            String path = exchange.getRequestPath();
            hits.add(path);
            try (InputStream in = path.contains("..") ? null : getClass().getResourceAsStream("/ssai" + path)) {
                if (in == null) {
                    exchange.setStatusCode(404);
                    return;
                }
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/vnd.apple.mpegurl");
                exchange.getResponseSender().send(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** Bids two ads per pod: b1, 20 s with an HLS stream on the origin; b2, 10 s with MP4 only. */
    static final class Dsp implements AutoCloseable {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger bidRequests = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean bid = true;
        volatile String hlsAdPath = "/ads/ad-20s/master.m3u8";
        private final io.podium.exchange.testing.LoopbackServer server;
        private final String originBase;
        final String base;

        Dsp(String originBase) {
            this.originBase = originBase;
            server = new io.podium.exchange.testing.LoopbackServer(this::handle);
            base = server.base;
        }

        private void handle(HttpServerExchange exchange) throws Exception {
            String path = exchange.getRequestPath();
            if (path.equals("/bid")) {
                exchange.startBlocking();
                String body = new String(exchange.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                bidRequests.incrementAndGet();
                if (!bid) {
                    exchange.setStatusCode(204);
                    return;
                }
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(bids(JSON.readTree(body).get("id").asText()));
                return;
            }
            calls.add(path + "?" + exchange.getQueryString());
            exchange.setStatusCode(204);
        }

        private String bids(String id) throws Exception {
            String hls = """
                    <VAST version="3.0"><Ad id="dsp-b1"><InLine><AdSystem>DSP</AdSystem><AdTitle>Ad 20s</AdTitle>
                    <Error><![CDATA[%1$s/err/b1?c=[ERRORCODE]]]></Error>
                    <Impression><![CDATA[%1$s/imp/b1?a=${AUCTION_ID}]]></Impression>
                    <Creatives><Creative><Linear><Duration>00:00:20</Duration><TrackingEvents>
                    <Tracking event="start"><![CDATA[%1$s/ev/b1/start?a=${AUCTION_ID}]]></Tracking>
                    <Tracking event="firstQuartile"><![CDATA[%1$s/ev/b1/firstQuartile?a=${AUCTION_ID}]]></Tracking>
                    <Tracking event="midpoint"><![CDATA[%1$s/ev/b1/midpoint?a=${AUCTION_ID}]]></Tracking>
                    <Tracking event="thirdQuartile"><![CDATA[%1$s/ev/b1/thirdQuartile?a=${AUCTION_ID}]]></Tracking>
                    <Tracking event="complete"><![CDATA[%1$s/ev/b1/complete?a=${AUCTION_ID}]]></Tracking>
                    </TrackingEvents><MediaFiles>
                    <MediaFile delivery="streaming" type="application/x-mpegURL" width="1280" height="720"><![CDATA[%2$s%3$s]]></MediaFile>
                    <MediaFile delivery="streaming" type="application/dash+xml" width="1280" height="720"><![CDATA[%2$s/ads/dash/ad-avc.mpd]]></MediaFile>
                    </MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>""".formatted(base, originBase,
                    hlsAdPath);
            String mp4 = """
                    <VAST version="3.0"><Ad id="dsp-b2"><InLine><AdSystem>DSP</AdSystem><AdTitle>Ad 10s</AdTitle>
                    <Error><![CDATA[%1$s/err/b2?c=[ERRORCODE]]]></Error>
                    <Impression><![CDATA[%1$s/imp/b2]]></Impression>
                    <Creatives><Creative><Linear><Duration>00:00:10</Duration><MediaFiles>
                    <MediaFile delivery="progressive" type="video/mp4" width="640" height="360"><![CDATA[https://cdn.dsp.example/b2.mp4]]></MediaFile>
                    </MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>""".formatted(base);
            return "{\"id\":\"" + id + "\",\"cur\":\"USD\",\"seatbid\":[{\"seat\":\"s1\",\"bid\":["
                    + bid("b1", 10, 20, "a.example", hls) + "," + bid("b2", 8, 10, "b.example", mp4) + "]}]}";
        }

        private String bid(String id, double price, int dur, String adomain, String adm) throws Exception {
            return "{\"id\":\"" + id + "\",\"impid\":\"1\",\"price\":" + price + ",\"dur\":" + dur + ",\"crid\":\"cr-"
                    + id + "\",\"adomain\":[\"" + adomain + "\"],\"nurl\":\"" + base + "/nurl/" + id
                    + "?p=${AUCTION_PRICE}\",\"burl\":\"" + base + "/burl/" + id + "?a=${AUCTION_ID}\",\"adm\":"
                    + JSON.writeValueAsString(adm) + "}";
        }

        List<String> callsTo(String prefix) {
            return calls.stream().filter(c -> c.startsWith(prefix)).toList();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private Origin origin() {
        Origin o = new Origin();
        closeables.add(o);
        return o;
    }

    private Dsp dsp(Origin origin) {
        Dsp d = new Dsp(origin.base);
        closeables.add(d);
        return d;
    }

    private PodiumServer server(Origin origin, Dsp dsp, Clock clock) {
        return server(origin, dsp, clock, "");
    }

    private PodiumServer server(Origin origin, Dsp dsp, Clock clock, String extraSsai) {
        String yaml = "server: {port: 0, host: 127.0.0.1}\nnotices: {secret: '" + NOTICE_SECRET + "'}\n"
                + "video:\n  breaks: {preroll_seconds: 30, midroll_seconds: 30, midroll_every_seconds: 0,"
                + " postroll_seconds: 0}\n"
                + "ssai:\n  origins: ['" + origin.base + "/content/']\n  allow_private_ad_hosts: true\n"
                + "  secret: '" + SSAI_SECRET + "'\n" + extraSsai
                + "bidders:\n  - {id: dsp0, endpoint: '" + dsp.base + "/bid'}\n";
        PodiumConfig config = TestConfigs.load(yaml);
        PodiumServer server = new PodiumServer(config, clock).start();
        closeables.add(0, server);
        return server;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "TestPlayer/1.0")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(PodiumServer s) {
        return "http://127.0.0.1:" + s.port();
    }

    private static String masterUrl(PodiumServer s, String content) {
        return base(s) + "/ssai/v1/hls/master.m3u8?content=" + URLEncoder.encode(content, StandardCharsets.UTF_8)
                + "&duration=60&cues=30&uid=u1&ifa=ifa-1";
    }

    /** The URIs of a playlist (its non-tag lines). */
    private static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /** Waits (without asserting on time) until {@code n} DSP calls match, then a little longer for strays. */
    private static List<String> settle(Dsp dsp, Predicate<String> which, int n) throws InterruptedException {
        for (int i = 0; i < 500 && dsp.calls.stream().filter(which).count() < n; i++) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        return dsp.calls.stream().filter(which).toList();
    }

    @Test
    void stitchesAdsIntoEveryVariantAndFiresEachBeaconOnce() throws Exception {
        Origin origin = origin();
        Dsp dsp = dsp(origin);
        PodiumServer server = server(origin, dsp, Clock.systemUTC());

        HttpResponse<String> master = get(masterUrl(server, origin.base + "/content/master.m3u8"));
        assertEquals(200, master.statusCode(), master.body());
        assertEquals(SsaiHandler.HLS, master.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", master.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("*", master.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        List<String> variants = uris(master.body());
        assertEquals(2, variants.size(), master.body());
        assertTrue(variants.get(0).startsWith("/ssai/v1/hls/") && variants.get(0).endsWith("/v/0.m3u8"), variants.get(0));
        assertTrue(variants.get(1).endsWith("/v/1.m3u8"), variants.get(1));
        assertFalse(master.body().contains(origin.base), "the master names no content URL");
        // the MP4-only ad cannot be stitched: dropped and reported with VAST 403, once per break
        assertEquals(2, settle(dsp, c -> c.startsWith("/err/b2?c=403"), 2).size(), dsp.calls.toString());

        List<String> routed = new ArrayList<>();
        for (String v : variants) {
            HttpResponse<String> media = get(base(server) + v);
            assertEquals(200, media.statusCode(), media.body());
            assertEquals(SsaiHandler.HLS, media.headers().firstValue("Content-Type").orElse(""));
            List<HlsProblem> problems = new HlsChecker().check(media.body());
            assertFalse(HlsChecker.hasErrors(problems), problems + "\n" + media.body());
            assertEquals(2, media.body().split("#EXT-X-CUE-OUT", -1).length - 1, media.body());
            assertTrue(media.body().contains("#EXT-X-DISCONTINUITY"), media.body());
            List<String> segs = uris(media.body());
            assertEquals(10 + 2 * 4, segs.size(), media.body());
            // each ad: 4 segments, every one carries a beacon (start, quartiles, complete)
            List<String> viaPodium = segs.stream().filter(s -> s.startsWith("/ssai/v1/seg/")).toList();
            assertEquals(8, viaPodium.size(), media.body());
            assertTrue(segs.get(0).startsWith("/ssai/v1/seg/"), "the pre-roll plays first");
            assertTrue(segs.get(4).startsWith(origin.base + "/content/"), segs.get(4));
            routed.addAll(viaPodium);
        }

        // every upstream playlist was fetched once, then served from the cache
        assertEquals(1, origin.hits.stream().filter("/content/master.m3u8"::equals).count(), origin.hits.toString());
        assertEquals(1, origin.hits.stream().filter("/ads/ad-20s/master.m3u8"::equals).count(), origin.hits.toString());

        HttpResponse<String> first = get(base(server) + routed.get(0));
        assertEquals(302, first.statusCode());
        assertEquals(origin.base + "/ads/ad-20s/360p-0.ts", first.headers().firstValue("Location").orElse(""));

        // every routed segment of both variants, five times each, concurrently: 302 every time
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> fetches = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String seg : routed) {
                    fetches.add(pool.submit(() -> get(base(server) + seg)));
                }
            }
            for (Future<HttpResponse<String>> f : fetches) {
                HttpResponse<String> r = f.get();
                assertEquals(302, r.statusCode(), r.body());
                assertTrue(r.headers().firstValue("Location").orElse("").startsWith(origin.base + "/ads/ad-20s/"));
            }
        } finally {
            pool.shutdownNow();
        }

        // two breaks: each beacon of each break's ad reaches the DSP exactly once
        for (String event : List.of("/imp/b1", "/ev/b1/start", "/ev/b1/firstQuartile", "/ev/b1/midpoint",
                "/ev/b1/thirdQuartile", "/ev/b1/complete", "/burl/b1")) {
            List<String> got = settle(dsp, c -> c.startsWith(event + "?"), 2);
            assertEquals(2, got.size(), event + ": " + got);
            assertEquals(2, got.stream().distinct().count(), event + " per auction: " + got);
        }
        // the billing notice: Podium's own signed burl was honoured once per break, never twice
        Map<String, Long> bills = dsp.callsTo("/burl/").stream()
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertTrue(bills.values().stream().allMatch(n -> n == 1), bills.toString());
    }

    @Test
    void sameTokenGivesByteIdenticalPlaylistsOnTwoNodes() throws Exception {
        Origin origin = origin();
        Dsp dsp = dsp(origin);
        PodiumServer a = server(origin, dsp, Clock.systemUTC());
        PodiumServer b = server(origin, dsp, Clock.systemUTC());
        HttpResponse<String> master = get(masterUrl(a, origin.base + "/content/master.m3u8"));
        assertEquals(200, master.statusCode(), master.body());
        for (String v : uris(master.body())) {
            HttpResponse<String> fromA = get(base(a) + v);
            HttpResponse<String> fromB = get(base(b) + v);
            assertEquals(200, fromA.statusCode(), fromA.body());
            assertEquals(200, fromB.statusCode(), fromB.body());
            assertEquals(fromA.body(), fromB.body());
        }
        // and a routed segment signed by one node is honoured by the other
        String seg = uris(get(base(a) + uris(master.body()).get(0)).body()).get(0);
        assertEquals(302, get(base(b) + seg).statusCode());
    }

    @Test
    void refusesTamperedAndExpiredTokensAndBadInput() throws Exception {
        Origin origin = origin();
        Dsp dsp = dsp(origin);
        MutableClock clock = new MutableClock();
        PodiumServer server = server(origin, dsp, clock);
        String content = origin.base + "/content/master.m3u8";
        HttpResponse<String> master = get(masterUrl(server, content));
        assertEquals(200, master.statusCode(), master.body());
        String variant = uris(master.body()).get(0);
        String token = variant.substring("/ssai/v1/hls/".length(), variant.indexOf("/v/"));
        String seg = uris(get(base(server) + variant).body()).get(0);

        int at = token.length() / 2;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertEquals(403, get(base(server) + "/ssai/v1/hls/" + tampered + "/v/0.m3u8").statusCode());
        assertEquals(403, get(base(server) + "/ssai/v1/seg/" + tampered).statusCode());
        HttpResponse<String> unknown = get(base(server) + "/ssai/v1/hls/" + token + "/v/7.m3u8");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no media playlist 7"), unknown.body());

        HttpResponse<String> outside = get(masterUrl(server, "http://evil.example/content/master.m3u8"));
        assertEquals(403, outside.statusCode());
        assertTrue(outside.body().contains("origin"), outside.body());
        assertEquals(403, get(masterUrl(server, origin.base + "/private/master.m3u8")).statusCode());
        HttpResponse<String> missing = get(base(server) + "/ssai/v1/hls/master.m3u8?uid=u1");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().startsWith("content:"), missing.body());
        assertEquals(400, get(base(server) + "/ssai/v1/hls/master.m3u8?content=not%20a%20url").statusCode());
        assertFalse(origin.hits.contains("/private/master.m3u8"), "nothing outside the origins is fetched");
        int auctions = dsp.bidRequests.get();
        HttpResponse<String> gone = get(masterUrl(server, origin.base + "/content/gone.m3u8"));
        assertEquals(502, gone.statusCode(), gone.body());
        assertEquals(auctions, dsp.bidRequests.get(), "no auction for a content that cannot be read");
        HttpResponse<String> badCues = get(base(server) + "/ssai/v1/hls/master.m3u8?content="
                + URLEncoder.encode(content, StandardCharsets.UTF_8) + "&cues=soon");
        assertEquals(400, badCues.statusCode(), badCues.body());
        assertTrue(badCues.body().startsWith("cues:"), badCues.body());
        HttpResponse<String> badDevice = get(masterUrl(server, content) + "&devicetype=phone");
        assertEquals(400, badDevice.statusCode(), badDevice.body());
        assertEquals(auctions, dsp.bidRequests.get(), "nor for a bad query");

        clock.advance(Duration.ofSeconds(14_400));
        HttpResponse<String> expired = get(base(server) + variant);
        assertEquals(403, expired.statusCode());
        assertTrue(expired.body().contains("expired"), expired.body());
        assertEquals(403, get(base(server) + seg).statusCode());
        assertNotNull(seg);
        assertNotEquals(token, tampered);
    }

    @Test
    void fillsUnsoldBreaksWithTheSlateWhenConfigured() throws Exception {
        Origin origin = origin();
        Dsp dsp = dsp(origin);
        dsp.bid = false;
        PodiumServer server = server(origin, dsp, Clock.systemUTC(),
                "  unfilled_break: slate\n  slate_url: '" + origin.base + "/ads/ad-20s/master.m3u8'\n");
        HttpResponse<String> master = get(masterUrl(server, origin.base + "/content/master.m3u8"));
        assertEquals(200, master.statusCode(), master.body());
        HttpResponse<String> media = get(base(server) + uris(master.body()).get(1));
        assertEquals(200, media.statusCode(), media.body());
        assertFalse(HlsChecker.hasErrors(new HlsChecker().check(media.body())), media.body());
        List<String> segs = uris(media.body());
        assertEquals(10 + 2 * 4, segs.size(), media.body());
        assertEquals(origin.base + "/ads/ad-20s/720p-0.ts", segs.get(0), "the slate plays direct, with no beacon");
        assertTrue(segs.stream().noneMatch(u -> u.startsWith("/ssai/")), media.body());
    }

    @Test
    void stitchesADashMpdWithTheAdsAsPeriodsAndFiresEveryMomentOnce() throws Exception {
        Origin origin = origin();
        Dsp dsp = dsp(origin);
        PodiumServer server = server(origin, dsp, Clock.systemUTC());
        String content = origin.base + "/content/dash/number.mpd";
        HttpResponse<String> r = get(base(server) + "/ssai/v1/dash/manifest.mpd?content="
                + URLEncoder.encode(content, StandardCharsets.UTF_8) + "&cues=30&uid=u1");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(SsaiHandler.DASH, r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        List<MpdProblem> problems = new MpdChecker().check(r.body());
        assertFalse(MpdChecker.hasErrors(problems), problems + "\n" + r.body());
        assertEquals(4, new MpdParser().parse(r.body()).periods().size(), "pre-roll, content, mid-roll, content");

        List<String> routed = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(base(server)) + "/ssai/v1/seg/[A-Za-z0-9_-]+").matcher(r.body());
        while (m.find()) {
            routed.add(m.group());
        }
        assertEquals(6, routed.size(), "each ad Representation's initialization (two video, one audio): " + r.body());
        for (int round = 0; round < 3; round++) {
            for (String seg : routed) {
                HttpResponse<String> s = get(seg);
                assertEquals(302, s.statusCode());
                assertTrue(s.headers().firstValue("Location").orElse("").startsWith(origin.base + "/ads/dash/init-"));
            }
        }
        // media templates go through /ssai/v1/dseg/{ticket}/$Number%05d$.m4s: the player fills in the number
        List<String> templates = new ArrayList<>();
        Matcher t = Pattern.compile(Pattern.quote(base(server)) + "/ssai/v1/dseg/[A-Za-z0-9_-]+/\\$Number%05d\\$\\.m4s")
                .matcher(r.body());
        while (t.find()) {
            templates.add(t.group());
        }
        assertEquals(6, templates.size(), "each ad Representation's media template: " + r.body());
        int found = 0;
        for (int round = 0; round < 3; round++) {
            for (String template : templates) {
                for (int n = 1; n <= 8; n++) {
                    HttpResponse<String> s = get(template.replace("$Number%05d$", String.format("%05d", n)));
                    if (s.statusCode() == 404) {
                        continue;
                    }
                    assertEquals(302, s.statusCode(), s.body());
                    String location = s.headers().firstValue("Location").orElse("");
                    assertTrue(location.startsWith(origin.base + "/ads/dash/chunk-") && location.endsWith(
                            String.format("-%05d.m4s", n)), location);
                    found++;
                }
            }
        }
        assertTrue(found >= 6 * 3 * 3, "every ad segment number redirects: " + found);
        for (String event : List.of("/imp/b1", "/ev/b1/start", "/ev/b1/firstQuartile", "/ev/b1/midpoint",
                "/ev/b1/thirdQuartile", "/ev/b1/complete", "/burl/b1")) {
            assertEquals(2, settle(dsp, c -> c.startsWith(event + "?"), 2).size(), event + ": " + dsp.calls);
        }
    }

    @Test
    void reportsAnAdWhosePackageCannotBeReadOncePerBreak() throws Exception {
        Origin origin = origin();
        Dsp dsp = dsp(origin);
        dsp.hlsAdPath = "/ads/missing/master.m3u8";
        PodiumServer server = server(origin, dsp, Clock.systemUTC());
        HttpResponse<String> master = get(masterUrl(server, origin.base + "/content/master.m3u8"));
        assertEquals(200, master.statusCode(), master.body());
        for (int round = 0; round < 2; round++) {
            for (String v : uris(master.body())) {
                HttpResponse<String> media = get(base(server) + v);
                assertEquals(200, media.statusCode(), media.body());
                assertEquals(10, uris(media.body()).size(), "the content alone: " + media.body());
            }
        }
        List<String> errors = settle(dsp, c -> c.startsWith("/err/b1?"), 2);
        assertEquals(List.of("/err/b1?c=403", "/err/b1?c=403"), errors, "VAST 403 once per break, not per playlist");
        assertEquals(List.of(), dsp.callsTo("/imp/b1"));
    }
}
