package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MpdWriterTest {
    private final MpdParser parser = new MpdParser();
    private final MpdWriter writer = new MpdWriter();

    static Stream<String> fixtures() {
        return Stream.concat(DashFixtures.CONTENT.stream(), DashFixtures.ADS.stream());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureReadsBackToAnEqualModelAndTheSameBytes(String fixture) throws Exception {
        Mpd mpd = DashFixtures.mpd(fixture);

        String written = writer.write(mpd);
        Mpd back = parser.parse(written);

        assertEquals(mpd, back);
        assertEquals(written, writer.write(back));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureIsWrittenInTheGoldenCanonicalForm(String fixture) {
        DashFixtures.assertGolden("canonical/" + fixture.substring(fixture.indexOf('/') + 1),
                writer.write(DashFixtures.mpd(fixture)));
    }

    @Test
    void escapesWhatXmlCannotCarryAsIs() throws Exception {
        Representation r = new Representation("a&b \"q\"", 1, null, null, null, null, null, null,
                List.of(new BaseUrl("seg?a=1&b=<2>", List.of(XmlAttribute.of("serviceLocation", "tab\there\nline")))),
                null, null, List.of(), List.of());
        Mpd mpd = mpd(new AdaptationSet(1L, null, null, null, null, null, null, List.of(), List.of(), List.of(), null,
                List.of(r), List.of(), List.of()));

        String written = writer.write(mpd);

        assertTrue(written.contains("<Representation id=\"a&amp;b &quot;q&quot;\" bandwidth=\"1\">"), written);
        assertTrue(written.contains("<BaseURL serviceLocation=\"tab&#9;here&#10;line\">seg?a=1&amp;b=&lt;2&gt;</BaseURL>"),
                written);
        assertEquals(mpd, parser.parse(written));
    }

    @Test
    void declaresTheNamespaceOfAnOtherAttributeWhereTheMpdElementDoesNot() throws Exception {
        XmlAttribute xlink = new XmlAttribute("http://www.w3.org/1999/xlink", "xlink", "actuate", "onLoad");
        AdaptationSet set = new AdaptationSet(1L, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                null, List.of(), List.of(xlink), List.of());

        String written = writer.write(mpd(set));

        assertTrue(written.contains("<AdaptationSet id=\"1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " xlink:actuate=\"onLoad\"/>"), written);
        assertEquals(mpd(set), parser.parse(written));
    }

    @Test
    void putsElementsItKeepsRawWhereTheSchemaWantsThem() throws Exception {
        RawElement supplemental = new RawElement(Mpd.NAMESPACE, "SupplementalProperty",
                "<SupplementalProperty schemeIdUri=\"urn:example\" value=\"1\"/>");
        RawElement accessibility = new RawElement(Mpd.NAMESPACE, "Accessibility",
                "<Accessibility schemeIdUri=\"urn:example:a\" value=\"2\"/>");
        RawElement foreign = new RawElement("urn:x", "Thing", "<x:Thing xmlns:x=\"urn:x\"/>");
        RawElement protection = new RawElement(Mpd.NAMESPACE, "ContentProtection",
                "<ContentProtection schemeIdUri=\"urn:mpeg:dash:mp4protection:2011\" value=\"cenc\"/>");
        SegmentTemplate template = new SegmentTemplate("$Number$.m4s", null, 1L, null, 2L, null, null, List.of(),
                List.of());
        Representation rep = new Representation("r", 1, null, null, null, null, null, null, List.of(), null, null,
                List.of(), List.of());
        AdaptationSet set = new AdaptationSet(7L, null, null, null, null, null, null,
                List.of(new Descriptor("urn:mpeg:dash:role:2011", "main", null)), List.of(protection),
                List.of(BaseUrl.of("v/")), template, List.of(rep), List.of(),
                List.of(foreign, accessibility, supplemental));

        String written = writer.write(mpd(set));

        List<String> order = new ArrayList<>();
        for (String line : written.split("\n")) {
            String t = line.strip();
            if (t.startsWith("<") && !t.startsWith("</") && !t.startsWith("<?")) {
                order.add(t.substring(1).split("[ />]")[0]);
            }
        }
        assertEquals(List.of("MPD", "Period", "AdaptationSet", "ContentProtection", "SupplementalProperty",
                "Accessibility", "Role", "BaseURL", "SegmentTemplate", "Representation", "x:Thing"), order);
        Mpd back = parser.parse(written);
        assertEquals(set.contentProtections(), back.periods().get(0).adaptationSets().get(0).contentProtections());
    }

    @Test
    void writesDurationsCanonicallyAndLeavesOutWhatIsNotSet() {
        Mpd mpd = new Mpd("p", null, 90_500_000L, 1_500_000L, null, List.of(),
                List.of(new Period(null, null, 3_600_000_000L, List.of(), null, List.of(), List.of(), List.of(),
                        List.of())),
                List.of(), List.of(), List.of());

        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="p" mediaPresentationDuration="PT1M30.5S" \
                minBufferTime="PT1.5S">
                  <Period duration="PT1H"/>
                </MPD>
                """, writer.write(mpd));
    }

    private static Mpd mpd(AdaptationSet set) {
        return new Mpd("urn:mpeg:dash:profile:isoff-live:2011", "static", 1_000_000L, 1_000_000L, null, List.of(),
                List.of(new Period("p", null, null, List.of(), null, List.of(), List.of(set), List.of(), List.of())),
                List.of(), List.of(), List.of());
    }
}
