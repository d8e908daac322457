package io.podium.ssai.stitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.RenditionType;
import io.podium.ssai.hls.Resolution;
import io.podium.ssai.hls.StreamInfo;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which ad rendition a content variant or rendition gets, and what happens when none fits. */
class AdRenditionMatchingTest {
    private static final String TS_CONTENT = "hls1/1497000.m3u8";
    private static final String CMAF_VIDEO = "hls_cmaf_1/test-video=2500000.m3u8";
    private static final String CMAF_AUDIO = "hls_cmaf_1/test-audio=256000.m3u8";
    private final HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);

    private static Target video(long bandwidth, String resolution, String codecs) {
        return Target.variant(StreamInfo.builder().bandwidth(bandwidth)
                .resolution(resolution == null ? null : Resolution.parse(resolution)).codecs(codecs).build());
    }

    /** The ad segment URIs of a stitch with one mid-roll of {@code ad}, relative to the ad server. */
    private StitchedMedia stitch(String fixture, Target target, AdMedia ad) {
        return stitcher.stitchMedia(StitchFixtures.content(fixture), target,
                List.of(new Break("b", 60_000_000L, List.of(ad))), SegmentLinker.DIRECT);
    }

    private static List<String> adUris(StitchedMedia stitched) {
        return stitched.playlist().segments().stream().filter(StitchAssertions::isInserted)
                .map(s -> s.gap() ? "GAP" : StitchFixtures.ADS.relativize(URI.create(s.uri())).toString())
                .collect(Collectors.toList());
    }

    private static String firstAdUri(StitchedMedia stitched) {
        return adUris(stitched).get(0);
    }

    @Test
    void transportStreamVariantGetsTheHighestTransportStreamVariantNotAboveItsBandwidth() {
        StitchedMedia s = stitch(TS_CONTENT, video(2_500_000, "1024x576", "avc1.77.30, mp4a.40.2"),
                StitchFixtures.ad("ad-15s"));

        assertEquals("ad-15s/ts/720p-0.ts", firstAdUri(s), "2.4 Mbit/s TS, not the 1.5 Mbit/s CMAF one");
        assertEquals(List.of(), s.skipped());
    }

    @Test
    void variantBelowEveryAdVariantGetsTheLowest() {
        StitchedMedia s = stitch(TS_CONTENT, video(300_000, "320x180", "avc1.42c00d,mp4a.40.2"),
                StitchFixtures.ad("ad-15s"));

        assertEquals("ad-15s/ts/360p-0.ts", firstAdUri(s));
    }

    @Test
    void fragmentedMp4ContentGetsOnlyFragmentedMp4Variants() {
        StitchedMedia s = stitch(CMAF_VIDEO, video(10_000_000, "1920x1080", "avc1.640028,mp4a.40.2"),
                StitchFixtures.ad("ad-15s"));

        assertEquals("ad-15s/cmaf/1080p-0.m4s", firstAdUri(s));
    }

    @Test
    void codecFamilyComesBeforeBandwidth() {
        Target avc = video(5_000_000, "1920x1080", "avc1.640028,mp4a.40.2");
        Target hevc = video(5_000_000, "1920x1080", "hev1.1.6.L120.90,mp4a.40.2");

        assertEquals("ad-30s/video/avc-720p-0.m4s", firstAdUri(stitch(CMAF_VIDEO, avc, StitchFixtures.ad("ad-30s"))),
                "an AVC variant gets the 2 Mbit/s AVC ad variant, not the 3 Mbit/s HEVC one");
        assertEquals("ad-30s/video/hevc-1080p-0.m4s",
                firstAdUri(stitch(CMAF_VIDEO, hevc, StitchFixtures.ad("ad-30s"))), "hev1 and hvc1 are one family");
    }

    @Test
    void codecFamilyWithoutCandidateFallsBackToAnyVariant() {
        Target av1 = video(5_000_000, "1920x1080", "av01.0.08M.08,mp4a.40.2");

        assertEquals("ad-30s/video/hevc-1080p-0.m4s", firstAdUri(stitch(CMAF_VIDEO, av1, StitchFixtures.ad("ad-30s"))));
    }

    @Test
    void resolutionBreaksABandwidthTie() {
        AdMedia ad = new SyntheticAd("tie", 6_000_000).variant(1_000_000, "1920x1080", "avc1.640028", null, false, "6")
                .variant(1_000_000, "640x360", "avc1.4d401e", null, false, "6")
                .variant(1_000_000, "1280x720", "avc1.4d401f", null, false, "6").build();

        assertEquals("tie/v2-0.ts", firstAdUri(stitch(TS_CONTENT, video(2_000_000, "1280x720", "avc1.4d401f"), ad)));
        assertEquals("tie/v1-0.ts", firstAdUri(stitch(TS_CONTENT, video(2_000_000, "768x432", "avc1.4d401f"), ad)));
        assertEquals("tie/v0-0.ts", firstAdUri(stitch(TS_CONTENT, video(2_000_000, null, "avc1.4d401f"), ad)),
                "without a resolution to compare, the first in master order");
    }

    @Test
    void videoRenditionWithoutAttributesGetsTheHighestBandwidth() {
        Target angle = Target.of(Rendition.builder(RenditionType.VIDEO, "cam",
                "Angle 2").uri("angle2.m3u8").build());

        assertEquals("ad-15s/ts/720p-0.ts", firstAdUri(stitch(TS_CONTENT, angle, StitchFixtures.ad("ad-15s"))));
    }

    @Test
    void audioRenditionGetsTheAdAudioOfItsLanguage() {
        StitchedMedia s = stitch(CMAF_AUDIO, Target.of(rendition("sv")), StitchFixtures.ad("ad-15s"));

        assertEquals("ad-15s/cmaf/audio-sv-0.m4s", firstAdUri(s));
    }

    @Test
    void audioRenditionMatchesThePrimaryLanguageSubtag() {
        StitchedMedia s = stitch(CMAF_AUDIO, Target.of(rendition("SV-fi")), StitchFixtures.ad("ad-15s"));

        assertEquals("ad-15s/cmaf/audio-sv-0.m4s", firstAdUri(s));
    }

    @Test
    void audioRenditionWithoutItsLanguageGetsTheDefaultAudio() {
        StitchedMedia s = stitch(CMAF_AUDIO, Target.of(rendition("sv")), StitchFixtures.ad("ad-30s"));

        assertEquals("ad-30s/audio/fr-0.m4s", firstAdUri(s), "no Swedish: French is the DEFAULT");
    }

    @Test
    void audioRenditionWithoutItsLanguageOrADefaultGetsTheFirstAudio() {
        AdMedia ad = new SyntheticAd("nodefault", 6_000_000).variant(1_000_000, null, "avc1.4d401f", "a", true, "6")
                .audio("a", "de", false, true, "6").audio("a", "it", false, true, "6").build();

        assertEquals("nodefault/a1-0.m4s", firstAdUri(stitch(CMAF_AUDIO, Target.of(rendition("sv")), ad)));
    }

    @Test
    void audioRenditionGetsGapsAndAReasonWhenTheAdAudioIsMuxed() {
        StitchedMedia s = stitch("hls_always_0_demux/aac-en.m3u8", Target.of(rendition("en")),
                StitchFixtures.ad("ad-20s-muxed"));

        assertEquals(List.of("GAP", "GAP", "GAP", "GAP"), adUris(s), "the reference rendition's four durations");
        assertEquals(20_000_000L, s.breaks().get(0).durationMicros());
        assertEquals(List.of(new SkippedAd(0, 0, "ad-20s-muxed", SkippedAd.Reason.NO_AUDIO_RENDITION)), s.skipped());
        assertEquals(405, s.skipped().get(0).reason().vastErrorCode());
        StitchAssertions.assertNoErrors(s.playlist(), "muxed ad in an audio rendition");
    }

    @Test
    void contentGetsGapsAndAReasonWhenTheAdHasNoRenditionInItsContainer() {
        StitchedMedia s = stitch(CMAF_VIDEO, video(2_500_000, "1024x576", "avc1.4D401F"),
                StitchFixtures.ad("ad-20s-muxed"));

        assertEquals(List.of("GAP", "GAP", "GAP", "GAP"), adUris(s));
        assertEquals(List.of(new SkippedAd(0, 0, "ad-20s-muxed", SkippedAd.Reason.CONTAINER_MISMATCH)), s.skipped());
        for (MediaSegment gap : s.playlist().segments().subList(s.breaks().get(0).firstSegment(),
                s.breaks().get(0).firstSegment() + 4)) {
            assertTrue(gap.map() != null, "gaps in fMP4 content keep its EXT-X-MAP in force");
        }
        StitchAssertions.assertNoErrors(s.playlist(), "TS ad in CMAF content");
    }

    @Test
    void subtitleRenditionGetsGapsWithTheReferenceDurationsAndNoReport() {
        StitchedMedia s = stitch("hls_abr7/master-subtitles_sv.m3u8", Target.of(Rendition
                .builder(RenditionType.SUBTITLES, "subtitles", "Svenska").language("sv")
                .uri("master-subtitles_sv.m3u8").build()), StitchFixtures.ad("ad-30s"));

        MediaPlaylist p = s.playlist();
        List<MediaSegment> gaps = p.segments().stream().filter(MediaSegment::gap).collect(Collectors.toList());
        assertEquals(5, gaps.size());
        assertTrue(gaps.stream().allMatch(g -> g.duration().text().equals("6.000")
                && g.uri().equals(StitchOptions.EMPTY_WEBVTT)));
        assertEquals(List.of(), s.skipped());
    }

    @Test
    void gapUriIsConfigurable() {
        HlsStitcher custom = new HlsStitcher(new StitchOptions(true, true, null, "https://podium.test/empty.vtt"));
        StitchedMedia s = custom.stitchMedia(StitchFixtures.content("hls_abr7/master-subtitles_sv.m3u8"),
                new Target(Target.Kind.SUBTITLES, null, "sv", "subtitles"),
                List.of(new Break("b", 60_000_000L, List.of(StitchFixtures.ad("ad-15s")))), SegmentLinker.DIRECT);

        assertTrue(s.playlist().segments().stream().filter(MediaSegment::gap)
                .allMatch(g -> g.uri().equals("https://podium.test/empty.vtt")));
    }

    private static Rendition rendition(String language) {
        return Rendition.builder(RenditionType.AUDIO, "audio", language)
                .language(language).uri("audio.m3u8").build();
    }
}
