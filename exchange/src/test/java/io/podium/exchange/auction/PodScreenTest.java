package io.podium.exchange.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.openrtb.Audio;
import io.podium.openrtb.Banner;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Deal;
import io.podium.openrtb.DurFloors;
import io.podium.openrtb.Imp;
import io.podium.openrtb.LossReason;
import io.podium.openrtb.MarkupType;
import io.podium.openrtb.Pmp;
import io.podium.openrtb.SeatBid;
import io.podium.openrtb.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Screening of ad pod bids: each bid on its own, durations, and the duration floors. */
class PodScreenTest {
    private final BidScreen screen = new BidScreen(new CurrencyConverter("USD",
            Map.of("USD", 1_000_000L, "EUR", 1_100_000L)));

    private static final class Outcome implements BidScreen.Sink {
        final List<CandidateBid> accepted = new ArrayList<>();
        final List<RejectedBid> rejected = new ArrayList<>();

        @Override
        public void accept(CandidateBid bid) {
            accepted.add(bid);
        }

        @Override
        public void reject(RejectedBid bid) {
            rejected.add(bid);
        }

        int reasonOf(String bidId) {
            return rejected.stream().filter(r -> r.bid().getId().equals(bidId)).findFirst()
                    .map(RejectedBid::lossReason).orElse(-1);
        }

        long floorOf(String bidId) {
            return accepted.stream().filter(c -> c.bid().getId().equals(bidId)).findFirst()
                    .map(CandidateBid::floorMicros).orElseThrow(() -> new AssertionError(bidId + " rejected: " + rejected));
        }
    }

    private static Video.Builder dynamicVideo() {
        return Video.newBuilder().addMimes("video/mp4").setPodid("pod-1").setPoddur(60).setMaxseq(4)
                .setMinduration(5).setMaxduration(30);
    }

    private static Imp.Builder imp(Video.Builder video) {
        return Imp.newBuilder().setId("1").setVideo(video);
    }

    private static Bid.Builder bid(String id, double price, int dur) {
        Bid.Builder b = Bid.newBuilder().setId(id).setImpid("1").setPrice(price).setAdm("<VAST version=\"4.2\"/>")
                .setCrid("cr-" + id).addAdomain(id + ".example");
        return dur > 0 ? b.setDur(dur) : b;
    }

    private Outcome screen(Imp.Builder imp, Bid.Builder... bids) {
        SeatBid.Builder sb = SeatBid.newBuilder().setSeat("seat-a");
        for (Bid.Builder b : bids) {
            sb.addBid(b);
        }
        Outcome out = new Outcome();
        screen.screen(BidRequest.newBuilder().setId("req-1").addImp(imp).build(), "dsp-1", "seat-a",
                BidResponse.newBuilder().setId("req-1").addSeatbid(sb).build(), 0, out);
        return out;
    }

    @Test
    void everyBidOfADynamicPodIsACandidateOfItsOwn() {
        Outcome out = screen(imp(dynamicVideo()), bid("a", 5, 15), bid("b", 4, 30), bid("c", 3, 15));

        assertEquals(List.of("a", "b", "c"), out.accepted.stream().map(c -> c.bid().getId()).collect(Collectors.toList()));
        assertTrue(out.rejected.isEmpty());
    }

