package io.podium.ssai.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One hand-made broken playlist (or more) per rule; each problem is checked with its line. */
class HlsCheckerTest {
    private final HlsChecker checker = new HlsChecker();

    private List<String> check(String... lines) {
        return summary(checker.check(String.join("\n", lines) + "\n"));
    }

    /** Each problem as {@code "<line> <SEVERITY> <rule>"}. */
    private static List<String> summary(List<HlsProblem> problems) {
        return problems.stream().map(p -> p.line() + " " + p.severity() + " " + p.rule()).collect(Collectors.toList());
    }

    @Test
    void aValidMediaPlaylistHasNoProblem() {
        assertEquals(List.of(), check("#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-MEDIA-SEQUENCE:0", "#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MAP:URI=\"init.mp4\"",
                "#EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:00Z",
                "#EXT-X-DATERANGE:ID=\"a\",START-DATE=\"2024-05-01T10:00:00Z\",DURATION=6",
                "#EXTINF:6.4,", "#EXT-X-BYTERANGE:100@0", "s.m4s", "#EXTINF:5.5,", "#EXT-X-BYTERANGE:100", "s.m4s",
                "#EXT-X-ENDLIST"));
    }

    @Test
    void everyStandardRuleHasItsOwnId() {
        List<String> ids = HlsChecker.standardRules().stream().map(HlsRule::id).collect(Collectors.toList());
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(15, ids.size());
    }

    @Test
    void segmentLongerThanTheTargetDurationAfterRounding() {
        assertEquals(List.of("6 ERROR target-duration"), check("#EXTM3U", "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:6", "#EXTINF:6.49,", "a.ts", "#EXTINF:6.5,", "b.ts"));
        assertEquals(List.of("1 ERROR target-duration"), check("#EXTM3U", "#EXTINF:6,", "a.ts"));
        assertEquals(List.of("2 ERROR target-duration"), check("#EXTM3U", "#EXT-X-TARGETDURATION:-1"));
    }

