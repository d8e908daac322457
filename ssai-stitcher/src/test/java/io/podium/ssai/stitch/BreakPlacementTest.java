package io.podium.ssai.stitch;

import static io.podium.ssai.stitch.StitchFixtures.ad;
import static io.podium.ssai.stitch.StitchFixtures.ads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.StreamInfo;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Where breaks go: content segment boundaries, by content time. */
class BreakPlacementTest {
    private static final Target TS = Target.variant(StreamInfo.builder().bandwidth(2_000_000L)
            .codecs("avc1.4d401f,mp4a.40.2").build());
    private final HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);

    /** Content of segments 4, 6, 6 and 2 s: boundaries at 0, 4, 10, 16 and 18 s. */
    private static ContentMedia uneven() {
        MediaPlaylist p = SyntheticAd.media("seg.m3u8", false, "4", "6", "6", "2");
        return ContentMedia.of(p, URI.create("https://origin.example.com/uneven/index.m3u8"));
    }

    @Test
    void midRollGoesToTheNearestBoundaryTiesToTheEarlier() {
        ContentMedia c = uneven();

        assertEquals(0, c.boundaryFor(1_999_999));
        assertEquals(0, c.boundaryFor(2_000_000), "2 s is as near to 0 as to 4: the earlier");
        assertEquals(1, c.boundaryFor(2_000_001));
        assertEquals(1, c.boundaryFor(7_000_000), "7 s is as near to 4 as to 10");
        assertEquals(2, c.boundaryFor(7_000_001));
        assertEquals(3, c.boundaryFor(16_000_000));
        assertEquals(4, c.boundaryFor(17_000_001));
        assertEquals(4, c.boundaryFor(18_000_000), "the end is a post-roll");
        assertEquals(4, c.boundaryFor(99_000_000), "beyond the end is a post-roll");
        assertEquals(4, c.boundaryFor(Break.POST_ROLL));
        assertEquals(0, c.boundaryFor(Break.PRE_ROLL));
    }

    @Test
    void breaksArePlacedInStitchedPlaylistsAtTheirBoundaries() {
        ContentMedia c = uneven();
        List<Break> breaks = List.of(new Break("post", Break.POST_ROLL, ads("ad-15s")),
                new Break("mid", 7_500_000, ads("ad-15s")), new Break("pre", Break.PRE_ROLL, ads("ad-15s")),
                new Break("beyond", 40_000_000, ads("ad-15s")));

        StitchedMedia s = stitcher.stitchMedia(c, TS, breaks, SegmentLinker.DIRECT);

        assertEquals(List.of("pre", "mid", "beyond", "post"),
                s.breaks().stream().map(StitchedBreak::breakId).collect(Collectors.toList()),
                "played in order of position; a break beyond the end is a post-roll, before POST_ROLL itself");
        assertEquals(List.of(0L, 10_000_000L, 18_000_000L, 18_000_000L),
                s.breaks().stream().map(StitchedBreak::contentMicros).collect(Collectors.toList()));
        assertEquals(List.of(0L, 10_000_000L, 18_000_000L), StitchAssertions.insertionTimes(s.playlist()),
                "read back from the playlist, the two post-rolls are one run");
        assertEquals(List.of(0, 1, 2, 3), s.breaks().stream().map(StitchedBreak::breakIndex).collect(Collectors.toList()));
        StitchAssertions.assertWellFormed(c, s, "uneven");
    }

    @Test
    void breaksAtOneBoundaryPlayByPositionThenId() {
        ContentMedia c = uneven();
        List<Break> breaks = List.of(new Break("b", 9_000_000, ads("ad-15s")), new Break("a", 9_000_000,
                ads("ad-30s")), new Break("c", 8_000_000, ads("ad-20s-muxed")));

        StitchedMedia s = stitcher.stitchMedia(c, TS, breaks, SegmentLinker.DIRECT);

        assertEquals(List.of("c", "a", "b"), s.breaks().stream().map(StitchedBreak::breakId).collect(Collectors.toList()));
        assertTrue(s.breaks().stream().allMatch(b -> b.contentMicros() == 10_000_000L));
        assertEquals(3, StitchAssertions.discontinuities(s.playlist()) - 1, "c|a, a|b, b|content plus content|c");
    }

    @Test
    void sameContentTimeIsChosenWhateverTheSegmentIndex() {
        ContentMedia twos = ContentMedia.of(SyntheticAd.media("two.m3u8", false, "2", "2", "2", "2", "2", "2"),
                URI.create("https://origin.example.com/twos/index.m3u8"));
        ContentMedia sixes = ContentMedia.of(SyntheticAd.media("six.m3u8", false, "6", "6"),
                URI.create("https://origin.example.com/sixes/index.m3u8"));
        List<Break> breaks = List.of(new Break("b", 6_500_000, ads("ad-15s")));

        assertEquals(6_000_000L, stitcher.stitchMedia(twos, TS, breaks, SegmentLinker.DIRECT).breaks().get(0)
                .contentMicros(), "boundary 3 of the 2 s segments");
        assertEquals(6_000_000L, stitcher.stitchMedia(sixes, TS, breaks, SegmentLinker.DIRECT).breaks().get(0)
                .contentMicros(), "boundary 1 of the 6 s segments");
    }

    @Test
    void snappingOnTheVariantKeepsJitteryAudioOnTheSameBoundary() {
        ContentMedia video = StitchFixtures.content("hls_byterange/VIDEO_sdr_360p.m3u8");
        ContentMedia audio = StitchFixtures.content("hls_byterange/stereo_aac.m3u8");
        long position = 9_000_000;

        assertEquals(1, video.boundaryFor(position), "6 s segments: 9 s ties between 6 and 12, the earlier");
        assertEquals(2, audio.boundaryFor(position), "audio boundaries at 5.994667 and 11.989334: nearer 12");

        List<Break> snapped = video.snap(List.of(new Break("b", position, ads("ad-15s"))));

        assertEquals(6_000_000L, snapped.get(0).positionMicros());
        assertEquals(1, audio.boundaryFor(snapped.get(0).positionMicros()));
    }

    @Test
    void snapSortsAndMarksPreAndPostRolls() {
        ContentMedia c = uneven();

        List<Break> snapped = c.snap(List.of(new Break("late", 17_500_000, List.of()),
                new Break("early", 1_000_000, List.of()), new Break("mid", 11_000_000, List.of())));

        assertEquals(List.of("early", "mid", "late"), snapped.stream().map(Break::breakId).collect(Collectors.toList()));
        assertEquals(List.of(Break.PRE_ROLL, 10_000_000L, Break.POST_ROLL),
                snapped.stream().map(Break::positionMicros).collect(Collectors.toList()));
    }

    @Test
    void twoBreaksWithOneIdAreRefused() {
        List<Break> breaks = List.of(new Break("x", 0, List.of()), new Break("x", 5_000_000, List.of()));

        assertThrows(IllegalArgumentException.class, () -> stitcher.stitchMedia(uneven(), TS, breaks,
                SegmentLinker.DIRECT));
    }

    @Test
    void breakValuesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Break("b", -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Break("b", 0, -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Break("say \"hi\"", 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Break("", 0, List.of()));
        assertEquals(45_000_000L, new Break("b", 0, ads("ad-15s", "ad-30s")).plannedDurationMicros(),
                "planned by default as the sum of the declared durations");
        assertEquals(5_000_000L, ad("slate").durationMicros());
    }
}
