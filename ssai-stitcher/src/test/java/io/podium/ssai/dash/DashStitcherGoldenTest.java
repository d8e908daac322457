package io.podium.ssai.dash;

import static io.podium.ssai.dash.DashFixtures.ad;
import static io.podium.ssai.dash.DashFixtures.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stitched MPDs as bytes: golden files, and every one passes the checker. */
class DashStitcherGoldenTest {
    static final DashUrlRewriter THROUGH_PODIUM = u -> "https://podium.example/ssai/v1/ad/" + u.breakId() + "/"
            + u.adIndex() + "/" + u.kind().name().toLowerCase() + "/" + u.url().substring(u.url().indexOf("://") + 3);

    private final MpdWriter writer = new MpdWriter();
    private final MpdChecker checker = new MpdChecker();

    @Test
    void numberContentWithPreMidAndPostRolls() {
        DashStitched stitched = new DashStitcher().stitch(DashFixtures.mpd("content/number.mpd"),
                DashFixtures.NUMBER_URI, List.of(
                        new DashBreak("pre", 0, List.of(ad("a1", seconds(15), "ads/ad-avc.mpd"))),
                        new DashBreak("mid", seconds(301.2), List.of(ad("a2", seconds(15), "ads/ad-avc.mpd"),
                                ad("a3", seconds(20), "ads/ad-hevc.mpd"), ad("a4", seconds(10), "ads/ad-ondemand.mpd"))),
                        new DashBreak("post", DashBreak.POST_ROLL,
                                List.of(ad("a5", seconds(10.01), "ads/ad-ondemand.mpd")))));

        String written = writer.write(stitched.mpd());

        DashFixtures.assertGolden("stitched/number-pre-mid-post.mpd", written);
        assertEquals(List.of(), checker.check(written));
        assertEquals(1, stitched.skipped().size());
    }

    @Test
    void timelineContentWithAMidRollRoutedThroughPodium() {
        DashStitched stitched = new DashStitcher(THROUGH_PODIUM).stitch(DashFixtures.mpd("content/timeline.mpd"),
                DashFixtures.TIMELINE_URI, List.of(
                        new DashBreak("b30", seconds(30), List.of(ad("t1", seconds(12), "ads/ad-timeline.mpd"),
                                ad("t2", seconds(15), "ads/ad-avc.mpd")))));

        String written = writer.write(stitched.mpd());

        DashFixtures.assertGolden("stitched/timeline-mid-rewritten.mpd", written);
        assertEquals(List.of(), checker.check(written));
        assertEquals(List.of(), stitched.skipped());
    }
}
