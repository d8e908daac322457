package io.podium.exchange.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.openrtb.Audio;
import io.podium.openrtb.Banner;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Imp;
import io.podium.openrtb.PodDeduplication;
import io.podium.openrtb.Video;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PodRequestTest {
    private static Imp video(String id, String podId, int poddur, int maxseq) {
        Video.Builder v = Video.newBuilder().addMimes("video/mp4").setPodid(podId);
        if (poddur > 0) {
            v.setPoddur(poddur);
        }
        if (maxseq > 0) {
            v.setMaxseq(maxseq);
        }
        return Imp.newBuilder().setId(id).setVideo(v).build();
    }

    @Test
    void findsStructuredDynamicAndHybridPodsAndLeavesOtherImpsAlone() {
        BidRequest request = BidRequest.newBuilder()
                .addImp(Imp.newBuilder().setId("banner").setBanner(Banner.newBuilder().setW(300).setH(250)))
                .addImp(video("s1", "structured", 0, 0)).addImp(video("d1", "dynamic", 90, 5))
                .addImp(video("plain", "", 0, 0)).addImp(video("s2", "structured", 0, 0))
                .addImp(video("h1", "hybrid", 0, 0)).addImp(video("h2", "hybrid", 60, 4))
                .addImp(Imp.newBuilder().setId("radio").setAudio(Audio.newBuilder().addMimes("audio/mp4")
                        .setPodid("audio").setPoddur(120)))
                .build();

        List<PodRequest> pods = PodRequest.of(request);

        assertEquals(List.of("structured", "dynamic", "hybrid", "audio"),
                pods.stream().map(PodRequest::podId).collect(Collectors.toList()));
        assertEquals(List.of("s1", "s2"), pods.get(0).imps().stream().map(Imp::getId).collect(Collectors.toList()));
        assertEquals(PodRequest.Kind.STRUCTURED, pods.get(0).kind());
        assertEquals(Integer.MAX_VALUE, pods.get(0).maxDurationSeconds());
        assertEquals(0, pods.get(0).maxAds());
        assertEquals(PodRequest.Kind.DYNAMIC, pods.get(1).kind());
        assertEquals(90, pods.get(1).maxDurationSeconds());
        assertEquals(5, pods.get(1).maxAds());
        assertEquals(PodRequest.Kind.HYBRID, pods.get(2).kind());
        assertEquals(60, pods.get(2).maxDurationSeconds(), "the dynamic imp's poddur bounds the whole break");
        assertEquals(4, pods.get(2).maxAds());
        assertEquals(PodRequest.Kind.DYNAMIC, pods.get(3).kind());
        assertTrue(PodRequest.of(BidRequest.newBuilder().addImp(video("x", "", 30, 0)).build()).isEmpty());
    }

    @Test
    void theDedupeSettingsOfAllImpsOfAPodApply() {
        Imp a = Imp.newBuilder().setId("a").setVideo(Video.newBuilder().setPodid("p")
                .addPoddedupe(PodDeduplication.POD_DEDUPLICATION_CREATIVE_ID)).build();
        Imp b = Imp.newBuilder().setId("b").setVideo(Video.newBuilder().setPodid("p").setPoddur(30)
                .addPoddedupe(PodDeduplication.POD_DEDUPLICATION_ADOMAIN)).build();

        assertEquals(EnumSet.of(PodDeduplication.POD_DEDUPLICATION_CREATIVE_ID, PodDeduplication.POD_DEDUPLICATION_ADOMAIN),
                new PodRequest("p", List.of(a, b)).dedupe());
    }

    @Test
    void aPodDurationAdmitsAdsNoLongerThanThePod() {
        TimedMedia m = TimedMedia.of(Video.newBuilder().setPodid("p").setPoddur(30).build());
        assertTrue(m.allowsDuration(30));
        assertTrue(!m.allowsDuration(31) && !m.allowsDuration(0));
        TimedMedia slot = TimedMedia.of(Video.newBuilder().setPodid("p").setMinduration(10).setMaxduration(20).build());
        assertTrue(slot.allowsDuration(10) && slot.allowsDuration(20) && !slot.allowsDuration(21) && !slot.allowsDuration(9));
    }
}
