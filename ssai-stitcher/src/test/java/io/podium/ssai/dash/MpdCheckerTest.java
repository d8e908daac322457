package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MpdCheckerTest {
    private final MpdChecker checker = new MpdChecker();

    static Stream<String> fixtures() {
        return Stream.concat(DashFixtures.CONTENT.stream(), DashFixtures.ADS.stream());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureHasNoProblem(String fixture) {
        assertEquals(List.of(), checker.check(DashFixtures.bytes(fixture)));
    }

    @Test
    void reportsADuplicatePeriodIdOnItsLine() {
        List<MpdProblem> problems = checker.check(mpd("""
                  <Period id="a" duration="PT2S">%s</Period>
                  <Period id="a" duration="PT2S">%s</Period>
                """.formatted(SET, SET), "PT4S"));

        assertEquals(List.of(MpdProblem.error("period-ids", 3, "Period id \"a\" is used twice")), problems);
    }

    @Test
    void warnsOfAMissingPeriodIdInAMultiPeriodMpd() {
        List<MpdProblem> problems = checker.check(mpd("""
                  <Period id="a" duration="PT2S">%s</Period>
                  <Period duration="PT2S">%s</Period>
                """.formatted(SET, SET), "PT4S"));

        assertEquals(List.of(MpdProblem.warning("period-ids", 3, "Period 1 has no id in a multi-period MPD")), problems);
    }

    @Test
    void reportsAGapAndAnOverlapBetweenPeriods() {
        List<MpdProblem> problems = checker.check(mpd("""
                  <Period id="a" start="PT0S" duration="PT2S">%s</Period>
                  <Period id="b" start="PT3S" duration="PT2S">%s</Period>
                  <Period id="c" start="PT4.5S" duration="PT2S">%s</Period>
                """.formatted(SET, SET, SET), "PT6S"));

        assertEquals(List.of(
                MpdProblem.error("period-timing", 3, "Period \"b\" starts at PT3S, a gap of PT1S after the end of the"
                        + " previous Period (PT2S)"),
                MpdProblem.error("period-timing", 4, "Period \"c\" starts at PT4.5S, overlapping by PT0.5S the end of"
                        + " the previous Period (PT5S)")), problems);
    }

    @Test
    void reportsPeriodsThatDoNotAddUpToTheMediaPresentationDuration() {
        List<MpdProblem> problems = checker.check(mpd("""
                  <Period id="a" duration="PT2S">%s</Period>
                  <Period id="b" duration="PT2S">%s</Period>
                """.formatted(SET, SET), "PT5S"));

        assertEquals(List.of(MpdProblem.error("period-timing", 1,
                "the Periods last PT4S in all but mediaPresentationDuration is PT5S")), problems);
    }

    @Test
    void reportsAPeriodWhoseDurationCannotBeTold() {
        String text = """
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="p" minBufferTime="PT1S">
                  <Period id="a">%s</Period>
                </MPD>
                """.formatted(SET);

        assertEquals(List.of(MpdProblem.error("period-timing", 2, "Period \"a\" has a duration that cannot be told"
                + " (no duration, no mediaPresentationDuration)")), checker.check(text));
    }

    @Test
    void reportsSegmentTemplatesThatCannotBeResolved() {
        List<MpdProblem> problems = checker.check(mpd("""
                  <Period id="a">
                    <AdaptationSet id="1">
                      <SegmentTemplate timescale="0" duration="2" media="$Number$.m4s"/>
                      <Representation id="r1" bandwidth="1"/>
                    </AdaptationSet>
                    <AdaptationSet id="2">
                      <SegmentTemplate media="$Time$-$Bogus$.m4s"/>
                      <Representation id="r2" bandwidth="1"/>
                    </AdaptationSet>
                    <AdaptationSet id="3">
                      <Representation id="r3" bandwidth="1">
                        <SegmentTemplate media="$Number$.m4s" timescale="10">
                          <SegmentTimeline><S t="0" d="10"/><S t="5" d="10"/></SegmentTimeline>
                        </SegmentTemplate>
                      </Representation>
                    </AdaptationSet>
                  </Period>
                """, "PT1.5S"));

        assertEquals(List.of(
                MpdProblem.error("segment-template", 4, "the SegmentTemplate of Representation \"r1\" has timescale 0"),
                MpdProblem.error("segment-template", 8,
                        "the SegmentTemplate of Representation \"r2\" has neither @duration nor a SegmentTimeline"),
                MpdProblem.error("segment-template", 8,
                        "the SegmentTemplate of Representation \"r2\" uses $Time$ without a SegmentTimeline"),
                MpdProblem.error("segment-template", 8,
                        "the SegmentTemplate of Representation \"r2\" uses an unknown identifier $Bogus$"),
                MpdProblem.error("segment-template", 14, "the SegmentTemplate of Representation \"r3\": S 1 starts at 5,"
                        + " before the previous segment ends (10)")),
                problems.stream().sorted(Comparator.comparingInt(MpdProblem::line)
                        .thenComparing(MpdProblem::message)).toList());
    }

    @Test
    void reportsAPresentationTimeOffsetThatTheFirstSegmentDoesNotHold() {
        List<MpdProblem> gap = checker.check(mpd(timelinePeriod("presentationTimeOffset=\"100\"",
                "<S t=\"150\" d=\"100\" r=\"1\"/>"), "PT1.5S"));
        List<MpdProblem> stale = checker.check(mpd(timelinePeriod("presentationTimeOffset=\"100\"",
                "<S t=\"0\" d=\"100\" r=\"2\"/>"), "PT1.5S"));
        List<MpdProblem> fine = checker.check(mpd(timelinePeriod("presentationTimeOffset=\"150\"",
                "<S t=\"100\" d=\"100\" r=\"1\"/>"), "PT1S"));

        assertEquals(List.of(MpdProblem.error("presentation-time-offset", 4, "Representation \"r\": the first segment"
                + " starts at 150, after presentationTimeOffset 100: the Period starts in a gap of 50 ticks")), gap);
        assertEquals(List.of(MpdProblem.error("presentation-time-offset", 4, "Representation \"r\": the first segment"
                + " ends at 100, not after presentationTimeOffset 100")), stale);
        assertEquals(List.of(), fine);
    }

    @Test
    void warnsOfSegmentsEndingBeforeThePeriod() {
        List<MpdProblem> problems = checker.check(mpd(timelinePeriod("", "<S t=\"0\" d=\"100\"/>"), "PT2S"));

        assertEquals(List.of(MpdProblem.warning("presentation-time-offset", 4, "Representation \"r\": the segments"
                + " end at 100, 100 ticks before the Period does")), problems);
    }

    @Test
    void reportsDuplicateAdaptationSetAndRepresentationIdsWithinAPeriod() {
        List<MpdProblem> problems = checker.check(mpd("""
                  <Period id="a">
                    <AdaptationSet id="1">
                      <SegmentTemplate duration="1" media="$Number$.m4s"/>
                      <Representation id="r" bandwidth="1"/>
                    </AdaptationSet>
                    <AdaptationSet id="1">
                      <SegmentTemplate duration="1" media="$Number$.m4s"/>
                      <Representation id="r" bandwidth="1"/>
                    </AdaptationSet>
                  </Period>
                """, "PT2S"));

        assertEquals(List.of(
                MpdProblem.error("adaptation-set-ids", 7, "Period \"a\" has two AdaptationSets with id 1"),
                MpdProblem.error("adaptation-set-ids", 9, "Period \"a\" has two Representations with id \"r\"")),
                problems);
    }

    @Test
    void reportsWhatStopsParsingAsOneSyntaxProblem() {
        List<MpdProblem> problems = checker.check("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">\n<Period start=\"x\"/>\n</MPD>");

        assertEquals(List.of(MpdProblem.error(MpdChecker.SYNTAX, 2,
                "Period@start \"x\" is not an xs:duration (PnDTnHnMnS)")), problems);
    }

    @Test
    void reportsMissingRequiredMpdAttributes() {
        List<MpdProblem> problems = checker.check("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\""
                + " mediaPresentationDuration=\"PT1S\"><Period id=\"a\"/></MPD>");

        assertEquals(List.of(MpdProblem.error("mpd-attributes", 1, "MPD has no profiles"),
                MpdProblem.error("mpd-attributes", 1, "MPD has no minBufferTime")), problems);
    }

    @Test
    void checksAModelAsItIsWritten() {
        Mpd mpd = DashFixtures.mpd("content/number.mpd");
        Period p = mpd.periods().get(0);
        AdaptationSet video = p.adaptationSets().get(0);
        SegmentTemplate negative = video.segmentTemplate().withWindow(-5L, 1L, null);
        AdaptationSet broken = video.with(video.id(), video.baseUrls(), negative, video.representations(),
                video.otherElements());
        Period period = new Period(p.id(), p.startMicros(), p.durationMicros(), p.baseUrls(), null, p.eventStreams(),
                List.of(broken), p.otherAttributes(), p.otherElements());
        Mpd model = new Mpd(mpd.profiles(), mpd.type(), mpd.mediaPresentationDurationMicros(),
                mpd.minBufferTimeMicros(), mpd.maxSegmentDurationMicros(), mpd.baseUrls(), List.of(period),
                mpd.namespaces(), mpd.otherAttributes(), mpd.otherElements());

        List<MpdProblem> problems = checker.check(model);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(MpdChecker.SYNTAX, problems.get(0).rule()); // a negative offset cannot even be written and read
        assertTrue(problems.get(0).message().contains("presentationTimeOffset"), problems.toString());
        assertEquals(List.of(MpdProblem.error("presentation-time-offset", 0,
                "Representation \"v720\": negative presentationTimeOffset")), List.of(
                        new PresentationTimeOffsetRule().check(model, new MpdLines()).get(0)));
    }

    private static final String SET = """
            <AdaptationSet id="1"><SegmentTemplate duration="1" media="$Number$.m4s"/>\
            <Representation id="r" bandwidth="1"/></AdaptationSet>""";

    private static String timelinePeriod(String offset, String entries) {
        return """
                  <Period id="a">
                    <AdaptationSet id="1">
                      <SegmentTemplate media="$Time$.m4s" timescale="100" %s>
                        <SegmentTimeline>%s</SegmentTimeline>
                      </SegmentTemplate>
                      <Representation id="r" bandwidth="1"/>
                    </AdaptationSet>
                  </Period>
                """.formatted(offset, entries);
    }

    private static String mpd(String periods, String duration) {
        return "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"p\" minBufferTime=\"PT1S\" type=\"static\""
                + " mediaPresentationDuration=\"" + duration + "\">\n" + periods + "</MPD>\n";
    }
}
