package io.podium.exchange.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.exchange.config.PodiumConfig;
import io.podium.vast.lint.VastLinter;
import io.podium.vast.lint.VastSchemas;
import io.podium.vast.model.Ad;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Tracking;
import io.podium.vast.model.Vast;
import io.podium.vast.model.Wrapper;
import io.podium.vast.parse.VastParser;
import io.podium.vast.vmap.AdTagUri;
import io.podium.vast.vmap.Vmap;
import io.podium.vast.vmap.VmapParser;
import io.podium.vast.vmap.VmapSchema;
import io.podium.vast.xml.SafeXml;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /vast/v1/pod} and {@code GET /vmap/v1/{id}} end to end: a real Undertow server, a
 * real HTTP DSP on loopback answering several bids for the pod (VAST 3 inline, markup on the
 * win notice, a VAST tag URL, and markup that is not VAST), the player's calls to the
 * trackers.
 */
class VideoEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SafeXml XML = new SafeXml(1 << 20);
    private static final VastLinter LINTER = new VastLinter(XML, new VastSchemas());
    private static final VastParser PARSER = new VastParser(XML);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** A DSP answering four bids for the pod imp, and serving VAST on its win notice and tag URL. */
    static final class VideoDsp implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> notices = new CopyOnWriteArrayList<>();
        volatile boolean bid = true;
        private final io.podium.exchange.testing.LoopbackServer server;
        final String base;

        VideoDsp() {
            server = new io.podium.exchange.testing.LoopbackServer(this::handle);
            base = server.base;
        }

        private void handle(HttpServerExchange exchange) throws Exception {
            String path = exchange.getRequestPath();
            if (path.equals("/bid")) {
                exchange.startBlocking();
                String body = new String(exchange.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(body);
                if (!bid) {
                    exchange.setStatusCode(204);
                    return;
                }
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(bids(JSON.readTree(body).get("id").asText()));
                return;
            }
            notices.add(path + "?" + exchange.getQueryString());
            if (path.equals("/nurl/b2") || path.equals("/vast/b3")) {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/xml");
                exchange.getResponseSender().send(inline42(path.substring(path.lastIndexOf('/') + 1)));
                return;
            }
            exchange.setStatusCode(204);
        }

        String bids(String id) throws Exception {
            String vast3 = """
                    <VAST version="3.0"><Ad id="dsp-b1"><InLine><AdSystem>DSP</AdSystem><AdTitle>Car 30s</AdTitle>
                    <Impression><![CDATA[%1$s/imp/b1?p=${AUCTION_PRICE}]]></Impression>
                    <Creatives><Creative><Linear><Duration>00:00:30</Duration>
                    <TrackingEvents><Tracking event="start"><![CDATA[%1$s/ev/b1/start]]></Tracking>
                    <Tracking event="fullscreen"><![CDATA[%1$s/ev/b1/fs]]></Tracking></TrackingEvents>
                    <MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="1280" height="720"><![CDATA[https://cdn.dsp.example/b1.mp4]]></MediaFile></MediaFiles>
                    </Linear></Creative></Creatives></InLine></Ad></VAST>""".formatted(base);
            List<String> bids = List.of(
                    bid("b1", 10, 30, "a.example", vast3),
                    bid("b2", 8, 15, "b.example", null),
                    bid("b3", 6, 15, "c.example", base + "/vast/b3"),
                    bid("b4", 20, 15, "d.example", "<html>not VAST</html>"));
            return "{\"id\":\"" + id + "\",\"cur\":\"USD\",\"seatbid\":[{\"seat\":\"s1\",\"bid\":[" + String.join(",", bids)
                    + "]}]}";
        }

        String bid(String id, double price, int dur, String adomain, String adm) throws Exception {
            StringBuilder b = new StringBuilder("{\"id\":\"" + id + "\",\"impid\":\"1\",\"price\":" + price + ",\"dur\":"
                    + dur + ",\"crid\":\"cr-" + id + "\",\"adomain\":[\"" + adomain + "\"],\"nurl\":\"" + base + "/nurl/"
                    + id + "?p=${AUCTION_PRICE}\",\"burl\":\"" + base + "/burl/" + id + "?p=${AUCTION_PRICE}\"");
            if (adm != null) {
                b.append(",\"adm\":").append(JSON.writeValueAsString(adm));
            }
            return b.append('}').toString();
        }

        static String inline42(String id) {
            return """
                    <VAST version="4.2" xmlns="http://www.iab.com/VAST"><Ad id="%1$s"><InLine><AdSystem>DSP</AdSystem>
                    <Impression><![CDATA[https://dsp.example/imp/%1$s]]></Impression><AdServingId>x</AdServingId>
                    <AdTitle>%1$s</AdTitle><Creatives><Creative><Linear><Duration>00:00:15</Duration><MediaFiles>
                    <MediaFile delivery="progressive" type="video/mp4" width="640" height="360"><![CDATA[https://cdn.dsp.example/%1$s.mp4]]></MediaFile>
                    </MediaFiles></Linear><UniversalAdId idRegistry="ad-id.org">%1$s</UniversalAdId></Creative></Creatives>
                    </InLine></Ad></VAST>""".formatted(id);
        }

        List<String> noticesTo(String prefix) {
            return notices.stream().filter(n -> n.startsWith(prefix)).toList();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private VideoDsp dsp() {
        VideoDsp d = new VideoDsp();
        closeables.add(d);
        return d;
    }

    private PodiumServer server(String extraYaml, VideoDsp dsp) {
        String yaml = "server: {port: 0, host: 127.0.0.1}\nnotices: {secret: 'test-secret-0123456789'}\n" + extraYaml
                + "\nbidders:\n  - {id: dsp0, endpoint: '" + dsp.base + "/bid'}\n";
        PodiumConfig config = io.podium.exchange.testing.TestConfigs.load(yaml);
        PodiumServer server = new PodiumServer(config, Clock.systemUTC()).start();
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

    /** Waits (without asserting on time) until the DSP has seen {@code n} calls to the prefix. */
    private static List<String> await(VideoDsp dsp, String prefix, int n) throws InterruptedException {
        for (int i = 0; i < 500 && dsp.noticesTo(prefix).size() < n; i++) {
            Thread.sleep(10);
        }
        return dsp.noticesTo(prefix);
    }

    @Test
    void servesAValidVast4PodWithPodiumsAndTheDspsTrackers() throws Exception {
        VideoDsp dsp = dsp();
        PodiumServer server = server("", dsp);
        HttpResponse<String> r = get(base(server) + "/vast/v1/pod?dur=60&maxads=4&content_id=ep1&uid=u1&pos=pre");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        byte[] xml = r.body().getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), LINTER.lint(xml), r.body());

        JsonNode sent = JSON.readTree(dsp.requests.get(0));
        JsonNode video = sent.get("imp").get(0).get("video");
        assertEquals(60, video.get("poddur").asInt());
        assertEquals(4, video.get("maxseq").asInt());
        assertEquals(0, video.get("startdelay").asInt());
        assertTrue(video.has("podid"));
        assertEquals("TestPlayer/1.0", sent.get("device").get("ua").asText());
        assertEquals("u1", sent.get("user").get("id").asText());
        assertEquals("ep1", sent.get("site").get("content").get("id").asText());

        // the best pod within 60 s is b4 + b1 + b2 (38); b4's markup is not VAST, so b1 and b2 are served
        Vast vast = PARSER.parse(xml);
        assertEquals(2, vast.ads().size(), r.body());
        assertEquals(List.of("1", "2"), vast.ads().stream().map(Ad::sequence).toList());
        Ad b1 = vast.ads().stream().filter(a -> !a.isWrapper()).findFirst().orElseThrow();
        InLine in = (InLine) b1.content();
        assertTrue(in.impressions().get(0).url().contains("/notice/bill?"), in.impressions().toString());
        double clearing = Double.parseDouble(in.pricing().value());
        assertTrue(clearing > 0 && clearing <= 10, "second price, at most the bid: " + clearing);
        assertEquals(clearing, Double.parseDouble(in.impressions().get(1).url()
                .substring((dsp.base + "/imp/b1?p=").length())), 1e-9, "the DSP's own impression, price filled");
        assertTrue(in.errors().get(0).contains("/notice/error?") && in.errors().get(0).endsWith("&code=[ERRORCODE]"));
        List<String> events = in.creatives().get(0).linear().trackingEvents().stream().map(Tracking::event).toList();
        assertEquals(List.of("start", "firstQuartile", "midpoint", "thirdQuartile", "complete", "start", "playerExpand"),
                events, "Podium's quartiles, then the DSP's (VAST 3 fullscreen under its 4.x name)");
        assertEquals("CPM", in.pricing().model());
        assertNotNull(in.adServingId());
        assertEquals("unknown", in.creatives().get(0).universalAdIds().get(0).idRegistry());

        Ad b2 = vast.ads().stream().filter(Ad::isWrapper).findFirst().orElseThrow();
        Wrapper w = (Wrapper) b2.content();
        assertTrue(w.vastAdTagUri().contains("/notice/win?") && w.vastAdTagUri().contains("m=1"), w.vastAdTagUri());

        // Podium acted on b1's win notice itself; b2's waits for the player
        assertEquals(1, await(dsp, "/nurl/b1", 1).size());
        assertEquals(0, dsp.noticesTo("/nurl/b2").size());
        HttpResponse<String> markup = get(w.vastAdTagUri());
        assertEquals(200, markup.statusCode());
        assertTrue(markup.body().contains("b2.mp4"), markup.body());
        assertEquals(1, dsp.noticesTo("/nurl/b2").size());
    }

    @Test
    void theImpressionBillsOnceAndTamperingIsRefused() throws Exception {
        VideoDsp dsp = dsp();
        PodiumServer server = server("", dsp);
        Vast vast = PARSER.parse(get(base(server) + "/vast/v1/pod?dur=60").body().getBytes(StandardCharsets.UTF_8));
        InLine in = (InLine) vast.ads().stream().filter(a -> !a.isWrapper()).findFirst().orElseThrow().content();
        String impression = in.impressions().get(0).url();
        assertEquals(204, get(impression).statusCode());
        List<String> billed = await(dsp, "/burl/b1", 1);
        assertEquals(1, billed.size());
        assertEquals(Double.parseDouble(in.pricing().value()),
                Double.parseDouble(billed.get(0).substring("/burl/b1?p=".length())), 1e-9, "billed at the clearing price");
        assertEquals(204, get(impression).statusCode(), "a repeat is answered but not acted on");
        String tampered = impression.replace("&p=", "&p=9");
        assertEquals(403, get(tampered).statusCode());
        String asWin = impression.replace("/notice/bill?", "/notice/win?");
        assertEquals(403, get(asWin).statusCode(), "a billing URL cannot be replayed as another notice type");
        Thread.sleep(200);
        assertEquals(1, dsp.noticesTo("/burl/b1").size(), "billed once");

        String start = in.creatives().get(0).linear().trackingEvents().get(0).url();
        assertEquals(204, get(start).statusCode());
        String error = in.errors().get(0).replace("[ERRORCODE]", "405");
        assertEquals(204, get(error).statusCode());
        String metrics = get(base(server) + "/metrics").body();
        assertTrue(metrics.contains("podium_vast_errors_total{code=\"405\"} 1"), metrics);
        assertTrue(metrics.contains("podium_notices_total{type=\"start\",result=\"ok\"} 1"), metrics);
        assertTrue(metrics.contains("podium_video_pods_total{result=\"filled\"} 1"), metrics);
        assertTrue(metrics.contains("podium_video_pods_total{result=\"dropped_ads\"} 1"), metrics);
    }

    @Test
    void badQueriesGetA400NamingTheParameterAndTheServerKeepsServing() throws Exception {
        VideoDsp dsp = dsp();
        PodiumServer server = server("video: {max_pod_seconds: 120, max_ads_per_pod: 6}", dsp);
        String pod = base(server) + "/vast/v1/pod";
        assertBad(get(pod), "dur: the break length in seconds is required (1 to 120)");
        assertBad(get(pod + "?dur=abc"), "dur: \"abc\" is not a whole number");
        assertBad(get(pod + "?dur=121"), "dur: 121 is outside 1 to 120");
        assertBad(get(pod + "?dur=60&maxads=7"), "maxads: 7 is outside 1 to 6");
        assertBad(get(pod + "?dur=60&dur=30"), "dur: given 2 times; give it once");
        assertBad(get(pod + "?dur=60&mindur=40&maxdur=20"), "mindur: 40 is over maxdur 20");
        assertBad(get(pod + "?dur=60&pos=middle"), "pos: \"middle\" is not one of pre, mid, post");
        assertBad(get(pod + "?dur=60&lmt=yes"), "lmt: \"yes\" is neither 0 nor 1");
        assertEquals(405, client.send(HttpRequest.newBuilder(URI.create(pod + "?dur=60"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> ok = get(pod + "?dur=60&cb=123456");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("<Ad "), ok.body());
    }

    private static void assertBad(HttpResponse<String> r, String message) {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(message, r.body());
    }

    @Test
    void noFillIsAValidEmptyVast() throws Exception {
        VideoDsp dsp = dsp();
        dsp.bid = false;
        PodiumServer server = server("", dsp);
        HttpResponse<String> r = get(base(server) + "/vast/v1/pod?dur=30");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<VAST version=\"4.2\"/>"), r.body());
        assertEquals(List.of(), LINTER.lint(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void vmapFromAContentPolicyPointsAtThePodEndpoint() throws Exception {
        VideoDsp dsp = dsp();
        PodiumServer server = server("""
                video:
                  contents:
                    - {id: ep-1, duration_seconds: 1800, cue_points: [1200, 600], midroll_seconds: 60, postroll_seconds: 0}
                """, dsp);
        HttpResponse<String> r = get(base(server) + "/vmap/v1/ep-1?uid=u%201&ignored=x");
        assertEquals(200, r.statusCode(), r.body());
        byte[] xml = r.body().getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), new VmapSchema(XML).validate(xml), r.body());
        Vmap vmap = new VmapParser(XML).parse(xml);
        assertEquals(List.of("start", "00:10:00.000", "00:20:00.000"),
                vmap.breaks().stream().map(b -> b.timeOffset().format()).toList());
        String mid = ((AdTagUri) vmap.breaks().get(1).adSource().data()).url();
        assertEquals(base(server) + "/vast/v1/pod?dur=60&pos=mid&content_id=ep-1&content_len=1800&uid=u+1", mid);
        String pre = ((AdTagUri) vmap.breaks().get(0).adSource().data()).url();
        assertTrue(pre.contains("dur=30&pos=pre"), pre);
        HttpResponse<String> pod = get(mid);
        assertEquals(200, pod.statusCode());
        assertEquals(List.of(), LINTER.lint(pod.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("u 1", JSON.readTree(dsp.requests.get(0)).get("user").get("id").asText());
    }

    @Test
    void vmapOfOtherContentsUsesTheDefaultPolicyAndTheQuerysCues() throws Exception {
        VideoDsp dsp = dsp();
        PodiumServer server = server("", dsp);
        Vmap every = new VmapParser(XML).parse(get(base(server) + "/vmap/v1/movie-9?duration=1300").body()
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("start", "00:10:00.000", "00:20:00.000", "end"),
                every.breaks().stream().map(b -> b.timeOffset().format()).toList());
        Vmap cues = new VmapParser(XML).parse(get(base(server) + "/vmap/v1/movie-9?cues=90,45").body()
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("start", "00:00:45.000", "00:01:30.000", "end"),
                cues.breaks().stream().map(b -> b.timeOffset().format()).toList());
        assertBad(get(base(server) + "/vmap/v1/movie-9?cues=90,abc"), "cues: \"abc\" is not a whole number of seconds");
        assertBad(get(base(server) + "/vmap/v1/movie-9?duration=100&cues=150"), "cues: 150 is not inside the content");
        assertEquals(404, get(base(server) + "/vmap/v1/a/b").statusCode());
    }
}
