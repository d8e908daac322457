package io.podium.vast.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.model.Ad;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Linear;
import io.podium.vast.model.Vast;
import io.podium.vast.model.Wrapper;
import io.podium.vast.xml.SafeXml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VastParserTest {
    private static final String PLAIN = """
            <VAST version="4.2">
              <Ad id="1" sequence="1">
                <InLine>
                  <AdTitle>Title</AdTitle>
                  <AdSystem version="2">Sys</AdSystem>
                  <Impression id="i">https://i.example/imp</Impression>
                  <Creatives>
                    <Creative id="c">
                      <UniversalAdId idRegistry="ad-id.org">U1</UniversalAdId>
                      <Linear skipoffset="25%">
                        <MediaFiles>
                          <MediaFile delivery="progressive" type="video/mp4" width="640" height="360">
                            https://cdn.example/a.mp4
                          </MediaFile>
                        </MediaFiles>
                        <Duration>00:00:15.500</Duration>
                      </Linear>
                    </Creative>
                  </Creatives>
                </InLine>
              </Ad>
            </VAST>
            """;
    private final VastParser parser = new VastParser(new SafeXml(1 << 16));

    private Vast parse(String doc) throws VastParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSameModelWithOrWithoutTheNamespaceAndWithOrWithoutCdata() throws Exception {
        Vast plain = parse(PLAIN);
        Vast namespaced = parse(PLAIN.replace("<VAST ", "<VAST xmlns=\"http://www.iab.com/VAST\" "));
        Vast prefixed = parse(PLAIN.replaceAll("<(/?)([A-Z])", "<$1v:$2")
                .replace("<v:VAST ", "<v:VAST xmlns:v=\"http://www.iab.com/VAST\" "));
        Vast cdata = parse(PLAIN.replace("https://cdn.example/a.mp4", "<![CDATA[https://cdn.example/a.mp4]]>")
                .replace("https://i.example/imp", "<![CDATA[ https://i.example/imp ]]>"));
        assertEquals(plain, namespaced);
        assertEquals(plain, prefixed);
        assertEquals(plain, cdata);
        InLine in = (InLine) plain.ads().get(0).content();
        assertEquals("Title", in.adTitle());
        assertEquals("Sys", in.adSystem().name());
        assertEquals("https://i.example/imp", in.impressions().get(0).url());
        Linear linear = in.creatives().get(0).linear();
        assertEquals(15_500, linear.durationMillis());
        assertEquals("https://cdn.example/a.mp4", linear.mediaFiles().get(0).url());
        assertEquals("U1", in.creatives().get(0).universalAdIds().get(0).id());
        assertEquals(1, plain.ads().get(0).sequenceNumber());
    }

    @Test
    void remembersTheLineOfEveryPart() throws Exception {
        ParsedVast parsed = parser.parseWithLines(PLAIN.getBytes(StandardCharsets.UTF_8));
        Ad ad = parsed.vast().ads().get(0);
        InLine in = (InLine) ad.content();
        assertEquals(2, parsed.lines().of(ad));
        assertEquals(3, parsed.lines().of(in));
        assertEquals(4, parsed.lines().of(in, "AdTitle"));
        assertEquals(6, parsed.lines().of(in.impressions().get(0)));
        Linear linear = in.creatives().get(0).linear();
        assertEquals(10, parsed.lines().of(linear));
        assertEquals(16, parsed.lines().of(linear, "Duration"));
        assertEquals(12, parsed.lines().of(linear.mediaFiles().get(0)));
        assertEquals(1, parsed.lines().count(in, "AdSystem"));
    }

    @Test
    void keepsExtensionsAsTheyAreWithTheirNamespaces() throws Exception {
        Vast v = parse("""
                <VAST version="3.0" xmlns:p="urn:p"><Ad id="x"><Wrapper>
                <AdSystem>S</AdSystem><VASTAdTagURI>https://t.example/next</VASTAdTagURI>
                <Impression>https://i.example/</Impression>
                <Extensions><Extension type="t"><p:Thing a="1&amp;2">x &lt; y<!-- c --></p:Thing></Extension></Extensions>
                </Wrapper></Ad></VAST>""");
        Wrapper w = (Wrapper) v.ads().get(0).content();
        assertEquals("<Extension type=\"t\"><p:Thing xmlns:p=\"urn:p\" a=\"1&amp;2\">x &lt; y</p:Thing></Extension>",
                w.extensions().get(0).xml());
        assertEquals("https://t.example/next", w.vastAdTagUri());
        assertTrue(w.followAdditionalWrappersOrDefault());
        assertTrue(!w.allowMultipleAdsOrDefault());
    }

    @Test
    void readsEveryFixtureThatIsVast() throws Exception {
        for (String name : List.of("inline-linear.xml", "sample.xml", "vpaid.xml", "vpaid2.xml", "wrapper-a.xml",
                "wrapper-b.xml", "wrapper-legacy.xml", "wrapper-multiple-ads.xml", "wrapper-attributes-multiple-ads.xml",
                "wrapper-empty.xml", "wrapper-empty-no-creative.xml", "wrapper-unavailable-url.xml",
                "empty-no-ad.xml", "empty-no-creative.xml")) {
            Vast v = parser.parse(fixture(name));
            assertTrue(v.version() != null, name);
        }
        Vast sample = parser.parse(fixture("sample.xml"));
        assertEquals(2, sample.ads().size());
        assertTrue(parser.parse(fixture("wrapper-a.xml")).ads().get(0).isWrapper());
        assertTrue(parser.parse(fixture("empty-no-ad.xml")).ads().isEmpty());
    }

    @Test
    void refusesWhatIsNotVastWithTheLine() throws Exception {
        VastParseException outdated = assertThrows(VastParseException.class,
                () -> parser.parse(fixture("outdated-vast.xml")));
        assertTrue(outdated.getMessage().contains("<VideoAdServingTemplate>, not <VAST>"), outdated.getMessage());
        VastParseException broken = assertThrows(VastParseException.class,
                () -> parser.parse(fixture("invalid-xmlfile.xml")));
        assertEquals(1, broken.line());
        VastParseException doctype = assertThrows(VastParseException.class,
                () -> parse("<?xml version=\"1.0\"?>\n<!DOCTYPE VAST [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<VAST version=\"4.2\"><Error>&e;</Error></VAST>"));
        assertTrue(doctype.getMessage().contains("DOCTYPE"), doctype.getMessage());
        VastParseException empty = assertThrows(VastParseException.class,
                () -> parse("<VAST version=\"4.2\">\n<Ad id=\"1\">\n</Ad>\n</VAST>"));
        assertEquals("line 2: <Ad> has neither <InLine> nor <Wrapper>", empty.getMessage());
        VastParseException unclosed = assertThrows(VastParseException.class,
                () -> parse("<VAST version=\"4.2\">\n<Ad id=\"1\"><InLine>\n</Ad>\n</VAST>"));
        assertEquals(3, unclosed.line());
        assertThrows(VastParseException.class, () -> new VastParser(new SafeXml(100)).parse(new byte[101]));
    }

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = VastParserTest.class.getResourceAsStream("/fixtures/vast/" + name)) {
            return in.readAllBytes();
        }
    }
}
