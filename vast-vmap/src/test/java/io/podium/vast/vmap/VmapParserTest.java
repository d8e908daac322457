package io.podium.vast.vmap;

import static io.podium.vast.vmap.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.xml.SafeXml;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VmapParserTest {
    private final VmapParser parser = new VmapParser(Fixtures.XML);

    private Vmap parse(String document) throws VmapParseException {
        return parser.parse(utf8(document));
    }

    private VmapParseException failure(String document) {
        return assertThrows(VmapParseException.class, () -> parse(document));
    }

    /** A VMAP document around the given lines, the first of them on line 3. */
    private static String vmap(String... lines) {
        return "<?xml version=\"1.0\"?>\n<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\">\n"
                + String.join("\n", lines) + "\n</vmap:VMAP>\n";
    }

    @Test
    void readsARealisticVmapWithEveryKindOfBreakSourceTrackingAndExtension() throws Exception {
        Vmap vmap = parser.parse(Fixtures.bytes("full.xml"));

        assertEquals(Fixtures.full(), vmap);
        // and, spelled out, what a reader of the model relies on
        assertEquals(List.of("start", "00:10:00.000", "50%", "end"),
                vmap.breaks().stream().map(b -> b.timeOffset().format()).toList());
        VastAdData inline = (VastAdData) vmap.breaks().get(1).adSource().data();
        assertTrue(inline.xml().startsWith("<VAST xmlns:xsi="), inline.xml());
        assertTrue(inline.xml().endsWith("</VAST>"), inline.xml());
        assertTrue(inline.xml().contains("<Impression><![CDATA[https://t.example.com/imp?ad=mid-1&cb=[CACHEBUSTING]]]>"
                + "</Impression>"), inline.xml());
        assertTrue(inline.xml().contains("<MediaFile delivery=\"progressive\" type=\"video/mp4\" width=\"1280\" "
                + "height=\"720\">https://cdn.example.com/mid-1.mp4</MediaFile>"), inline.xml());
    }

    @Test
    void readsTheSameElementsWithoutANamespaceOrInThePlayersSampleNamespace() throws Exception {
        String namespaced = Fixtures.text("full.xml");
        String plain = namespaced.replace(" xmlns:vmap=\"http://www.iab.net/videosuite/vmap\"", "")
                .replace("<vmap:", "<").replace("</vmap:", "</");
        String sample = namespaced.replace("http://www.iab.net/videosuite/vmap", "http://www.iab.net/vmap-1.0");

        assertEquals(Fixtures.full(), parse(plain));
        assertEquals(Fixtures.full(), parse(sample));
    }

    @Test
    void elementsOfAnotherNamespaceAreNotVmapAndUnknownElementsAreSkipped() throws Exception {
        Vmap vmap = parse(vmap(
                "<vmap:Playlist><vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"/></vmap:Playlist>",
                "<x:AdBreak xmlns:x=\"urn:other\" timeOffset=\"start\"/>",
                "<vmap:AdBreak timeOffset=\"#2\" breakType=\"Linear, display\">",
                "  <vmap:Note>ignored <b>with</b> content</vmap:Note>",
                "  <vmap:TrackingEvents><vmap:Other/><vmap:Tracking event=\"breakEnd\">https://t.example/e</vmap:Tracking>"
                        + "</vmap:TrackingEvents>",
                "  <vmap:Extensions><vmap:Other/></vmap:Extensions>",
                "</vmap:AdBreak>"));

        assertEquals(1, vmap.breaks().size());
        AdBreak b = vmap.breaks().get(0);
        assertEquals(TimeOffset.position(2), b.timeOffset());
        assertEquals(Set.of(BreakType.LINEAR, BreakType.DISPLAY), b.breakTypes());
        assertNull(b.adSource());
        assertNull(b.breakId());
        assertEquals(List.of(new TrackingEvent(TrackingEvent.Event.BREAK_END, "https://t.example/e")), b.tracking());
        assertEquals(List.of(), b.extensions());
    }

    @Test
    void urlsAreTrimmedInCdataOrNot() throws Exception {
        Vmap vmap = parse(vmap(
                "<vmap:AdBreak timeOffset=\"end\" breakType=\"linear\">",
                "  <vmap:AdSource><vmap:AdTagURI templateType=\"VAST2\">",
                "     https://a.example/v?x=1&amp;y=2",
                "  </vmap:AdTagURI></vmap:AdSource>",
                "  <vmap:TrackingEvents>",
                "    <vmap:Tracking event=\"breakStart\">  <![CDATA[ https://t.example/s?a=1&b=2 ]]>  </vmap:Tracking>",
                "  </vmap:TrackingEvents>",
                "</vmap:AdBreak>"));

        AdBreak b = vmap.breaks().get(0);
        assertEquals(new AdTagUri(TemplateType.VAST2, "https://a.example/v?x=1&y=2"), b.adSource().data());
        assertEquals("https://t.example/s?a=1&b=2", b.tracking().get(0).url());
    }

    @Test
    void aVastDocumentGivenInCdataIsReadAsTheElementItIs() throws Exception {
        String element = "<VAST version=\"4.2\"><Ad id=\"1\"><Wrapper><VASTAdTagURI><![CDATA[https://a.example/v?a=1&b=2]]>"
                + "</VASTAdTagURI></Wrapper></Ad></VAST>";
        Vmap inCdata = parse(vmap(
                "<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:AdSource><vmap:VASTAdData><![CDATA[",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
                "<VAST version='4.2'><Ad id='1'><Wrapper><VASTAdTagURI>https://a.example/v?a=1&amp;b=2</VASTAdTagURI>"
                        + "</Wrapper></Ad></VAST>",
                "]]></vmap:VASTAdData></vmap:AdSource></vmap:AdBreak>"));
        Vmap inline = parse(vmap(
                "<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:AdSource><vmap:VASTAdData>",
                element,
                "</vmap:VASTAdData></vmap:AdSource></vmap:AdBreak>"));

        assertEquals(new VastAdData(element), inCdata.breaks().get(0).adSource().data());
        assertEquals(inline, inCdata);
    }

    @Test
    void customAdDataHoldingElementsIsKeptAsXml() throws Exception {
        Vmap vmap = parse(vmap(
                "<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:AdSource>",
                "  <vmap:CustomAdData templateType=\"vast2\">",
                "    <VAST version=\"2.0\"><Ad id=\"a&amp;b\"/></VAST>",
                "  </vmap:CustomAdData>",
                "</vmap:AdSource></vmap:AdBreak>"));

        assertEquals(new CustomAdData(TemplateType.VAST2, "<VAST version=\"2.0\"><Ad id=\"a&amp;b\"/></VAST>"),
                vmap.breaks().get(0).adSource().data());
    }

    @Test
    void aMissingTimeOffsetIsReportedWithItsLine() {
        VmapParseException e = failure(vmap(
                "  <vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"/>",
                "",
                "",
                "",
                "  <vmap:AdBreak breakType=\"linear\" breakId=\"mid\">",
                "  </vmap:AdBreak>"));

        assertEquals("line 7: AdBreak has no timeOffset", e.getMessage());
        assertEquals(7, e.line());
        assertEquals("AdBreak has no timeOffset", e.problem());
    }

    @Test
    void aTimeOffsetInNoneOfTheFormsIsReportedWithItsLine() {
        VmapParseException e = failure(vmap(
                "  <vmap:AdBreak timeOffset=\"10 minutes\" breakType=\"linear\"/>"));

        assertEquals("line 3: AdBreak timeOffset \"10 minutes\" is not start, end, HH:MM:SS[.mmm], n% (0 to 100)"
                + " or #n (1 or more)", e.getMessage());
    }

    @Test
    void anAdSourceWithNothingInItIsReportedWithItsLine() {
        VmapParseException e = failure(vmap(
                "<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\">",
                "  <vmap:AdSource id=\"a\" allowMultipleAds=\"true\">",
                "    <vmap:Unknown/>",
                "  </vmap:AdSource>",
                "</vmap:AdBreak>"));

        assertEquals("line 4: AdSource has no VASTAdData, AdTagURI or CustomAdData", e.getMessage());
    }

    @Test
    void aDoctypeIsRefusedBeforeAnythingIsRead() {
        VmapParseException e = failure("<?xml version=\"1.0\"?>\n<!DOCTYPE vmap:VMAP [<!ENTITY x \"y\">]>\n"
                + "<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\"/>");

        assertEquals("line 2: DOCTYPE declarations are not allowed", e.getMessage());
    }

    @Test
    void otherProblemsNameWhatIsWrongAndWhere() {
        assertEquals("line 3: AdBreak has no breakType",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\"/>")).getMessage());
        assertEquals("line 3: AdBreak breakType \"video\" is not linear, nonlinear or display (several separated by"
                + " commas)", failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"video\"/>")).getMessage());
        assertEquals("line 3: AdBreak repeatAfter \"50%\" is not a HH:MM:SS[.mmm] time",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\" repeatAfter=\"50%\"/>"))
                        .getMessage());
        assertEquals("line 4: Tracking event \"midpoint\" is not breakStart, breakEnd or error",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:TrackingEvents>",
                        "<vmap:Tracking event=\"midpoint\">https://t.example/m</vmap:Tracking>",
                        "</vmap:TrackingEvents></vmap:AdBreak>")).getMessage());
        assertEquals("line 4: Tracking has no URL",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:TrackingEvents>",
                        "<vmap:Tracking event=\"error\"> <![CDATA[  ]]> </vmap:Tracking>",
                        "</vmap:TrackingEvents></vmap:AdBreak>")).getMessage());
        assertEquals("line 4: AdTagURI templateType \"vast4\" is not vast1, vast2, vast3 or proprietary",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:AdSource>",
                        "<vmap:AdTagURI templateType=\"vast4\">https://a.example/v</vmap:AdTagURI>",
                        "</vmap:AdSource></vmap:AdBreak>")).getMessage());
        assertEquals("line 5: AdSource has more than one of VASTAdData, AdTagURI and CustomAdData",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:AdSource>",
                        "<vmap:AdTagURI templateType=\"vast3\">https://a.example/v</vmap:AdTagURI>",
                        "<vmap:AdTagURI templateType=\"vast3\">https://a.example/w</vmap:AdTagURI>",
                        "</vmap:AdSource></vmap:AdBreak>")).getMessage());
        assertEquals("line 3: AdSource allowMultipleAds \"yes\" is not true or false",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:AdSource"
                        + " allowMultipleAds=\"yes\"/></vmap:AdBreak>")).getMessage());
        assertEquals("line 3: VASTAdData has no VAST document",
                failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:AdSource><vmap:VASTAdData>"
                        + "none</vmap:VASTAdData></vmap:AdSource></vmap:AdBreak>")).getMessage());
        assertEquals("line 4: Extension has no type",
                failure(vmap("<vmap:Extensions>", "<vmap:Extension><x/></vmap:Extension>", "</vmap:Extensions>"))
                        .getMessage());
        assertEquals("line 2: VMAP has no version",
                failure("<?xml version=\"1.0\"?>\n<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\"/>")
                        .getMessage());
        assertEquals("line 1: the root element is <VAST>, not VMAP",
                failure("<VAST version=\"4.2\"/>").getMessage());
        assertEquals("line 1: the root element is <VMAP> in namespace \"urn:other\", not VMAP",
                failure("<VMAP xmlns=\"urn:other\" version=\"1.0\"/>").getMessage());
    }

    @Test
    void xmlThatIsNotWellFormedIsReportedWithTheLineOfTheFault() {
        VmapParseException broken = failure(vmap("<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\">",
                "</vmap:AdSource>"));
        assertEquals(4, broken.line(), broken.getMessage());
        assertTrue(broken.problem().startsWith("not well-formed XML: "), broken.getMessage());

        VmapParseException trailing = failure(vmap() + "<junk");
        assertTrue(trailing.problem().startsWith("not well-formed XML: "), trailing.getMessage());

        VmapParseException entity = failure(vmap("<vmap:AdBreak timeOffset=\"&x;\" breakType=\"linear\"/>"));
        assertEquals(3, entity.line(), entity.getMessage());
    }

    @Test
    void aDocumentOverTheSizeCapIsRefused() {
        VmapParser small = new VmapParser(new SafeXml(64));
        VmapParseException e = assertThrows(VmapParseException.class, () -> small.parse(utf8(vmap())));
        assertTrue(e.getMessage().contains("over the 64-byte limit"), e.getMessage());
    }
}
