package io.podium.ssai.stitch;

import static io.podium.ssai.stitch.StitchFixtures.ad;
import static io.podium.ssai.stitch.StitchFixtures.ads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.podium.ssai.hls.StreamInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The same inputs give byte-identical playlists: again, from fresh objects, in any break order, on any thread. */
class DeterminismTest {
    private static final String FIXTURE = "hls_subs7_demux/media7070700.m3u8";
    private static final Target TARGET = Target.variant(StreamInfo.builder().bandwidth(7_070_700L)
            .codecs("mp4a.40.2,avc1.640028").build());

    private static List<Break> breaks() {
        return List.of(new Break("pre", Break.PRE_ROLL, ads("ad-15s")),
                new Break("mid-a", 120_000_000L, ads("ad-30s", "ad-15s")),
                new Break("mid-b", 120_000_000L, List.of(StitchFixtures.adWithoutMedia("ad-30s"))),
                new Break("mid-c", 300_000_000L, 12_000_000L, List.of()),
                new Break("post", Break.POST_ROLL, ads("ad-30s")));
    }

    private static String stitch(List<Break> breaks) {
        HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS.withSlate(ad("slate")));
        return StitchAssertions.write(stitcher.stitchMedia(StitchFixtures.content(FIXTURE), TARGET, breaks,
                TestLinkers.ROUTING).playlist());
    }

    @Test
    void stitchingTwiceFromFreshInputsGivesTheSameText() {
        List<Break> first = breaks();
        List<Break> second = breaks();
        assertNotSame(first.get(0).ads().get(0), second.get(0).ads().get(0));

        assertEquals(stitch(first), stitch(second));
    }

    @Test
    void breakOrderDoesNotMatter() {
        String expected = stitch(breaks());
        Random rnd = new Random(42);
        for (int i = 0; i < 10; i++) {
            List<Break> shuffled = new ArrayList<>(breaks());
            Collections.shuffle(shuffled, rnd);
            assertEquals(expected, stitch(shuffled), "order " + shuffled.stream().map(Break::breakId).toList());
        }
    }

    @Test
    void concurrentStitchesOfSharedInputsGiveTheSameText() throws Exception {
        ContentMedia content = StitchFixtures.content(FIXTURE);
        List<Break> breaks = breaks();
        HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS.withSlate(ad("slate")));
        String expected = StitchAssertions.write(stitcher.stitchMedia(content, TARGET, breaks, TestLinkers.ROUTING)
                .playlist());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> StitchAssertions.write(stitcher.stitchMedia(content, TARGET, breaks,
                        TestLinkers.ROUTING).playlist())));
            }
            for (Future<String> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void preparingTheContentFirstChangesNothing() {
        HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);
        StitchedMedia direct = stitcher.stitchMedia(StitchFixtures.contentPlaylist(FIXTURE),
                StitchFixtures.contentUri(FIXTURE), TARGET, breaks(), SegmentLinker.DIRECT);
        StitchedMedia prepared = stitcher.stitchMedia(StitchFixtures.content(FIXTURE), TARGET, breaks(),
                SegmentLinker.DIRECT);

        assertEquals(direct, prepared);
    }

    @Test
    void adMediaIsAValue() {
        assertEquals(ad("ad-15s"), ad("ad-15s"));
        assertEquals(ad("ad-15s").hashCode(), ad("ad-15s").hashCode());
        assertEquals(false, ad("ad-15s").equals(ad("ad-15s", "other-id")));
    }
}