    @Test
    void versionTooLowForTheFeaturesUsed() {
        assertEquals(List.of("4 ERROR version"), check("#EXTM3U", "#EXT-X-VERSION:2", "#EXT-X-TARGETDURATION:6",
                "#EXTINF:5.5,", "a.ts", "#EXTINF:5.5,", "b.ts"));
        assertEquals(List.of("5 ERROR version"), check("#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:6",
                "#EXTINF:6,", "#EXT-X-BYTERANGE:10@0", "a.ts"));
        assertEquals(List.of("3 ERROR version"), check("#EXTM3U", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-KEY:METHOD=AES-128,URI=\"k\",IV=0x01", "#EXTINF:6,", "a.ts"));
        assertEquals(List.of("4 ERROR version"), check("#EXTM3U", "#EXT-X-VERSION:4", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://k\",KEYFORMAT=\"com.apple.streamingkeydelivery\"",
                "#EXTINF:6,", "a.ts"));
        assertEquals(List.of("4 ERROR version"), check("#EXTM3U", "#EXT-X-VERSION:5", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-MAP:URI=\"init.mp4\"", "#EXTINF:6,", "a.m4s"));
        assertEquals(List.of(), check("#EXTM3U", "#EXT-X-VERSION:5", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-I-FRAMES-ONLY", "#EXT-X-MAP:URI=\"init.mp4\"", "#EXTINF:6,", "#EXT-X-BYTERANGE:10@0", "a.m4s"),
                "an I-frame playlist needs only version 5 for EXT-X-MAP");
        assertEquals(List.of("3 ERROR version"), check("#EXTM3U", "#EXT-X-VERSION:6",
                "#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID=\"cc\",NAME=\"cc\",INSTREAM-ID=\"SERVICE1\""));
        assertEquals(List.of("3 WARNING version"), check("#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-ALLOW-CACHE:YES",
                "#EXT-X-TARGETDURATION:6", "#EXTINF:6,", "a.ts"));
    }

    @Test
    void versionProblemNamesTheFeatureAndTheDeclaredVersion() {
        HlsProblem p = checker.check("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\n"
                + "#EXT-X-BYTERANGE:10@0\na.ts\n").get(0);
        assertEquals("EXT-X-BYTERANGE needs EXT-X-VERSION 4 or higher; the playlist declares version 3 (RFC 8216 §7)",
                p.message());
    }

    @Test
    void negativeSequenceNumbers() {
        assertEquals(List.of("3 ERROR sequence-number", "4 ERROR sequence-number"), check("#EXTM3U",
                "#EXT-X-TARGETDURATION:6", "#EXT-X-MEDIA-SEQUENCE:-1", "#EXT-X-DISCONTINUITY-SEQUENCE:-2",
                "#EXTINF:6,", "a.ts"));
    }

    @Test
    void sequenceTagsAfterTheFirstSegment() {
        assertEquals(List.of("5 ERROR tag-position", "6 ERROR tag-position"), check("#EXTM3U",
                "#EXT-X-TARGETDURATION:6", "#EXTINF:6,", "a.ts", "#EXT-X-MEDIA-SEQUENCE:1",
                "#EXT-X-DISCONTINUITY-SEQUENCE:1", "#EXTINF:6,", "b.ts"));
        assertEquals(List.of("4 ERROR tag-position"), check("#EXTM3U", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-DISCONTINUITY", "#EXT-X-DISCONTINUITY-SEQUENCE:1", "#EXTINF:6,", "a.ts"),
                "between the first segment's tags and its EXTINF counts as after its start");
    }

    @Test
    void repeatedPlaylistWideTag() {
        assertEquals(List.of("4 ERROR duplicate-tag"), check("#EXTM3U", "#EXT-X-VERSION:3",
                "#EXT-X-TARGETDURATION:6", "#EXT-X-VERSION:4", "#EXTINF:6,", "a.ts"));
        assertEquals(List.of("3 ERROR duplicate-tag"), check("#EXTM3U", "#EXT-X-INDEPENDENT-SEGMENTS",
                "#EXT-X-INDEPENDENT-SEGMENTS", "#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1.640028\"", "a.m3u8"));
    }

    @Test
    void fragmentedMp4WithoutMapIsWarnedOnceOnTheFirstSegment() {
        List<HlsProblem> problems = checker.check("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\na.ts\n"
                + "#EXTINF:6,\nb.m4s?token=1\n#EXTINF:6,\nc.cmfv\n");
        assertEquals(List.of("5 WARNING init-section"), summary(problems));
        assertTrue(problems.get(0).message().contains("(2 such segments)"), problems.get(0).message());
    }

    @Test
    void byteRangeWithoutOffsetThatDoesNotContinueTheSameResource() {
        assertEquals(List.of("4 ERROR byte-range", "10 ERROR byte-range", "13 ERROR byte-range"), check("#EXTM3U",
                "#EXT-X-VERSION:4", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-BYTERANGE:10", "#EXTINF:6,", "a.ts",
                "#EXTINF:6,", "b.ts",
                "#EXTINF:6,", "#EXT-X-BYTERANGE:10", "b.ts",
                "#EXTINF:6,", "#EXT-X-BYTERANGE:10", "c.ts"));
    }

    @Test
    void vodPlaylistWithoutEndlist() {
        assertEquals(List.of("3 ERROR endlist"), check("#EXTM3U", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-PLAYLIST-TYPE:VOD", "#EXTINF:6,", "a.ts"));
        assertEquals(List.of(), check("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXT-X-PLAYLIST-TYPE:EVENT",
                "#EXTINF:6,", "a.ts"));
    }

    @Test
    void keyAttributesThatDisagreeWithTheMethod() {
        assertEquals(List.of("3 ERROR key", "6 ERROR key", "9 WARNING key"), check("#EXTM3U",
                "#EXT-X-TARGETDURATION:6",
                "#EXT-X-KEY:METHOD=NONE,URI=\"k\"", "#EXTINF:6,", "a.ts",
                "#EXT-X-KEY:METHOD=AES-128", "#EXTINF:6,", "b.ts",
                "#EXT-X-KEY:METHOD=ROT13,URI=\"k\"", "#EXTINF:6,", "c.ts"));
        assertEquals(List.of("2 ERROR key"), check("#EXTM3U", "#EXT-X-SESSION-KEY:METHOD=NONE"));
    }

    @Test
    void dateRangesMissingAttributesOrInconsistent() {
        assertEquals(List.of("4 ERROR daterange", "4 ERROR daterange", "5 ERROR daterange", "6 ERROR daterange",
                "7 ERROR daterange"), check("#EXTM3U", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:00Z",
                "#EXT-X-DATERANGE:DURATION=1",
                "#EXT-X-DATERANGE:ID=\"b\",START-DATE=\"2024-05-01T10:00:10Z\",END-DATE=\"2024-05-01T10:00:00Z\"",
                "#EXT-X-DATERANGE:ID=\"c\",START-DATE=\"2024-05-01T10:00:00Z\",END-ON-NEXT=YES",
                "#EXT-X-DATERANGE:ID=\"d\",CLASS=\"x\",START-DATE=\"2024-05-01T10:00:00Z\",DURATION=5,END-ON-NEXT=YES",
                "#EXTINF:6,", "a.ts"));
        assertEquals(List.of("3 ERROR daterange"), check("#EXTM3U", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-DATERANGE:ID=\"a\",START-DATE=\"2024-05-01T10:00:00Z\"", "#EXTINF:6,", "a.ts"),
                "a date range needs a program date-time in the playlist");
    }

    @Test
    void variantWithoutBandwidth() {
        assertEquals(List.of("2 ERROR bandwidth", "4 ERROR bandwidth"), check("#EXTM3U",
                "#EXT-X-STREAM-INF:CODECS=\"avc1.640028\"", "a.m3u8",
                "#EXT-X-I-FRAME-STREAM-INF:CODECS=\"avc1.640028\",URI=\"i.m3u8\""));
    }

    @Test
    void variantWithoutCodecsIsAWarning() {
        assertEquals(List.of("2 WARNING codecs"), check("#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=1", "a.m3u8"));
    }

    @Test
    void renditionAttributesThatBreakTheRules() {
        assertEquals(List.of("2 ERROR rendition", "3 ERROR rendition", "4 ERROR rendition", "4 ERROR rendition",
                "5 ERROR rendition", "6 ERROR rendition"), check("#EXTM3U",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",URI=\"a.m3u8\"",
                "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"s\",NAME=\"sv\"",
                "#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID=\"c\",NAME=\"cc\",URI=\"cc.m3u8\"",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"en\",FORCED=NO,URI=\"en.m3u8\"",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"b\",NAME=\"fr\",DEFAULT=YES,AUTOSELECT=NO,URI=\"fr.m3u8\""));
    }

    @Test
    void variantNamingAGroupThatDoesNotExistAndGroupWithTwoDefaults() {
        List<HlsProblem> problems = checker.check(String.join("\n", "#EXTM3U",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"en\",DEFAULT=YES,AUTOSELECT=YES,URI=\"en.m3u8\"",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"fr\",DEFAULT=YES,AUTOSELECT=YES,URI=\"fr.m3u8\"",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"subs\",NAME=\"sv\",URI=\"sv.m3u8\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1.640028\",AUDIO=\"aac\",SUBTITLES=\"subs\","
                        + "CLOSED-CAPTIONS=NONE",
                "a.m3u8"));
        assertEquals(List.of("3 ERROR rendition-group", "5 ERROR rendition-group"), summary(problems));
        assertEquals("EXT-X-STREAM-INF names SUBTITLES group \"subs\", but no EXT-X-MEDIA of TYPE=SUBTITLES has that"
                + " GROUP-ID (RFC 8216 §4.3.4.2)", problems.get(1).message());
    }

    @Test
    void strayLineInAMaster() {
        assertEquals(List.of("4 ERROR stray-line"), check("#EXTM3U",
                "#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1.640028\"", "a.m3u8", "b.m3u8"));
    }

    @Test
    void unreadableTextIsOneSyntaxProblemOnItsLine() {
        List<HlsProblem> problems = checker.check("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:-1,\na.ts\n");
        assertEquals(List.of(HlsProblem.error(HlsChecker.SYNTAX, 3, "negative #EXTINF duration -1")), problems);
        assertTrue(HlsChecker.hasErrors(problems));
    }

    @Test
    void aModelIsCheckedWithTheLinesOfItsWrittenForm() {
        MediaPlaylist model = MediaPlaylist.builder().version(3).targetDuration(4L)
                .addSegment(MediaSegment.builder("a.ts", DecimalSeconds.ofMicros(4_000_000)).build())
                .addSegment(MediaSegment.builder("b.ts", DecimalSeconds.ofMicros(5_000_000)).build())
                .build();
        List<HlsProblem> problems = checker.check(model);

        assertEquals(List.of("6 ERROR target-duration"), summary(problems));
        assertEquals("#EXTINF:5,", new HlsWriter().write(model).split("\n")[5]);
    }

    @Test
    void onlyTheGivenRulesRun() {
        HlsChecker codecsOnly = new HlsChecker(new HlsParser(), List.of(new CodecsRule()));
        assertEquals(List.of(), summary(codecsOnly.check("#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:9,\na.ts\n")));
        assertFalse(HlsChecker.hasErrors(codecsOnly.check("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\na.m3u8\n")));
    }
}
