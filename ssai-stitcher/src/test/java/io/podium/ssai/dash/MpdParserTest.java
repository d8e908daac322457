package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MpdParserTest {
    private final MpdParser parser = new MpdParser();

    @Test
    void readsANumberTemplateMpdWithEveryLevel() {
        Mpd mpd = DashFixtures.mpd("content/number.mpd");

        assertEquals("urn:mpeg:dash:profile:isoff-live:2011", mpd.profiles());
        assertEquals("static", mpd.type());
        assertEquals(600_000_000L, mpd.mediaPresentationDurationMicros());
        assertEquals(4_000_000L, mpd.minBufferTimeMicros());
        assertEquals(2_000_000L, mpd.maxSegmentDurationMicros());
        assertEquals(List.of(new XmlNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")), mpd.namespaces());
        assertEquals(List.of(new XmlAttribute("http://www.w3.org/2001/XMLSchema-instance", "xsi", "schemaLocation",
                "urn:mpeg:dash:schema:mpd:2011 DASH-MPD.xsd")), mpd.otherAttributes());
        assertEquals(1, mpd.otherElements().size());
        assertEquals("<ProgramInformation moreInformationURL=\"https://www.example.com/show\">"
                + "<Title>Show, season 1, episode 3</Title></ProgramInformation>", mpd.otherElements().get(0).xml());

        Period period = mpd.periods().get(0);
        assertEquals("p0", period.id());
        assertEquals(0L, period.startMicros());
        assertNull(period.durationMicros());
        assertEquals(3, period.adaptationSets().size());

        AdaptationSet video = period.adaptationSets().get(0);
        assertEquals(1L, video.id());
        assertEquals("video", video.contentType());
        assertEquals("video/mp4", video.mimeType());
        assertEquals("true", video.segmentAlignment());
        assertEquals(1, video.startWithSap());
        assertEquals(List.of(new Descriptor("urn:mpeg:dash:role:2011", "main", null)), video.roles());
        assertEquals(List.of(XmlAttribute.of("maxWidth", "1280"), XmlAttribute.of("maxHeight", "720"),
                XmlAttribute.of("par", "16:9")), video.otherAttributes());
        assertEquals(new SegmentTemplate("video/$RepresentationID$/seg-$Number%05d$.m4s",
                "video/$RepresentationID$/init.mp4", 90_000L, 1L, 180_000L, null, null, List.of(), List.of()),
                video.segmentTemplate());
        Representation v720 = video.representations().get(0);
        assertEquals(new Representation("v720", 3_000_000, 1280, 720, "25", "avc1.64001f", null, null, List.of(), null,
                null, List.of(XmlAttribute.of("sar", "1:1")), List.of()), v720);

        AdaptationSet audio = period.adaptationSets().get(1);
        assertEquals("en", audio.lang());
        assertEquals(List.of(new RawElement(Mpd.NAMESPACE, "AudioChannelConfiguration",
                "<AudioChannelConfiguration schemeIdUri=\"urn:mpeg:dash:23003:3:audio_channel_configuration:2011\""
                        + " value=\"2\"/>")), audio.otherElements());
        assertEquals("48000", audio.representations().get(0).audioSamplingRate());

        AdaptationSet text = period.adaptationSets().get(2);
        assertEquals("stpp", text.codecs());
        assertEquals("subtitle", text.roles().get(0).value());
    }

    @Test
    void readsATimelineMpdWithProtectionAndEvents() {
        Mpd mpd = DashFixtures.mpd("content/timeline.mpd");

        assertEquals(List.of(BaseUrl.of("dash/")), mpd.baseUrls());
        assertEquals(60_060_000L, mpd.mediaPresentationDurationMicros());
        Period period = mpd.periods().get(0);
        assertNull(period.startMicros());
        assertEquals("<AssetIdentifier schemeIdUri=\"urn:org:dashif:asset-id:2013\" value=\"movie42\"/>",
                period.otherElements().get(0).xml());

        EventStream stream = period.eventStreams().get(0);
        assertEquals(90_000L, stream.timescale());
        assertEquals(900_000L, stream.presentationTimeOffset());
        assertEquals(2, stream.events().size());
        MpdEvent first = stream.events().get(0);
        assertEquals(1_800_000L, first.presentationTime());
        assertEquals(2_700_000L, first.duration());
        assertEquals("1", first.id());
        assertEquals("<scte35:Signal xmlns:scte35=\"http://www.scte.org/schemas/35/2016\"><scte35:Binary>"
                + "/DAlAAAAAAAAAP/wFAUAAAABf+/+AC7yAP4AKTLgAAEAAAAAGWUXbA==</scte35:Binary></scte35:Signal>",
                first.content());

        AdaptationSet video = period.adaptationSets().get(0);
        assertEquals(10L, video.id());
        assertEquals(2, video.contentProtections().size());
        assertEquals("<ContentProtection xmlns:cenc=\"urn:mpeg:cenc:2013\" schemeIdUri=\"urn:mpeg:dash:mp4protection:2011\""
                + " value=\"cenc\" cenc:default_KID=\"9eb4050d-e44b-4802-932e-27d75083e266\"/>",
                video.contentProtections().get(0).xml());
        assertEquals("<ContentProtection schemeIdUri=\"urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\">"
                + "<cenc:pssh xmlns:cenc=\"urn:mpeg:cenc:2013\">AAAANHBzc2gAAAAA7e+LqXnWSs6jyCfc1R0h7QAAABQIARIQnrQFDeRLSAKTLifXUIPiZg=="
                + "</cenc:pssh></ContentProtection>", video.contentProtections().get(1).xml());
        assertEquals(List.of(XmlAttribute.of("maxWidth", "1920"), XmlAttribute.of("maxHeight", "1080"),
                XmlAttribute.of("frameRate", "30000/1001")), video.otherAttributes());
        SegmentTemplate t = video.segmentTemplate();
        assertEquals(900_000L, t.presentationTimeOffset());
        assertEquals(List.of(TimelineEntry.of(900_000L, 540_540, 9)), t.timeline());

        SegmentTemplate audio = period.adaptationSets().get(1).segmentTemplate();
        assertEquals(List.of(TimelineEntry.of(480_000L, 288_768, 8), TimelineEntry.of(null, 283_968, 0)),
                audio.timeline());
    }

    @Test
    void readsSegmentBaseWithItsInitialization() {
        Representation hi = DashFixtures.mpd("ads/ad-ondemand.mpd").periods().get(0).adaptationSets().get(0)
                .representations().get(0);

        assertEquals(List.of(BaseUrl.of("8841_720p_5500k.mp4")), hi.baseUrls());
        assertEquals(new SegmentBase(30_000L, null, "862-1009", null, new RangedUrl(null, "0-861"), List.of(), List.of()),
                hi.segmentBase());
    }

    @Test
    void keepsElementsItDoesNotKnowWholeInAnyNamespace() throws Exception {
        Mpd mpd = parser.parse("""
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:x="urn:example:x" profiles="p" minBufferTime="PT1S">
                  <Period id="a" duration="PT1S">
                    <x:Custom x:flag="1">
                      <!-- note -->
                      <Inner a="&lt;&amp;"/>
                    </x:Custom>
                    <AdaptationSet>
                      <Role schemeIdUri="urn:mpeg:dash:role:2011" value="main"><x:Extra/></Role>
                      <Accessibility schemeIdUri="urn:tva:metadata:cs:AudioPurposeCS:2007" value="1"/>
                    </AdaptationSet>
                  </Period>
                  <UTCTiming schemeIdUri="urn:mpeg:dash:utc:http-iso:2014" value="https://time.example/"/>
                </MPD>
                """);

        Period period = mpd.periods().get(0);
        assertEquals(new RawElement("urn:example:x", "Custom", "<x:Custom xmlns:x=\"urn:example:x\" x:flag=\"1\">"
                + "<!-- note --><Inner a=\"&lt;&amp;\"/></x:Custom>"), period.otherElements().get(0));
        AdaptationSet set = period.adaptationSets().get(0);
        assertEquals(List.of(), set.roles());
        assertEquals("<Role schemeIdUri=\"urn:mpeg:dash:role:2011\" value=\"main\"><x:Extra xmlns:x=\"urn:example:x\"/>"
                + "</Role>", set.otherElements().get(0).xml());
        assertEquals("Accessibility", set.otherElements().get(1).localName());
        assertEquals("UTCTiming", mpd.otherElements().get(0).localName());
    }

    @Test
    void namesTheLineOfAValueThatDoesNotParse() {
        MpdParseException e = assertThrows(MpdParseException.class, () -> parser.parse("""
                <?xml version="1.0"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="p" minBufferTime="PT1S">
                  <Period id="a">
                    <AdaptationSet id="1">
                      <Representation id="r" bandwidth="1000"/>
                    </AdaptationSet>
                  </Period>
                  <Period id="b" duration="P1M">
                  </Period>
                </MPD>
                """));

        assertEquals(8, e.line());
        assertEquals("Period@duration \"P1M\" uses years or months, which have no fixed length", e.reason());
    }

    @Test
    void namesTheLineOfAMissingRequiredAttribute() {
        MpdParseException e = assertThrows(MpdParseException.class, () -> parser.parse("""
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="p" minBufferTime="PT1S">
                  <Period>
                    <AdaptationSet>
                      <Representation id="r"/>
                    </AdaptationSet>
                  </Period>
                </MPD>
                """));

        assertEquals(4, e.line());
        assertEquals("line 4: Representation has no bandwidth", e.getMessage());
    }

    @Test
    void namesTheLineOfABadNumberAndOfABadRepeat() {
        MpdParseException bandwidth = assertThrows(MpdParseException.class, () -> parser.parse(
                "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">\n<Period>\n<AdaptationSet>\n"
                        + "<Representation id=\"r\" bandwidth=\"12k\"/></AdaptationSet></Period></MPD>"));
        MpdParseException repeat = assertThrows(MpdParseException.class, () -> parser.parse(
                "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">\n<Period>\n<SegmentTemplate>\n<SegmentTimeline>\n"
                        + "<S d=\"1\"/>\n<S d=\"1\" r=\"-2\"/></SegmentTimeline></SegmentTemplate></Period></MPD>"));

        assertEquals("line 4: Representation@bandwidth \"12k\" is not an unsigned integer", bandwidth.getMessage());
        assertEquals("line 6: S@r \"-2\" is below -1", repeat.getMessage());
    }

    @Test
    void namesTheLineWhereTheXmlStopsBeingWellFormed() {
        MpdParseException e = assertThrows(MpdParseException.class, () -> parser.parse("""
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011">
                  <Period>
                    <AdaptationSet>
                  </Period>
                </MPD>
                """));

        assertEquals(4, e.line());
        assertTrue(e.reason().startsWith("not well-formed XML"), e.reason());
    }

    @Test
    void refusesADoctype() {
        MpdParseException e = assertThrows(MpdParseException.class, () -> parser.parse("""
                <?xml version="1.0"?>
                <!DOCTYPE MPD [<!ENTITY boom "boom">]>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011"><Period id="&boom;"/></MPD>
                """));

        assertEquals(2, e.line());
        assertTrue(e.reason().contains("DOCTYPE"), e.reason());
    }

    @Test
    void refusesADocumentOverTheSizeCap() {
        MpdParser small = new MpdParser(new SafeXml(100));
        MpdParseException e = assertThrows(MpdParseException.class,
                () -> small.parse(DashFixtures.bytes("content/number.mpd")));

        assertEquals(0, e.line());
        assertTrue(e.reason().contains("100-byte limit"), e.reason());
    }

    @Test
    void refusesARootThatIsNotTheDashMpd() {
        MpdParseException noNamespace = assertThrows(MpdParseException.class, () -> parser.parse("<MPD/>"));
        MpdParseException vast = assertThrows(MpdParseException.class, () -> parser.parse("<VAST version=\"4.2\"/>"));

        assertEquals("line 1: the root element is <MPD> in no namespace, not MPD in urn:mpeg:dash:schema:mpd:2011",
                noNamespace.getMessage());
        assertTrue(vast.reason().startsWith("the root element is <VAST>"), vast.reason());
    }

    @Test
    void mangledDocumentsAreRefusedOnlyWithAParseException() {
        long seed = Long.getLong("podium.dash.seed", System.nanoTime());
        System.out.println("MpdParserTest seed=" + seed);
        Random r = new Random(seed);
        MpdChecker checker = new MpdChecker();
        String[] pieces = {"<", ">", "\"", "&", "/", "-1", "PT", "$", " ", "\u00e9", "<S/>", "</Period>", "r=\"-1\""};
        for (int i = 0; i < 400; i++) {
            String name = (i % 2 == 0 ? DashFixtures.CONTENT : DashFixtures.ADS).get(r.nextInt(2));
            StringBuilder text = new StringBuilder(new String(DashFixtures.bytes(name),
                    StandardCharsets.UTF_8));
            for (int m = 1 + r.nextInt(3); m > 0 && text.length() > 0; m--) {
                int at = r.nextInt(text.length());
                switch (r.nextInt(3)) {
                    case 0 -> text.delete(at, Math.min(text.length(), at + 1 + r.nextInt(20)));
                    case 1 -> text.insert(at, pieces[r.nextInt(pieces.length)]);
                    default -> text.setLength(at);
                }
            }
            try {
                parser.parse(text.toString());
            } catch (MpdParseException e) {
                assertTrue(e.line() >= 0, "seed=" + seed);
            } catch (RuntimeException e) {
                throw new AssertionError("seed=" + seed + ", case " + i + ": " + e + "\n" + text, e);
            }
            try {
                checker.check(text.toString());
            } catch (RuntimeException e) {
                throw new AssertionError("seed=" + seed + ", case " + i + ": checker: " + e + "\n" + text, e);
            }
        }
    }

    @Test
    void refusesASecondSegmentTemplateInOneElement() {
        MpdParseException e = assertThrows(MpdParseException.class, () -> parser.parse("""
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011">
                  <Period>
                    <AdaptationSet>
                      <SegmentTemplate duration="1"/>
                      <SegmentTemplate duration="2"/>
                    </AdaptationSet>
                  </Period>
                </MPD>
                """));

        assertEquals("line 5: AdaptationSet has a second SegmentTemplate", e.getMessage());
    }
}