    @Test
    void aPodBidMustGiveItsDurationAndFitTheImp() {
        Outcome out = screen(imp(dynamicVideo()), bid("none", 5, 0), bid("short", 5, 4), bid("long", 5, 31),
                bid("ok", 5, 30));

        assertEquals(LossReason.LOSS_REASON_INVALID_BID_RESPONSE_VALUE, out.reasonOf("none"));
        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("short"));
        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("long"));
        assertEquals(1, out.accepted.size());
    }

    @Test
    void aDynamicPodBidMayNotOutlastThePod() {
        // no maxduration: only poddur limits one ad
        Outcome out = screen(imp(Video.newBuilder().addMimes("video/mp4").setPodid("p").setPoddur(30)),
                bid("fits", 5, 30), bid("too-long", 5, 31));

        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("too-long"));
        assertEquals(1, out.accepted.size());
    }

    @Test
    void rqddursAcceptsExactlyTheRequiredDurations() {
        Video.Builder live = Video.newBuilder().addMimes("video/mp4").setPodid("live").setPoddur(120)
                .addRqddurs(15).addRqddurs(30);

        Outcome out = screen(imp(live), bid("d15", 5, 15), bid("d30", 5, 30), bid("d20", 5, 20), bid("d10", 5, 10));

        assertEquals(2, out.accepted.size());
        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("d20"));
        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("d10"));
    }

    @Test
    void aStructuredSlotChecksItsOwnDurationLimits() {
        Video.Builder slot = Video.newBuilder().addMimes("video/mp4").setPodid("p").setSlotinpod(
                io.podium.openrtb.SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST).setMinduration(15).setMaxduration(15);

        Outcome out = screen(imp(slot), bid("d15", 5, 15), bid("d30", 5, 30));

        assertEquals(1, out.accepted.size());
        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("d30"));
    }

    @Test
    void aBannerBidOnAPodImpIsRefused() {
        Imp.Builder imp = imp(dynamicVideo()).setBanner(Banner.newBuilder().setW(300).setH(250));

        Outcome out = screen(imp, bid("banner", 5, 15).setMtype(MarkupType.MARKUP_TYPE_BANNER));

        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("banner"));
    }

    @Test
    void mincpmpersecMakesTheFloorGrowWithTheDuration() {
        // given: imp floor 2.00, 0.20 CPM per second: 15 s -> 3.00, 30 s -> 6.00
        Imp.Builder imp = imp(dynamicVideo().setMincpmpersec(0.2)).setBidfloor(2.0);

        Outcome out = screen(imp, bid("short-ok", 3.0, 15), bid("long-low", 5.99, 30), bid("long-ok", 6.0, 30),
                bid("tiny", 2.0, 5));

        assertEquals(3_000_000, out.floorOf("short-ok"));
        assertEquals(6_000_000, out.floorOf("long-ok"));
        assertEquals(2_000_000, out.floorOf("tiny"), "5 s x 0.20 = 1.00 is under the imp floor");
        assertEquals(LossReason.LOSS_REASON_BID_BELOW_AUCTION_FLOOR_VALUE, out.reasonOf("long-low"));
    }

    @Test
    void durfloorsApplyTheRangesThatHoldTheDurationBoundsIncluded() {
        // given: 1-15 s at 5.00, 16-30 s at 10.00, 25 s and more at 12.00 (overlapping: the higher wins)
        Imp.Builder imp = imp(dynamicVideo().setMaxduration(60)
                .addDurfloors(DurFloors.newBuilder().setMindur(1).setMaxdur(15).setBidfloor(5))
                .addDurfloors(DurFloors.newBuilder().setMindur(16).setMaxdur(30).setBidfloor(10))
                .addDurfloors(DurFloors.newBuilder().setMindur(25).setBidfloor(12))).setBidfloor(1.0);

        Outcome out = screen(imp, bid("d15", 5, 15), bid("d16", 10, 16), bid("d24", 9.99, 24), bid("d25", 12, 25),
                bid("d60", 12, 60));

        assertEquals(5_000_000, out.floorOf("d15"));
        assertEquals(10_000_000, out.floorOf("d16"));
        assertEquals(LossReason.LOSS_REASON_BID_BELOW_AUCTION_FLOOR_VALUE, out.reasonOf("d24"));
        assertEquals(12_000_000, out.floorOf("d25"));
        assertEquals(12_000_000, out.floorOf("d60"), "a range without maxdur is open upwards");
    }

    @Test
    void outsideEveryDurfloorsRangeTheImpFloorApplies() {
        Imp.Builder imp = imp(dynamicVideo()
                .addDurfloors(DurFloors.newBuilder().setMaxdur(10).setBidfloor(4))).setBidfloor(1.5);

        Outcome out = screen(imp, bid("d10", 4, 10), bid("d20", 1.5, 20));

        assertEquals(4_000_000, out.floorOf("d10"));
        assertEquals(1_500_000, out.floorOf("d20"));
    }

    @Test
    void aDealBidMeetsTheDealsOwnDurationTermsInTheDealsCurrency() {
        // given: the imp asks 0.50 CPM/s (15 s -> 7.50); the deal 0.10 EUR CPM/s (15 s -> 1.50 EUR = 1.65 USD)
        Deal perSecond = Deal.newBuilder().setId("per-second").setMincpmpersec(0.1).setBidfloorcur("EUR").build();
        Deal byRange = Deal.newBuilder().setId("by-range").setBidfloor(1.0)
                .addDurfloors(DurFloors.newBuilder().setMindur(20).setBidfloor(3)).build();
        Imp.Builder imp = imp(dynamicVideo().setMincpmpersec(0.5)).setBidfloor(1.0)
                .setPmp(Pmp.newBuilder().addDeals(perSecond).addDeals(byRange));

        Outcome out = screen(imp, bid("deal-ok", 1.65, 15).setDealid("per-second"),
                bid("deal-low", 1.64, 15).setDealid("per-second"), bid("range-short", 1.0, 15).setDealid("by-range"),
                bid("range-long", 2.99, 20).setDealid("by-range"), bid("open", 7.49, 15));

        assertEquals(1_650_000, out.floorOf("deal-ok"));
        assertEquals(LossReason.LOSS_REASON_BID_BELOW_DEAL_FLOOR_VALUE, out.reasonOf("deal-low"));
        assertEquals(1_000_000, out.floorOf("range-short"), "the deal's bidfloor where no range holds");
        assertEquals(LossReason.LOSS_REASON_BID_BELOW_DEAL_FLOOR_VALUE, out.reasonOf("range-long"));
        assertEquals(LossReason.LOSS_REASON_BID_BELOW_AUCTION_FLOOR_VALUE, out.reasonOf("open"));
    }

    @Test
    void anAudioPodIsScreenedLikeAVideoPod() {
        Imp.Builder imp = Imp.newBuilder().setId("1").setAudio(Audio.newBuilder().addMimes("audio/mp4").setPodid("radio")
                .setPoddur(60).addRqddurs(30).setMincpmpersec(0.1));

        Outcome out = screen(imp, bid("ok", 3.0, 30).setMtype(MarkupType.MARKUP_TYPE_AUDIO), bid("cheap", 2.99, 30),
                bid("odd", 9, 20));

        assertEquals(3_000_000, out.floorOf("ok"));
        assertEquals(LossReason.LOSS_REASON_BID_BELOW_AUCTION_FLOOR_VALUE, out.reasonOf("cheap"));
        assertEquals(LossReason.LOSS_REASON_CREATIVE_INCORRECT_FORMAT_VALUE, out.reasonOf("odd"));
    }
}
