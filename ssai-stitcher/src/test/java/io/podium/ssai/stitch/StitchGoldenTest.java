package io.podium.ssai.stitch;

import static io.podium.ssai.stitch.StitchFixtures.ad;
import static io.podium.ssai.stitch.StitchFixtures.ads;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.ssai.hls.HlsChecker;
import io.podium.ssai.hls.HlsProblem;
import io.podium.ssai.hls.HlsWriter;
import io.podium.ssai.hls.MasterPlaylist;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stitched playlists pinned in {@code stitch/golden/}: transport stream muxed, CMAF with
 * EXT-X-MAP, demuxed audio and subtitles, byte ranges (with and without offsets), encrypted
 * content (SAMPLE-AES over TS byte ranges; fMP4 with a key after a discontinuity), dated content
 * with date ranges, a slate, and stitched masters. Each is also checked for errors and with the
 * general assertions.
 */
class StitchGoldenTest {
    private static final HlsWriter WRITER = new HlsWriter();

    static Stream<Arguments> cases() {
        List<Break> hls1 = List.of(new Break("pre", Break.PRE_ROLL, ads("ad-15s")),
                new Break("mid-600", 600_000_000L, ads("ad-30s", "ad-20s-muxed")),
                new Break("post", Break.POST_ROLL, ads("ad-15s")));
        List<Break> cmaf = List.of(new Break("mid-30", 30_000_000L, ads("ad-15s", "ad-30s")),
                new Break("post", Break.POST_ROLL, ads("ad-30s")));
        List<Break> abr7 = StitchFixtures.content("hls_abr7/master590000.m3u8").snap(List.of(
                new Break("pre", Break.PRE_ROLL, ads("ad-15s")),
                new Break("mid-60", 60_000_000L, ads("ad-30s", "ad-15s"))));
        List<Break> byterange = StitchFixtures.content("hls_byterange/VIDEO_sdr_360p.m3u8").snap(List.of(
                new Break("mid-30", 30_000_000L, ads("ad-15s"))));
        List<Break> noOffset = List.of(new Break("mid-30", 30_000_000L, ads("ad-15s")),
                new Break("post", Break.POST_ROLL, ads("ad-30s")));
        List<Break> fairplay = List.of(new Break("pre", Break.PRE_ROLL, ads("ad-20s-muxed")),
                new Break("mid-60", 60_000_000L, ads("ad-15s")));
        List<Break> widevine = List.of(new Break("mid-20", 20_000_000L, ads("ad-15s")));
        List<Break> dated = StitchFixtures.content("hls_subs7_demux/media7070700.m3u8").snap(List.of(
                new Break("pre", Break.PRE_ROLL, ads("ad-15s")),
                new Break("mid-60", 60_000_000L, ads("ad-30s"))));
        List<Break> slate = List.of(new Break("unsold", 30_000_000L, 12_000_000L,
                List.of(StitchFixtures.adWithoutMedia("ad-15s"))));
        StitchOptions withSlate = StitchOptions.DEFAULTS.withSlate(ad("slate"));
        return Stream.of(
                arguments("ts-muxed/hls1-1497000", "hls1", "master.m3u8", "hls1/1497000.m3u8", hls1,
                        StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("ts-muxed/hls1-1497000-routed", "hls1", "master.m3u8", "hls1/1497000.m3u8", hls1,
                        StitchOptions.DEFAULTS.withCueTags(false), TestLinkers.ROUTING),
                arguments("cmaf/hls_cmaf_1-video-2500000", "hls_cmaf_1", "master.m3u8",
                        "hls_cmaf_1/test-video=2500000.m3u8", cmaf, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("cmaf/hls_cmaf_1-audio-sv", "hls_cmaf_1", "master.m3u8",
                        "hls_cmaf_1/test-audio=256000.m3u8", cmaf, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("demuxed/hls_abr7-video-590000", "hls_abr7", "master.m3u8", "hls_abr7/master590000.m3u8",
                        abr7, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("demuxed/hls_abr7-audio-en", "hls_abr7", "master.m3u8",
                        "hls_abr7/master-audio-aacl-128_en.m3u8", abr7, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("demuxed/hls_abr7-subtitles-sv", "hls_abr7", "master.m3u8",
                        "hls_abr7/master-subtitles_sv.m3u8", abr7, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("byterange/hls_byterange-video-360p", "hls_byterange", "master.m3u8",
                        "hls_byterange/VIDEO_sdr_360p.m3u8", byterange, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("byterange/hls_byterange-audio-ja", "hls_byterange", "master.m3u8",
                        "hls_byterange/stereo_aac.m3u8", byterange, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("byterange/hls_byterange_no_offset-video-480p", "hls_byterange_no_offset", "index.m3u8",
                        "hls_byterange_no_offset/video-avc-480p.m3u8", noOffset, StitchOptions.DEFAULTS,
                        SegmentLinker.DIRECT),
                arguments("encrypted/hls_fairplay_ts-video", "hls_fairplay_ts", "index.m3u8",
                        "hls_fairplay_ts/video_index.m3u8", fairplay, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("encrypted/hls_wv_fairplay-video", "hls_wv_fairplay", "index.m3u8",
                        "hls_wv_fairplay/video_index.m3u8", widevine, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("dates/hls_subs7_demux-video", "hls_subs7_demux", "master.m3u8",
                        "hls_subs7_demux/media7070700.m3u8", dated, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("dates/hls_subs7_demux-subtitles", "hls_subs7_demux", "master.m3u8",
                        "hls_subs7_demux/subtitle.m3u8", dated, StitchOptions.DEFAULTS, SegmentLinker.DIRECT),
                arguments("slate/hls_cmaf_1-video-2500000", "hls_cmaf_1", "master.m3u8",
                        "hls_cmaf_1/test-video=2500000.m3u8", slate, withSlate, TestLinkers.ROUTING));
    }

    private static Arguments arguments(String name, String folder, String master, String fixture, List<Break> breaks,
            StitchOptions options, SegmentLinker linker) {
        return Arguments.of(name, folder, master, fixture, breaks, options, linker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stitchedPlaylistIsTheGoldenFile(String name, String folder, String master, String fixture,
            List<Break> breaks, StitchOptions options, SegmentLinker linker) {
        ContentMedia content = StitchFixtures.content(fixture);
        Target target = TestLinkers.targetOf(folder, master, fixture);

        StitchedMedia stitched = new HlsStitcher(options).stitchMedia(content, target, breaks, linker);

        StitchAssertions.assertNoErrors(stitched.playlist(), name);
        StitchAssertions.assertWellFormed(content, stitched, name);
        StitchAssertions.assertBreaksFromInputs(content, breaks, options.slate(), stitched, name);
        assertEquals(content.durationMicros() + declared(breaks, options.slate()),
                stitched.playlist().totalDurationMicros(), name + ": content plus the declared ad durations (the"
                        + " test packages last exactly what they declare)");
        io.podium.ssai.testing.GoldenFiles.assertMatches("stitch/golden/" + name + ".m3u8", WRITER.write(stitched.playlist()));
    }

    /** The declared durations of the ads that can play, or of the slate plays filling a break. */
    private static long declared(List<Break> breaks, AdMedia slate) {
        long total = 0;
        for (Break b : breaks) {
            long ads = b.ads().stream().filter(AdMedia::playable).mapToLong(AdMedia::durationMicros).sum();
            if (ads == 0 && slate != null) {
                ads = b.plannedDurationMicros() / slate.durationMicros() * slate.durationMicros();
            }
            total += ads;
        }
        return total;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hls_abr7/master.m3u8", "hls_cmaf_1/master.m3u8", "hls1/master.m3u8",
        "hls_fairplay_ts/index.m3u8"})
    void stitchedMasterIsTheGoldenFile(String fixture) {
        MasterPlaylist content = StitchFixtures.contentMaster(fixture);
        Function<URI, String> mediaUri = u -> "https://podium.test/v1/media.m3u8?src="
                + URLEncoder.encode(u.toString(), StandardCharsets.UTF_8);

        MasterPlaylist stitched = new HlsStitcher(StitchOptions.DEFAULTS).stitchMaster(content,
                StitchFixtures.contentUri(fixture), mediaUri);

        assertEquals(List.of(), new HlsChecker().check(stitched).stream()
                .filter(p -> p.severity() == HlsProblem.Severity.ERROR).toList(), fixture);
        io.podium.ssai.testing.GoldenFiles.assertMatches("stitch/golden/master/" + fixture.replace('/', '-'), WRITER.write(stitched));
    }
}
