package io.podium.exchange.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.bidder.BidderResult;
import io.podium.exchange.bidder.DemandSource;
import io.podium.exchange.metrics.Metrics;
import io.podium.openrtb.Banner;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.Imp;
import io.podium.openrtb.LossReason;
import io.podium.openrtb.SeatBid;
import io.podium.openrtb.Video;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The auction decides pod imps together and every other imp as before, in one outcome. */
class AuctionServicePodTest {
    private record Source(String id, String seat) implements DemandSource {
    }

    private final AuctionService service = new AuctionService(null,
            new BidScreen(new CurrencyConverter("USD", Map.of("USD", 1_000_000L))), new ImpAuction(10_000),
            new Metrics(), null);

    private static final BidRequest REQUEST = BidRequest.newBuilder().setId("req-1").setAt(
                    io.podium.openrtb.AuctionType.AUCTION_TYPE_SECOND_PRICE_PLUS)
            .addImp(Imp.newBuilder().setId("banner").setBanner(Banner.newBuilder().setW(300).setH(250)))
            .addImp(Imp.newBuilder().setId("break").setVideo(Video.newBuilder().addMimes("video/mp4")
                    .setPodid("midroll-1").setPoddur(60).setMaxseq(3).setMaxduration(30)))
            .build();

    private static Bid.Builder bid(String id, String impId, double price, int dur, String adomain) {
        Bid.Builder b = Bid.newBuilder().setId(id).setImpid(impId).setPrice(price).setAdm("<ad/>").setCrid("cr-" + id)
                .addAdomain(adomain);
        return dur > 0 ? b.setDur(dur) : b;
    }

    private static BidderResult answer(String bidder, Bid.Builder... bids) {
        SeatBid.Builder sb = SeatBid.newBuilder().setSeat("seat-" + bidder);
        for (Bid.Builder b : bids) {
            sb.addBid(b);
        }
        return new BidderResult(new Source(bidder, "seat-" + bidder), REQUEST, BidderResult.Status.BIDS,
                BidResponse.newBuilder().setId("req-1").addSeatbid(sb).build(), 0, null, 1_000_000);
    }

    @Test
    void podImpsAreDecidedAsOnePodAndOtherImpsAsBefore() {
        // given: two bidders, each with a banner bid and several pod bids
        List<BidderResult> results = List.of(
                answer("dsp1", bid("x-banner", "banner", 2.0, 0, "x.example"),
                        bid("x1", "break", 10.0, 30, "x.example"), bid("x2", "break", 4.0, 15, "x2.example"),
                        bid("x-nodur", "break", 50.0, 0, "x3.example")),
                answer("dsp2", bid("y-banner", "banner", 1.5, 0, "y.example"),
                        bid("y1", "break", 8.0, 30, "y.example"), bid("y2", "break", 5.0, 15, "x.example"),
                        bid("y3", "break", 3.0, 15, "y3.example")));

        // when
        AuctionOutcome outcome = service.decide(REQUEST, results, new Deadline(0, Long.MAX_VALUE));

        // then: the banner imp is a second-price auction of its own
        ImpWin banner = outcome.wins().get(0);
        assertEquals("x-banner", banner.winner().bid().getId());
        assertEquals(1_510_000, banner.clearingMicros());
        // the pod: x1 (10) + y1 (8) fill 60 s; y2 shares x.example with x1
        assertEquals(1, outcome.pods().size());
        PodWin pod = outcome.pod("midroll-1").orElseThrow();
        assertEquals(List.of("x1", "y1"), pod.ads().stream().map(a -> a.bid().getId()).collect(Collectors.toList()));
        assertEquals(List.of("dsp1", "dsp2"), pod.ads().stream().map(PodSlotWin::bidderId).collect(Collectors.toList()));
        assertEquals(60, pod.durationSeconds());
        // each ad is also an imp win of the dynamic imp, in play order
        assertEquals(List.of("x-banner", "x1", "y1"),
                outcome.wins().stream().map(w -> w.winner().bid().getId()).collect(Collectors.toList()));
        // without x1: y1 + y2 + x2 would pay 17 (60 s, 3 ads); the others pay 8 with it: x1's threshold is 9
        assertEquals(9_010_000, pod.ads().get(0).clearingMicros());
        // without y1: x1 + x2 + y3 pay 17; the others pay 10: y1's threshold 7, it pays 7.01
        assertEquals(7_010_000, pod.ads().get(1).clearingMicros());
        Map<String, Integer> reasons = outcome.losers().stream()
                .collect(Collectors.toMap(l -> l.bid().getId(), RejectedBid::lossReason));
        assertEquals(LossReason.LOSS_REASON_INVALID_BID_RESPONSE_VALUE, reasons.get("x-nodur"));
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, reasons.get("y2"));
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, reasons.get("x2"));
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, reasons.get("y-banner"));
        assertTrue(reasons.containsKey("y3"));
        assertEquals(8, reasons.size() + outcome.wins().size(), "every bid won or lost");
    }
}
