package io.podium.vast.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.model.Ad;
import io.podium.vast.model.Impression;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Linear;
import io.podium.vast.model.Tracking;
import io.podium.vast.model.Vast;
import io.podium.vast.parse.VastParser;
import io.podium.vast.xml.SafeXml;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wrapper chains against a real HTTP server on loopback. */
class WrapperResolverTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final VastParser parser = new VastParser(new SafeXml(64 * 1024));
    private LoopbackVastServer server;
    private WrapperResolver resolver;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackVastServer();
        HttpVastFetcher fetcher = new HttpVastFetcher(Duration.ofMillis(500), 16 * 1024, "Podium-test/1",
                uri -> true);
        resolver = new WrapperResolver(fetcher, parser, 5, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String wrapper(String name, String next, String extra) {
        return """
                <VAST version="4.2"><Ad id="%1$s"%4$s><Wrapper>
                <AdSystem>%1$s</AdSystem>
                <Error><![CDATA[%3$s/ping/error?from=%1$s&code=[ERRORCODE]]]></Error>
                <Impression><![CDATA[https://imp.example/%1$s]]></Impression>
                <Creatives><Creative><Linear><TrackingEvents>
                <Tracking event="start"><![CDATA[https://track.example/%1$s/start]]></Tracking>
                </TrackingEvents><VideoClicks><ClickTracking><![CDATA[https://click.example/%1$s]]></ClickTracking></VideoClicks>
                </Linear></Creative></Creatives>
                <VASTAdTagURI><![CDATA[%2$s]]></VASTAdTagURI>
                </Wrapper></Ad></VAST>""".formatted(name, next, "PINGBASE", extra);
    }

    static String inline(String name, String sequenceAttr) {
        return """
                <VAST version="4.2"><Ad id="%1$s"%2$s><InLine>
                <AdSystem>end</AdSystem><Impression><![CDATA[https://imp.example/%1$s]]></Impression>
                <AdServingId>s</AdServingId><AdTitle>%1$s</AdTitle>
                <Creatives><Creative><Linear><TrackingEvents>
                <Tracking event="start"><![CDATA[https://track.example/%1$s/start]]></Tracking>
                </TrackingEvents><Duration>00:00:15</Duration><MediaFiles>
                <MediaFile delivery="progressive" type="video/mp4" width="640" height="360"><![CDATA[https://cdn.example/%1$s.mp4]]></MediaFile>
                </MediaFiles></Linear><UniversalAdId idRegistry="x">u</UniversalAdId></Creative></Creatives>
                </InLine></Ad></VAST>""".formatted(name, sequenceAttr);
    }

    private String w(String name, String nextPath) {
        return wrapper(name, server.uri(nextPath).toString(), "").replace("PINGBASE", server.uri("").toString());
    }

    private Resolution resolve(String startPath) throws Exception {
        Vast start = parser.parse(w("w1", startPath).getBytes(StandardCharsets.UTF_8));
        return resolver.resolve(start, null).get();
    }

    @Test
    void followsAChainAndMergesEveryHopsTracking() throws Exception {
        server.serve("/w2", w("w2", "/end")).serve("/end", inline("end", ""));
        Resolution r = resolve("/w2");
        assertEquals(List.of(), r.failures());
        Ad ad = r.ads().get(0);
        InLine in = (InLine) ad.content();
        assertEquals(List.of("https://imp.example/w1", "https://imp.example/w2", "https://imp.example/end"),
                in.impressions().stream().map(Impression::url).toList());
        Linear linear = in.creatives().get(0).linear();
        assertEquals(List.of("https://track.example/w1/start", "https://track.example/w2/start",
                "https://track.example/end/start"), linear.trackingEvents().stream().map(Tracking::url).toList());
        assertEquals(2, linear.videoClicks().clickTrackings().size());
        assertEquals(2, in.errors().size(), "the wrappers' error URLs travel with the ad");
        assertEquals(1, server.hits("/w2"));
        assertEquals(1, server.hits("/end"));
    }

    @Test
    void aTimeoutPingsEveryWrapperWith301() throws Exception {
        server.serve("/w2", w("w2", "/slow")).serve("/slow", inline("slow", "")).delay("/slow", 3_000);
        Resolution r = resolve("/w2");
        assertEquals(List.of(), r.ads());
        assertEquals(301, r.failures().get(0).errorCode());
        assertTrue(r.failures().get(0).reason().contains("no answer"), r.failures().get(0).reason());
        List<String> pings = server.pings(2);
        assertEquals(List.of("/ping/error?from=w1&code=301 UA=Podium-test/1", "/ping/error?from=w2&code=301 UA=Podium-test/1"),
                pings);
    }

    @Test
    void aLoopIsStoppedAndPingedWith302() throws Exception {
        server.serve("/a", w("a", "/b")).serve("/b", w("b", "/a"));
        Resolution r = resolve("/a");
        assertEquals(302, r.failures().get(0).errorCode());
        assertTrue(r.failures().get(0).reason().contains("wrapper loop"), r.failures().get(0).reason());
        assertEquals(1, server.hits("/a"));
        assertEquals(1, server.hits("/b"));
        assertEquals(3, server.pings(3).size());
    }

    @Test
    void tooManyHopsIs302AfterExactlyTheLimit() throws Exception {
        for (int i = 1; i <= 8; i++) {
            server.serve("/hop" + i, w("hop" + i, "/hop" + (i + 1)));
        }
        Resolution r = resolve("/hop1");
        assertEquals(302, r.failures().get(0).errorCode());
        assertEquals("more than 5 wrappers", r.failures().get(0).reason());
        assertEquals(5, r.failures().get(0).chain().size());
        assertEquals(1, server.hits("/hop5"));
        assertEquals(0, server.hits("/hop6"));
        assertTrue(server.pings(6).stream().allMatch(p -> p.contains("code=302")));
    }

    @Test
    void anEmptyEndIs303AndItsOwnErrorUrlIsCalled() throws Exception {
        server.serve("/empty", "<VAST version=\"4.2\"><Error><![CDATA[" + server.uri("/ping/empty?code=[ERRORCODE]")
                + "]]></Error></VAST>");
        Resolution r = resolve("/empty");
        assertEquals(303, r.failures().get(0).errorCode());
        assertEquals(List.of("/ping/empty?code=303 UA=Podium-test/1", "/ping/error?from=w1&code=303 UA=Podium-test/1"),
                server.pings(2));
    }

    @Test
    void notVastUnavailableAndOversizedDocumentsFailWithTheirCodes() throws Exception {
        server.serve("/html", "<html><body>hi</body></html>");
        assertEquals(100, resolve("/html").failures().get(0).errorCode());
        assertEquals(301, resolve("/missing").failures().get(0).errorCode());
        server.serve("/big", new byte[64 * 1024]);
        WrapperFailure big = resolve("/big").failures().get(0);
        assertEquals(300, big.errorCode());
        assertTrue(big.reason().contains("16384-byte limit"), big.reason());
        Vast ftp = parser.parse(wrapper("f", "ftp://files.example/x.xml", "").getBytes(StandardCharsets.UTF_8));
        assertEquals(300, resolver.resolve(ftp, null).get().failures().get(0).errorCode());
    }

    @Test
    void allowMultipleAdsChoosesBetweenThePodAndTheFirstStandAloneAd() throws Exception {
        String pod = "<VAST version=\"4.2\">" + strip(inline("p1", " sequence=\"1\"")) + strip(inline("p2", " sequence=\"2\""))
                + strip(inline("solo", "")) + "</VAST>";
        server.serve("/pod", pod);
        String multi = w("w1", "/pod").replace("<Wrapper>", "<Wrapper allowMultipleAds=\"true\">");
        Resolution all = resolver.resolve(parser.parse(multi.getBytes(StandardCharsets.UTF_8)), null).get();
        assertEquals(List.of("p1", "p2"), all.ads().stream().map(Ad::id).toList());
        Resolution single = resolve("/pod");
        assertEquals(List.of("solo"), single.ads().stream().map(Ad::id).toList());
    }

    @Test
    void followAdditionalWrappersFalseRefusesASecondWrapper() throws Exception {
        server.serve("/w2", w("w2", "/end")).serve("/end", inline("end", ""));
        String strict = w("w1", "/w2").replace("<Wrapper>", "<Wrapper followAdditionalWrappers=\"false\">");
        Resolution r = resolver.resolve(parser.parse(strict.getBytes(StandardCharsets.UTF_8)), null).get();
        assertEquals(303, r.failures().get(0).errorCode());
        assertEquals(0, server.hits("/end"));
    }

    @Test
    void resolvesTheFixtureChainWithRelativeUrls() throws Exception {
        for (String name : List.of("wrapper-a.xml", "wrapper-b.xml", "sample.xml", "vpaid.xml")) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/vast/" + name)) {
                server.serve("/fixtures/" + name, in.readAllBytes());
            }
        }
        URI base = server.uri("/fixtures/wrapper-a.xml");
        Vast start;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/vast/wrapper-a.xml")) {
            start = parser.parse(in.readAllBytes());
        }
        Resolution r = resolver.resolve(start, base).get();
        assertEquals(List.of(), r.failures());
        assertEquals(1, server.hits("/fixtures/wrapper-b.xml"));
        assertEquals(1, server.hits("/fixtures/sample.xml"));
        assertEquals(1, server.hits("/fixtures/vpaid.xml"));
        InLine in = (InLine) r.ads().get(0).content();
        assertTrue(in.impressions().size() >= 3, in.impressions().toString());
    }

    private static String strip(String doc) {
        return doc.replace("<VAST version=\"4.2\">", "").replace("</VAST>", "");
    }
}
