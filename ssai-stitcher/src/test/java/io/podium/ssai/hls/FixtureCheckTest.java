package io.podium.ssai.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the checker says about the real-world fixtures. Some are broken (durations above the
 * target, VOD without ENDLIST, a pasted curl line, missing audio groups): their problems are
 * recorded in the golden report {@code golden/hls/fixture-check-report.txt}, not hidden.
 */
class FixtureCheckTest {
    private final HlsChecker checker = new HlsChecker();

    @Test
    void reportOverAllFixturesIsTheGoldenReport() {
        StringBuilder report = new StringBuilder();
        report.append("# HlsChecker over fixtures/hls: per playlist, each rule that fired, how often, and its first"
                + " problem.\n# Playlists not listed have no problem.\n");
        for (String name : HlsFixtures.allPlaylists()) {
            List<HlsProblem> problems = checker.check(HlsFixtures.read(name));
            if (problems.isEmpty()) {
                continue;
            }
            report.append(name).append('\n');
            Map<String, List<HlsProblem>> byRule = problems.stream().collect(Collectors.groupingBy(
                    p -> p.severity() + " " + p.rule(), LinkedHashMap::new, Collectors.toList()));
            byRule.forEach((rule, list) -> report.append("  ").append(rule).append(" x").append(list.size())
                    .append(", first on line ").append(list.get(0).line()).append(": ")
                    .append(list.get(0).message()).append('\n'));
        }
        io.podium.ssai.testing.GoldenFiles.assertMatches("golden/hls/fixture-check-report.txt", report.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "hls_abr7/master.m3u8", "hls_abr7/master590000.m3u8", "hls_cmaf_1/master.m3u8",
        "hls_cmaf_1/test-video=2500000.m3u8", "hls_byterange/master.m3u8", "hls_byterange/VIDEO_sdr_360p.m3u8",
        "hls_byterange_no_offset/audio.m3u8", "hls_wv_fairplay/video_index.m3u8", "hls_fairplay_ts/audio_index.m3u8",
        "hls_widevine/index.m3u8", "hls_dolby/index.m3u8", "hls_subs7_demux/master.m3u8", "hls1/master.m3u8"})
    void validFixtureHasNoProblem(String fixture) {
        assertEquals(List.of(), checker.check(HlsFixtures.read(fixture)));
    }

    @Test
    void brokenDemuxFixtureHasSegmentsLongerThanItsTargetDuration() {
        List<HlsProblem> problems = checker.check(HlsFixtures.read("hls_ts_vas_demux_broken/media7070700.m3u8"));

        assertTrue(problems.stream().allMatch(p -> p.rule().equals(TargetDurationRule.ID)), problems::toString);
        assertEquals(9, problems.get(0).line());
        assertEquals("EXTINF duration 10.0000 rounds to 10 s, above EXT-X-TARGETDURATION 5 (RFC 8216 §4.3.3.1)",
                problems.get(0).message());
        assertEquals(List.of(), checker.check(HlsFixtures.read("hls_ts_vas_demux_broken/master.m3u8")));
    }

    @Test
    void strayCurlLineInAMasterIsReportedNotRefused() {
        List<HlsProblem> problems = checker.check(HlsFixtures.read("hls_noaudioonly/master.m3u8"));

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(StrayLineRule.ID, problems.get(0).rule());
        assertEquals(26, problems.get(0).line());
    }
}
