package io.podium.simulator.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.openrtb.Banner;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Imp;
import io.podium.openrtb.Video;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BidComposerTest {
    private static final long SEED = 77L;

    private final DspProfile profile = DspProfile.builder("c").bidRate(1).adomains(List.of("a.example", "b.example"))
            .categories(List.of("IAB1", "IAB2")).build();
    private final BidComposer composer = new BidComposer(profile, "http://127.0.0.1:1");

    private static BidRequest.Builder banner() {
        return BidRequest.newBuilder().setId("r").addImp(Imp.newBuilder().setId("1").setBanner(Banner.newBuilder().setW(320).setH(50)));
    }

    @Test
    void honoursBlockedAdvertisersAndCategories() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 50; i++) {
            BidResponse r = composer.compose(banner().addBadv("a.example").addBcat("IAB1").build(), i, random);
            assertEquals("b.example", r.getSeatbid(0).getBid(0).getAdomain(0), "seed=" + SEED);
            assertEquals("IAB2", r.getSeatbid(0).getBid(0).getCat(0), "seed=" + SEED);
        }
        assertNull(composer.compose(banner().addBadv("a.example").addBadv("b.example").build(), 0, random));
    }

    @Test
    void skipsImpsItCannotServe() {
        BidRequest audioOnly = BidRequest.newBuilder().setId("r")
                .addImp(Imp.newBuilder().setId("1").setAudio(io.podium.openrtb.Audio.newBuilder().addMimes("audio/mp4")))
                .build();
        assertNull(composer.compose(audioOnly, 0, new SplittableRandom(SEED)));
    }

    @Test
    void videoDurationsStayWithinTheAllowedRangeAndPod() {
        SplittableRandom random = new SplittableRandom(SEED);
        Video range = Video.newBuilder().setMinduration(10).setMaxduration(30).setPoddur(45).build();
        for (int i = 0; i < 200; i++) {
            int[] durs = BidComposer.durations(range, random, 4);
            int total = 0;
            for (int d : durs) {
                assertTrue(d >= 10 && d <= 30, "dur " + d + " seed=" + SEED);
                total += d;
            }
            assertTrue(durs.length >= 1 && durs.length <= 4 && total <= 45, "seed=" + SEED);
        }
        Video single = Video.newBuilder().setMaxduration(12).build();
        assertEquals(1, BidComposer.durations(single, random, 1).length);
        assertEquals(0, BidComposer.durations(Video.newBuilder().addRqddurs(90).setPoddur(60).build(), random, 3).length);
    }
}
