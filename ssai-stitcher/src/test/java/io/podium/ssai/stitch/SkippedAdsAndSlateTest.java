package io.podium.ssai.stitch;

import static io.podium.ssai.stitch.StitchFixtures.ad;
import static io.podium.ssai.stitch.StitchFixtures.adWithoutMedia;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.hls.MediaSegment;
import io.podium.ssai.hls.StreamInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Ads that cannot play, breaks nobody can fill, and the slate. */
class SkippedAdsAndSlateTest {
    private static final String CONTENT = "hls_cmaf_1/test-video=2500000.m3u8";
    private static final Target CMAF = Target.variant(StreamInfo.builder().bandwidth(2_500_000L)
            .codecs("mp4a.40.2,avc1.4D401F").build());
    private static final Target SUBTITLES = new Target(Target.Kind.SUBTITLES, null, "sv", "subs");
    private final ContentMedia content = StitchFixtures.content(CONTENT);

    private StitchedMedia stitch(StitchOptions options, Target target, Break... breaks) {
        return new HlsStitcher(options).stitchMedia(content, target, List.of(breaks), TestLinkers.ROUTING);
    }

    @Test
    void adWithoutMediaIsSkippedEverywhereAndTakesNoTime() {
        Break b = new Break("mid", 30_000_000L, List.of(adWithoutMedia("ad-15s"), ad("ad-30s")));

        StitchedMedia video = stitch(StitchOptions.DEFAULTS, CMAF, b);
        StitchedMedia subtitles = stitch(StitchOptions.DEFAULTS, SUBTITLES, b);

        SkippedAd expected = new SkippedAd(0, 0, "ad-15s-unfetched", SkippedAd.Reason.NO_MEDIA);
        assertEquals(List.of(expected), video.skipped());
        assertEquals(List.of(expected), subtitles.skipped(), "an ad-level reason is reported for every playlist");
        assertEquals(30_000_000L, video.breaks().get(0).plannedMicros());
        assertEquals(30_000_000L, subtitles.breaks().get(0).durationMicros());
        assertEquals(2, StitchAssertions.discontinuities(video.playlist()), "one ad: in and out");
        assertEquals(StitchAssertions.discontinuities(video.playlist()),
                StitchAssertions.discontinuities(subtitles.playlist()));
    }

    @Test
    void breakWithoutAPlayableAdIsLeftOutWithoutSlate() {
        Break b = new Break("mid", 30_000_000L, List.of(adWithoutMedia("ad-15s")));

        StitchedMedia s = stitch(StitchOptions.DEFAULTS, CMAF, b);

        assertEquals(List.of(), s.breaks());
        assertEquals(0, StitchAssertions.discontinuities(s.playlist()));
        assertTrue(s.playlist().segments().stream().allMatch(seg -> seg.cues().isEmpty()));
        assertEquals(content.durationMicros(), s.playlist().totalDurationMicros());
        assertEquals(1, s.skipped().size());
    }

    @Test
    void emptyBreakIsFilledWithAsManyWholeSlatesAsFitItsPlannedDuration() {
        StitchOptions options = StitchOptions.DEFAULTS.withSlate(ad("slate"));

        StitchedMedia s = stitch(options, CMAF, new Break("unsold", 30_000_000L, 14_999_999L, List.of()));

        StitchedBreak b = s.breaks().get(0);
        assertEquals(10_000_000L, b.durationMicros(), "two plays of the 5 s slate fit in 14.999999 s, three do not");
        assertEquals(10_000_000L, b.plannedMicros());
        List<String> uris = s.playlist().segments().subList(b.firstSegment(), b.firstSegment() + b.segmentCount())
                .stream().map(MediaSegment::uri).collect(Collectors.toList());
        assertEquals(List.of("https://podium.test/ad/b0/aslate/0of4/slate/cmaf-0.m4s",
                "https://podium.test/ad/b0/aslate/1of4/slate/cmaf-1.m4s",
                "https://podium.test/ad/b0/aslate/2of4/slate/cmaf-0.m4s",
                "https://podium.test/ad/b0/aslate/3of4/slate/cmaf-1.m4s"), uris,
                "the slate's segment indices run across its plays");
        assertTrue(s.playlist().segments().get(b.firstSegment() + 2).discontinuity(), "each play is its own piece");
        assertEquals(List.of(), s.skipped());
        StitchAssertions.assertWellFormed(content, s, "slate");
    }

    @Test
    void slateFillsABreakWhoseAdsCannotPlayAndTheAdsAreStillReported() {
        StitchOptions options = StitchOptions.DEFAULTS.withSlate(ad("slate"));
        Break b = new Break("mid", 30_000_000L, List.of(adWithoutMedia("ad-15s"), adWithoutMedia("ad-30s")));

        StitchedMedia s = stitch(options, CMAF, b);

        assertEquals(45_000_000L, b.plannedDurationMicros());
        assertEquals(45_000_000L, s.breaks().get(0).durationMicros(), "nine plays of 5 s");
        assertEquals(List.of(SkippedAd.Reason.NO_MEDIA, SkippedAd.Reason.NO_MEDIA),
                s.skipped().stream().map(SkippedAd::reason).collect(Collectors.toList()));
    }

    @Test
    void slateIsNotUsedWhenOneAdPlays() {
        StitchOptions options = StitchOptions.DEFAULTS.withSlate(ad("slate"));
        Break b = new Break("mid", 30_000_000L, 60_000_000L, List.of(adWithoutMedia("ad-15s"), ad("ad-15s")));

        StitchedMedia s = stitch(options, CMAF, b);

        assertEquals(15_000_000L, s.breaks().get(0).durationMicros());
        assertFalse(s.playlist().segments().stream().anyMatch(seg -> seg.uri().contains("slate")));
    }

    @Test
    void slateLongerThanThePlannedDurationLeavesTheBreakOut() {
        StitchOptions options = StitchOptions.DEFAULTS.withSlate(ad("slate"));

        StitchedMedia s = stitch(options, CMAF, new Break("short", 30_000_000L, 4_000_000L, List.of()));

        assertEquals(List.of(), s.breaks());
        assertEquals(0, StitchAssertions.discontinuities(s.playlist()));
    }

    @Test
    void slateWithoutUsableMediaIsReported() {
        StitchOptions options = StitchOptions.DEFAULTS.withSlate(adWithoutMedia("slate"));

        StitchedMedia s = stitch(options, CMAF, new Break("unsold", 30_000_000L, 20_000_000L, List.of()));

        assertEquals(List.of(new SkippedAd(0, SegmentLinker.SLATE, "slate-unfetched", SkippedAd.Reason.NO_MEDIA)),
                s.skipped());
        assertEquals(List.of(), s.breaks());
    }

    @Test
    void slateInASubtitleRenditionIsAGapOfTheSameLength() {
        StitchOptions options = StitchOptions.DEFAULTS.withSlate(ad("slate"));
        Break b = new Break("unsold", 30_000_000L, 20_000_000L, List.of());

        StitchedMedia video = stitch(options, CMAF, b);
        StitchedMedia subtitles = new HlsStitcher(options).stitchMedia(
                StitchFixtures.content("hls_abr7/master-subtitles_sv.m3u8"), SUBTITLES, List.of(b), TestLinkers.ROUTING);

        assertEquals(20_000_000L, video.breaks().get(0).durationMicros());
        assertEquals(20_000_000L, subtitles.breaks().get(0).durationMicros());
        assertEquals(8, subtitles.breaks().get(0).segmentCount());
        assertEquals(List.of(), subtitles.skipped());
    }
}
