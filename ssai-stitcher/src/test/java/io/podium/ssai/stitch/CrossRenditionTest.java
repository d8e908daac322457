package io.podium.ssai.stitch;

import static io.podium.ssai.stitch.StitchFixtures.ads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.hls.DateRange;
import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every variant and rendition of a master gets the same breaks at the same content time, the same
 * discontinuities and the same cue and date-range values, so that players keep them in sync.
 * Breaks are snapped once on the first variant, as the service does.
 */
class CrossRenditionTest {
    /** Tolerance between renditions of one ad (audio frames do not divide a video segment): 50 ms per ad. */
    private static final long PER_AD_TOLERANCE = 50_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hls_abr7", "hls1", "hls_byterange", "hls_byterange_no_offset/index.m3u8",
        "hls_fairplay_ts/index.m3u8", "hls_subs7_demux", "hls_multiaudiotracks4", "hls_always_0_demux", "hls_cmaf_demux_1"})
    void everyPlaylistOfAMasterGetsTheBreaksAtTheSameContentTime(String spec) {
        String folder = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
        String masterFile = spec.contains("/") ? spec.substring(spec.indexOf('/') + 1) : "master.m3u8";
        MasterPlaylist master = StitchFixtures.contentMaster(folder + "/" + masterFile);
        Map<String, Target> playlists = new LinkedHashMap<>();
        for (MasterEntry e : master.entries()) {
            if (e instanceof Variant) {
                Variant v = (Variant) e;
                String fixture = StitchFixtures.fixtureOf(folder, v.uri(), v.stream().bandwidth());
                if (fixture != null) {
                    playlists.put(fixture, Target.of(v));
                }
            } else if (e instanceof Rendition && ((Rendition) e).uri() != null) {
                Rendition r = (Rendition) e;
                String fixture = StitchFixtures.fixtureOf(folder, r.uri(), null);
                if (fixture != null) {
                    playlists.put(fixture, Target.of(r));
                }
            }
        }
        assertTrue(playlists.size() >= 2, "the test needs two playlists of " + spec + ", found " + playlists.keySet());
        String main = playlists.keySet().iterator().next();
        ContentMedia mainContent = StitchFixtures.content(main);
        long third = mainContent.durationMicros() / 3;
        List<Break> breaks = mainContent.snap(List.of(new Break("pre", Break.PRE_ROLL, ads("ad-15s")),
                new Break("one-third", third, ads("ad-30s", "ad-15s")),
                new Break("two-thirds", 2 * third, ads("ad-20s-muxed")),
                new Break("post", Break.POST_ROLL, ads("ad-15s"))));
        HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);

        List<String> names = new ArrayList<>();
        List<StitchedMedia> results = new ArrayList<>();
        for (Map.Entry<String, Target> p : playlists.entrySet()) {
            ContentMedia content = StitchFixtures.content(p.getKey());
            StitchedMedia s = stitcher.stitchMedia(content, p.getValue(), breaks, SegmentLinker.DIRECT);
            StitchAssertions.assertWellFormed(content, s, p.getKey());
            StitchAssertions.assertBreaksFromInputs(content, breaks, null, s, p.getKey());
            names.add(p.getKey());
            results.add(s);
        }

        StitchedMedia first = results.get(0);
        List<Long> mainTimes = StitchAssertions.insertionTimes(first.playlist());
        for (int i = 1; i < results.size(); i++) {
            StitchedMedia other = results.get(i);
            String what = names.get(i) + " against " + names.get(0);
            List<Long> otherTimes = StitchAssertions.insertionTimes(other.playlist());
            assertEquals(mainTimes.size(), otherTimes.size(), what + ": number of breaks");
            if (aligned(folder)) {
                assertEquals(mainTimes, otherTimes, what + ": segments are aligned, so the same content time exactly");
            } else {
                long halfSegment = other.playlist().targetDuration() * 500_000;
                for (int k = 0; k < mainTimes.size(); k++) {
                    assertTrue(Math.abs(mainTimes.get(k) - otherTimes.get(k)) <= halfSegment,
                            what + ": break " + k + " at the boundary nearest the main variant's");
                }
            }
            assertEquals(StitchAssertions.discontinuities(first.playlist()) - ownDiscontinuities(names.get(0)),
                    StitchAssertions.discontinuities(other.playlist()) - ownDiscontinuities(names.get(i)),
                    what + ": same discontinuities added");
            assertEquals(first.breaks().size(), other.breaks().size(), what);
            for (int k = 0; k < first.breaks().size(); k++) {
                StitchedBreak a = first.breaks().get(k);
                StitchedBreak b = other.breaks().get(k);
                assertEquals(a.plannedMicros(), b.plannedMicros(), what + ": planned duration of break " + k);
                assertEquals(first.playlist().segments().get(a.firstSegment()).cues(),
                        other.playlist().segments().get(b.firstSegment()).cues(), what + ": cue tags of break " + k);
                assertDateRangesAgree(first.playlist().segments().get(a.firstSegment()).dateRanges(),
                        other.playlist().segments().get(b.firstSegment()).dateRanges(), aligned(folder),
                        what + ": date range " + k);
                long adCount = first.playlist().segments().subList(a.firstSegment(), a.firstSegment() + a.segmentCount())
                        .stream().filter(seg -> seg.discontinuity() || seg == first.playlist().segments().get(0)).count();
                assertTrue(Math.abs(a.durationMicros() - b.durationMicros()) <= adCount * PER_AD_TOLERANCE,
                        what + ": break " + k + " lasts about as long");
            }
        }
    }

    /**
     * Same ids and durations. START-DATE comes from each playlist's own dates at its own boundary:
     * real content may date its renditions a few milliseconds apart (hls_subs7_demux: audio from
     * .976, video and subtitles from .960), and unaligned renditions end at different times.
     */
    private static void assertDateRangesAgree(List<DateRange> a, List<DateRange> b, boolean aligned, String what) {
        assertEquals(a.size(), b.size(), what);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).id(), b.get(i).id(), what);
            assertEquals(a.get(i).duration(), b.get(i).duration(), what);
            if (aligned) {
                assertEquals(a.get(i).startDate().instant(), b.get(i).startDate().instant(), what);
            }
        }
    }

    private static boolean aligned(String folder) {
        return folder.equals("hls_abr7") || folder.equals("hls1");
    }

    private static long ownDiscontinuities(String fixture) {
        return StitchAssertions.discontinuities(StitchFixtures.contentPlaylist(fixture));
    }

}
