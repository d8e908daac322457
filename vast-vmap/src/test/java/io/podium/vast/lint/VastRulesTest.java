package io.podium.vast.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.parse.VastParser;
import io.podium.vast.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each prose rule, broken once, is reported with its rule name and line. */
class VastRulesTest {
    private final VastParser parser = new VastParser(new SafeXml(1 << 16));
    private final VastRules rules = new VastRules();

    /** A valid 4.2 inline ad whose lines are known; {@code %s} slots let a test break one part. */
    private static String ad(String seq, String inlineExtra, String linearAttrs, String duration, String media,
                             String tracking) {
        return """
                <Ad id="a" sequence="%s">
                <InLine>
                <AdSystem>S</AdSystem>
                <Impression>https://i.example/imp</Impression>
                <AdServingId>srv</AdServingId>
                <AdTitle>T</AdTitle>%s
                <Creatives>
                <Creative>
                <Linear%s>
                <TrackingEvents>%s</TrackingEvents>
                <Duration>%s</Duration>
                <MediaFiles>
                %s
                </MediaFiles>
                </Linear>
                <UniversalAdId idRegistry="ad-id.org">U</UniversalAdId>
                </Creative>
                </Creatives>
                </InLine>
                </Ad>
                """.formatted(seq, inlineExtra, linearAttrs, tracking, duration, media);
    }

    private static final String MEDIA =
            "<MediaFile delivery=\"progressive\" type=\"video/mp4\" width=\"640\" height=\"360\">https://c.example/a.mp4</MediaFile>";

    private List<LintProblem> check(String... ads) throws Exception {
        String doc = "<VAST version=\"4.2\">\n" + String.join("", ads) + "</VAST>";
        return rules.check(parser.parseWithLines(doc.getBytes(StandardCharsets.UTF_8)));
    }

    private static String good(String seq) {
        return ad(seq, "", "", "00:00:15", MEDIA, "<Tracking event=\"start\">https://t.example/s</Tracking>");
    }

    @Test
    void aCompleteAdBreaksNoRule() throws Exception {
        assertEquals(List.of(), check(good("1"), good("2")));
    }

    @Test
    void sequencesArePositiveAndUnique() throws Exception {
        List<LintProblem> p = check(good("1"), good("1"), good("zero"));
        assertEquals(List.of(new LintProblem(22, "sequence", "Ad sequence 1 is used twice (first on line 2)"),
                new LintProblem(42, "sequence", "Ad sequence \"zero\" is not a positive integer")), p);
    }

    @Test
    void timesMustBeClockTimesOrPercentages() throws Exception {
        List<LintProblem> p = check(ad("1", "", " skipoffset=\"5 seconds\"", "15s", MEDIA,
                "<Tracking event=\"progress\" offset=\"half\">https://t.example/p</Tracking>"
                        + "<Tracking event=\"progress\">https://t.example/p</Tracking>"));
        assertEquals(List.of(new LintProblem(10, "time", "skipoffset \"5 seconds\" is neither HH:MM:SS(.mmm) nor n%"),
                new LintProblem(11, "time", "offset \"half\" is neither HH:MM:SS(.mmm) nor n%"),
                new LintProblem(11, "event", "a progress event needs an offset"),
                new LintProblem(12, "time", "Duration \"15s\" is not HH:MM:SS or HH:MM:SS.mmm")), p);
    }

    @Test
    void requiredPartsAreNamed() throws Exception {
        String doc = """
                <VAST version="4.2">
                <Ad id="a"><InLine>
                <Creatives><Creative><Linear></Linear></Creative></Creatives>
                </InLine></Ad>
                <Ad id="w"><Wrapper><AdSystem>S</AdSystem><Impression>https://i/</Impression></Wrapper></Ad>
                </VAST>""";
        List<String> messages = rules.check(parser.parseWithLines(doc.getBytes(StandardCharsets.UTF_8))).stream()
                .map(LintProblem::toString).toList();
        assertEquals(List.of(
                "2: required: InLine needs an AdSystem with the ad server's name",
                "2: required: InLine needs at least one Impression",
                "2: required: InLine needs an AdTitle",
                "2: required: InLine needs an AdServingId (VAST 4.1 and later)",
                "3: required: Creative needs a UniversalAdId (VAST 4.x)",
                "3: required: Linear needs a Duration",
                "3: required: Linear needs at least one MediaFile",
                "5: required: Wrapper needs a VASTAdTagURI"), messages);
    }

    @Test
    void repeatedSingletonsUnknownEventsBadUrlsPricingAndMediaAreReported() throws Exception {
        String media = "<MediaFile delivery=\"download\" type=\"\" width=\"0\" height=\"360\">ftp://c.example/a.mp4</MediaFile>";
        List<LintProblem> p = check(ad("1", "\n<AdTitle>Again</AdTitle><Pricing model=\"cpx\" currency=\"dollars\">"
                        + "1,5</Pricing>", "", "00:00:15", media, "<Tracking event=\"firstQuartle\"></Tracking>"));
        List<String> s = p.stream().map(LintProblem::toString).toList();
        assertTrue(s.contains("7: once: InLine has 2 AdTitle elements; one is allowed"), s.toString());
        assertTrue(s.contains("8: pricing: Pricing model \"cpx\" is not CPM, CPC, CPE or CPV"), s.toString());
        assertTrue(s.contains("8: pricing: Pricing currency \"dollars\" is not a three-letter ISO 4217 code"), s.toString());
        assertTrue(s.contains("8: pricing: Pricing value \"1,5\" is not a decimal number"), s.toString());
        assertTrue(s.contains("12: event: unknown tracking event \"firstQuartle\""), s.toString());
        assertTrue(s.contains("12: url: Tracking URL is empty"), s.toString());
        assertTrue(s.contains("15: url: MediaFile URL \"ftp://c.example/a.mp4\" is not an absolute http(s) URL"), s.toString());
        assertTrue(s.contains("15: media: MediaFile delivery \"download\" is neither progressive nor streaming"), s.toString());
        assertTrue(s.contains("15: media: MediaFile needs a MIME type"), s.toString());
        assertTrue(s.contains("15: media: MediaFile width and height must be positive integers"), s.toString());
        assertEquals(10, p.size(), s.toString());
    }

    @Test
    void audioMayHaveNoPicture() throws Exception {
        String audio = "<MediaFile delivery=\"progressive\" type=\"audio/mp4\" width=\"0\" height=\"0\">https://c.example/a.m4a</MediaFile>";
        assertEquals(List.of(), check(ad("1", "", "", "00:00:30", audio, "")));
    }
}
