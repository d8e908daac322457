package io.podium.vast.vmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VmapWriterTest {
    private final VmapParser parser = new VmapParser(Fixtures.XML);
    private final VmapWriter writer = new VmapWriter();
    private final VmapSchema schema = new VmapSchema(Fixtures.XML);

    @Test
    void parseWriteParseGivesAnEqualModelAndAValidDocument() throws Exception {
        Vmap parsed = parser.parse(Fixtures.bytes("full.xml"));

        byte[] written = writer.write(parsed);

        assertEquals(List.of(), schema.validate(written), new String(written, "UTF-8"));
        assertEquals(parsed, parser.parse(written));
        assertEquals(new String(written, "UTF-8"), writer.xml(parser.parse(written)), "writing is stable");
    }

    @Test
    void writesTheVmapPrefixUrlsInCdataAndTheInlineVastAsItIs() throws Exception {
        Vmap parsed = parser.parse(Fixtures.bytes("full.xml"));

        String xml = writer.xml(parsed);

        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\">\n"
                + "  <vmap:AdBreak timeOffset=\"start\" breakType=\"linear\" breakId=\"preroll\">\n"
                + "    <vmap:AdSource id=\"preroll-ad-1\" allowMultipleAds=\"false\" followRedirects=\"true\">\n"
                + "      <vmap:AdTagURI templateType=\"vast3\"><![CDATA[https://ads.example.com/vast?pos=pre&cb="
                + "[CACHEBUSTING]]]></vmap:AdTagURI>\n"), xml);
        assertTrue(xml.contains("<vmap:Tracking event=\"breakEnd\"><![CDATA[https://t.example.com/break?e=end&b=pre]]>"
                + "</vmap:Tracking>"), xml);
        assertTrue(xml.contains("<vmap:AdBreak timeOffset=\"00:10:00.000\" breakType=\"linear,nonlinear\" "
                + "breakId=\"midroll-1\" repeatAfter=\"00:10:00.000\">"), xml);
        assertTrue(xml.contains(((VastAdData) parsed.breaks().get(1).adSource().data()).xml()), xml);
        assertTrue(xml.endsWith("  </vmap:Extensions>\n</vmap:VMAP>\n"), xml);
    }

    @Test
    void splitsACdataEndInsideAUrlAndEscapesAttributes() throws Exception {
        String url = "https://t.example/x?a=]]>&b=<c>";
        Vmap vmap = new Vmap("1.0", List.of(new AdBreak(TimeOffset.percent(25), Set.of(BreakType.DISPLAY, BreakType.LINEAR),
                "a\"b<c&d\te\nf\rg", null, null, List.of(new TrackingEvent(TrackingEvent.Event.ERROR, url)), List.of())),
                List.of());

        String xml = writer.xml(vmap);

        assertTrue(xml.contains("<![CDATA[https://t.example/x?a=]]]]><![CDATA[>&b=<c>]]>"), xml);
        assertTrue(xml.contains("breakType=\"linear,display\" breakId=\"a&quot;b&lt;c&amp;d&#9;e&#10;f&#13;g\""), xml);
        assertEquals(List.of(), schema.validate(Fixtures.utf8(xml)), xml);
        assertEquals(vmap, parser.parse(Fixtures.utf8(xml)));
    }

    @Test
    void aVmapWithoutBreaksIsStillAValidDocument() throws Exception {
        Vmap empty = new Vmap("1.0", List.of(), List.of());

        byte[] written = writer.write(empty);

        assertEquals(List.of(), schema.validate(written));
        assertEquals(empty, parser.parse(written));
    }

    @Test
    void refusesACharacterXmlCannotCarry() {
        Vmap vmap = new Vmap("1.0\u0001", List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write(vmap));
        assertEquals("character U+0001 cannot be written in XML 1.0", e.getMessage());
    }
}
