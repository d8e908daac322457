package io.podium.exchange.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.openrtb.Audio;
import io.podium.openrtb.Banner;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.CreativeAttribute;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.MarkupType;
import io.podium.openrtb.Pmp;
import io.podium.openrtb.SeatBid;
import io.podium.openrtb.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BidScreenTest {
    private static final long EUR_RATE = 1_100_000; // 1 EUR = 1.10 USD
    private final CurrencyConverter usd = new CurrencyConverter("USD", Map.of("USD", 1_000_000L, "EUR", EUR_RATE));
    private final BidScreen screen = new BidScreen(usd);

    /** Collects what the screen decides. */
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

        RejectedBid onlyRejection() {
            assertTrue(accepted.isEmpty(), () -> "expected a rejection, but accepted " + accepted);
            assertEquals(1, rejected.size(), () -> "rejections: " + rejected);
            return rejected.get(0);
        }

        CandidateBid onlyAcceptance() {
            assertTrue(rejected.isEmpty(), () -> "expected acceptance, but rejected " + rejected);
            assertEquals(1, accepted.size());
            return accepted.get(0);
        }
    }

    // ------------------------------------------------------------ fixtures

    private static Imp.Builder bannerImp() {
        return Imp.newBuilder().setId("1").setBidfloor(0.5).setBanner(Banner.newBuilder().setW(300).setH(250));
    }

    private static BidRequest.Builder request(Imp.Builder... imps) {
        BidRequest.Builder r = BidRequest.newBuilder().setId("req-1");
        for (Imp.Builder imp : imps) {
            r.addImp(imp);
        }
        return r;
    }

    private static Bid.Builder goodBid() {
        return Bid.newBuilder().setId("b1").setImpid("1").setPrice(1.0).setAdm("<div>ad</div>").setCrid("cr-1")
                .addAdomain("advertiser.com");
    }

    private static BidResponse.Builder response(String seat, Bid.Builder... bids) {
        SeatBid.Builder sb = SeatBid.newBuilder();
        if (seat != null) {
            sb.setSeat(seat);
        }
        for (Bid.Builder b : bids) {
            sb.addBid(b);
        }
        return BidResponse.newBuilder().setId("req-1").setBidid("resp-1").addSeatbid(sb);
    }

    private Outcome screen(BidRequest.Builder req, BidResponse.Builder resp) {
        Outcome out = new Outcome();
        screen.screen(req.build(), "dsp-1", "default-seat", resp.build(), 7, out);
        return out;
    }

    private Outcome screen(BidRequest.Builder req, Bid.Builder bid) {
        return screen(req, response("seat-a", bid));
    }

    private static void assertRejected(int reason, Outcome out) {
        RejectedBid r = out.onlyRejection();
        assertEquals(reason, r.lossReason(), () -> "detail: " + r.detail());
        assertEquals(-1, r.minToWinMicros());
    }

    // ------------------------------------------------------------ acceptance

    @Test
    void acceptsAValidBidWithItsPriceAndFloorInMicros() {
        // when
        Outcome out = screen(request(bannerImp()), goodBid());

        // then
        CandidateBid c = out.onlyAcceptance();
        assertEquals(1_000_000, c.priceMicros());
        assertEquals(500_000, c.floorMicros());
        assertEquals("dsp-1", c.bidderId());
        assertEquals("seat-a", c.seat());
        assertEquals("resp-1", c.responseBidId());
        assertEquals("USD", c.currency());
        assertEquals(7, c.arrival());
        assertNull(c.deal());
        assertEquals("b1", c.bid().getId());
    }

    @Test
    void acceptsAEuroBidConvertedToUsdMicrosAgainstAEuroFloor() {
        // given: floor 1.00 EUR = 1.10 USD; bid 2.00 EUR = 2.20 USD
        BidRequest.Builder req = request(bannerImp().setBidfloor(1.0).setBidfloorcur("EUR")).addCur("USD").addCur("EUR");
        BidResponse.Builder resp = response("seat-a", goodBid().setPrice(2.0)).setCur("EUR");

        // when
        Outcome out = screen(req, resp);

        // then
        CandidateBid c = out.onlyAcceptance();
        assertEquals(2_200_000, c.priceMicros());
        assertEquals(1_100_000, c.floorMicros());
        assertEquals("EUR", c.currency());
    }

    @Test
    void comparesAEuroBidWithAUsdFloorAfterConversion() {
        // given: 1.00 EUR = 1.10 USD, between the two floors
        BidResponse.Builder resp = response("seat-a", goodBid().setPrice(1.0)).setCur("EUR");

        // when
        Outcome above = screen(request(bannerImp().setBidfloor(1.05)), resp);
        Outcome below = screen(request(bannerImp().setBidfloor(1.15)), resp);

        // then
        assertEquals(1_100_000, above.onlyAcceptance().priceMicros());
        assertRejected(100, below);
    }

    @Test
    void euroBidBelowAEuroFloorIsRejectedWith100() {
        // given: 0.95 EUR against a 1.00 EUR floor
        BidRequest.Builder req = request(bannerImp().setBidfloor(1.0).setBidfloorcur("EUR"));
        BidResponse.Builder resp = response("seat-a", goodBid().setPrice(0.95)).setCur("EUR");

        // then
        assertRejected(100, screen(req, resp));
    }

    @Test
    void responseCurrencyIsCaseInsensitive() {
        // when
        Outcome out = screen(request(bannerImp()).addCur("EUR"), response("seat-a", goodBid()).setCur("eur"));

        // then
        CandidateBid c = out.onlyAcceptance();
        assertEquals("EUR", c.currency());
        assertEquals(1_100_000, c.priceMicros());
    }

    @Test
    void bidExactlyAtTheFloorIsAccepted() {
        assertEquals(500_000, screen(request(bannerImp()), goodBid().setPrice(0.5)).onlyAcceptance().priceMicros());
    }

    @Test
    void seatbidWithoutSeatUsesTheDefaultSeat() {
        // given
        BidRequest.Builder req = request(bannerImp()).addWseat("default-seat");

        // when
        Outcome out = screen(req, response(null, goodBid()));

        // then
        assertEquals("default-seat", out.onlyAcceptance().seat());
    }

    @Test
    void bidWithOnlyANurlIsAccepted() {
        // when
        Outcome out = screen(request(bannerImp()), goodBid().clearAdm().setNurl("https://dsp.example/win"));

        // then
        out.onlyAcceptance();
    }

    // ------------------------------------------------------------ 3: invalid bid response

    @Test
    void rejectsBidForAnUnknownImpidWithReason3() {
        assertRejected(3, screen(request(bannerImp()), goodBid().setImpid("nope")));
    }

    @Test
    void rejectsARepeatedBidIdWithReason3() {
        // when
        Outcome out = screen(request(bannerImp()), response("seat-a", goodBid(), goodBid().setPrice(2.0)));

        // then
        assertEquals(1, out.accepted.size());
        assertEquals(1_000_000, out.accepted.get(0).priceMicros());
        assertEquals(1, out.rejected.size());
        assertEquals(3, out.rejected.get(0).lossReason());
    }

    @Test
    void rejectsABidIdRepeatedAcrossSeatbidsWithReason3() {
        // given
        BidResponse.Builder resp = response("seat-a", goodBid())
                .addSeatbid(SeatBid.newBuilder().setSeat("seat-b").addBid(goodBid()));

        // when
        Outcome out = screen(request(bannerImp()), resp);

        // then
        assertEquals(1, out.accepted.size());
        assertEquals(3, out.rejected.get(0).lossReason());
        assertEquals("seat-b", out.rejected.get(0).seat());
    }

    @Test
    void rejectsABidWithoutIdWithReason3() {
        assertRejected(3, screen(request(bannerImp()), goodBid().clearId()));
    }

    @Test
    void rejectsAPriceAboveOneMillionWithReason3() {
        assertRejected(3, screen(request(bannerImp()), goodBid().setPrice(1_000_000.01)));
    }

    @Test
    void rejectsACurrencyTheRequestDoesNotAllowWithReason3() {
        // given
        BidRequest.Builder req = request(bannerImp()).addCur("USD");

        // when
        Outcome out = screen(req, response("seat-a", goodBid()).setCur("EUR"));

        // then
        assertRejected(3, out);
        assertEquals("EUR", out.rejected.get(0).currency());
    }

    @Test
    void rejectsACurrencyWithoutARateWithReason3() {
        assertRejected(3, screen(request(bannerImp()), response("seat-a", goodBid()).setCur("GBP")));
    }

    @Test
    void currencyProblemRejectsEveryBidOfTheResponse() {
        // given
        BidResponse.Builder resp = response("seat-a", goodBid(), goodBid().setId("b2")).setCur("GBP");

        // when
        Outcome out = screen(request(bannerImp()), resp);

        // then
        assertTrue(out.accepted.isEmpty());
        assertEquals(2, out.rejected.size());
        assertEquals(List.of(3, 3), List.of(out.rejected.get(0).lossReason(), out.rejected.get(1).lossReason()));
    }

    // ------------------------------------------------------------ 7, 8, 9

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsAZeroNegativeOrNonFinitePriceWithReason9(double price) {
        assertRejected(9, screen(request(bannerImp()), goodBid().setPrice(price)));
    }

    @Test
    void rejectsAMissingPriceWithReason9() {
        assertRejected(9, screen(request(bannerImp()), goodBid().clearPrice()));
    }

    @Test
    void rejectsABidWithNeitherAdmNorNurlWithReason7() {
        assertRejected(7, screen(request(bannerImp()), goodBid().clearAdm().clearNurl()));
    }

    @Test
    void rejectsEmptyAdmAndEmptyNurlWithReason7() {
        assertRejected(7, screen(request(bannerImp()), goodBid().setAdm("").setNurl("")));
    }

    @Test
    void rejectsABidWithoutCreativeIdWithReason8() {
        assertRejected(8, screen(request(bannerImp()), goodBid().clearCrid()));
    }

    // ------------------------------------------------------------ 104: seats

    @Test
    void rejectsASeatInBseatWithReason104() {
        assertRejected(104, screen(request(bannerImp()).addBseat("SEAT-A"), goodBid()));
    }

    @Test
    void rejectsASeatMissingFromWseatWithReason104() {
        assertRejected(104, screen(request(bannerImp()).addWseat("seat-b"), goodBid()));
    }

    @Test
    void acceptsASeatListedInWseat() {
        screen(request(bannerImp()).addWseat("seat-b").addWseat("seat-a"), goodBid()).onlyAcceptance();
    }

    // ------------------------------------------------------------ 205, 206, 209, 210

    @Test
    void rejectsABlockedAdvertiserWithReason205() {
        assertRejected(205, screen(request(bannerImp()).addBadv("advertiser.com"), goodBid()));
    }

    @Test
    void rejectsASubdomainOfABlockedAdvertiserWithReason205() {
        // given
        Bid.Builder bid = goodBid().clearAdomain().addAdomain("ok.com").addAdomain("shop.Blocked.com");

        // then
        assertRejected(205, screen(request(bannerImp()).addBadv("blocked.com"), bid));
    }

    @Test
    void doesNotTreatADomainThatMerelyEndsWithTheBlockedNameAsBlocked() {
        // given: notblocked.com is not a subdomain of blocked.com
        Bid.Builder bid = goodBid().clearAdomain().addAdomain("notblocked.com");

        // then
        screen(request(bannerImp()).addBadv("blocked.com"), bid).onlyAcceptance();
    }

    @Test
    void rejectsABlockedAppBundleWithReason206() {
        assertRejected(206, screen(request(bannerImp()).addBapp("com.blocked.game"), goodBid().setBundle("com.blocked.game")));
    }

    @Test
    void rejectsABlockedCategoryWithReason209() {
        assertRejected(209, screen(request(bannerImp()).addBcat("IAB25"), goodBid().addCat("IAB1").addCat("IAB25")));
    }

    @Test
    void rejectsABlockedCreativeAttributeWithReason210() {
        // given
        Imp.Builder imp = bannerImp().setBanner(Banner.newBuilder().setW(300).setH(250)
                .addBattr(CreativeAttribute.CREATIVE_ATTRIBUTE_USER_INTERACTIVE));

        // then
        assertRejected(210, screen(request(imp), goodBid().addAttr(CreativeAttribute.CREATIVE_ATTRIBUTE_USER_INTERACTIVE)));
    }

    @Test
    void rejectsABlockedVendorSpecificCreativeAttributeWithReason210() {
        // given
        Imp.Builder imp = bannerImp().setBanner(Banner.newBuilder().addBattrValue(777));

        // then
        assertRejected(210, screen(request(imp), goodBid().addAttrValue(777)));
    }

    // Regression (fixed): BidScreen.blockedAttributes (BidScreen.java lines 221-232) returns only the first media
    // object's battr that is non-empty (banner before video), so a video creative on an imp that offers
    // both banner (battr [13]) and video (battr [14]) is checked against the banner list only and a
    // video bid with attr 14 is accepted. Expected 210 (the video's battr must apply to a video bid).
    @Test
    void rejectsAVideoBidWithAnAttributeBlockedByTheVideoObjectOfAMultiFormatImpWithReason210() {
        // given
        Imp.Builder imp = bannerImp()
                .setBanner(Banner.newBuilder().setW(300).setH(250).addBattrValue(13))
                .setVideo(Video.newBuilder().addMimes("video/mp4").setMinduration(5).setMaxduration(30).addBattrValue(14));
        Bid.Builder bid = goodBid().setMtype(MarkupType.MARKUP_TYPE_VIDEO).addAttrValue(14);

        // then
        assertRejected(210, screen(request(imp), bid));
    }

    // ------------------------------------------------------------ 204: format

    @Test
    void rejectsAMarkupTypeTheImpDoesNotOfferWithReason204() {
        assertRejected(204, screen(request(bannerImp()), goodBid().setMtype(MarkupType.MARKUP_TYPE_VIDEO)));
    }

    @Test
    void acceptsTheMarkupTypeTheImpOffers() {
        screen(request(bannerImp()), goodBid().setMtype(MarkupType.MARKUP_TYPE_BANNER)).onlyAcceptance();
    }

    private static Imp.Builder videoImp() {
        return Imp.newBuilder().setId("1").setVideo(Video.newBuilder().addMimes("video/mp4").setMinduration(5).setMaxduration(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 31})
    void rejectsAVideoDurationOutsideMinAndMaxWithReason204(int dur) {
        assertRejected(204, screen(request(videoImp()), goodBid().setMtype(MarkupType.MARKUP_TYPE_VIDEO).setDur(dur)));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 15, 30})
    void acceptsAVideoDurationWithinMinAndMax(int dur) {
        screen(request(videoImp()), goodBid().setMtype(MarkupType.MARKUP_TYPE_VIDEO).setDur(dur)).onlyAcceptance();
    }

    @Test
    void rejectsAVideoDurationNotAmongTheRequiredDurationsWithReason204() {
        // given
        Imp.Builder imp = Imp.newBuilder().setId("1").setVideo(Video.newBuilder().addRqddurs(15).addRqddurs(30));

        // then
        assertRejected(204, screen(request(imp), goodBid().setMtype(MarkupType.MARKUP_TYPE_VIDEO).setDur(20)));
        screen(request(imp), goodBid().setMtype(MarkupType.MARKUP_TYPE_VIDEO).setDur(30)).onlyAcceptance();
    }

    @Test
    void rejectsAnAudioDurationAboveMaxWithReason204() {
        // given
        Imp.Builder imp = Imp.newBuilder().setId("1").setAudio(Audio.newBuilder().addMimes("audio/mp4").setMaxduration(30));

        // then
        assertRejected(204, screen(request(imp), goodBid().setMtype(MarkupType.MARKUP_TYPE_AUDIO).setDur(31)));
    }

    // ------------------------------------------------------------ deals: 4, 104, 205, 101

    private static Imp.Builder dealImp(int privateAuction, Deal.Builder... deals) {
        Pmp.Builder pmp = Pmp.newBuilder().setPrivateAuction(privateAuction);
        for (Deal.Builder d : deals) {
            pmp.addDeals(d);
        }
        return bannerImp().setPmp(pmp);
    }

    @Test
    void rejectsAnUnknownDealWithReason4() {
        // given
        Imp.Builder imp = dealImp(0, Deal.newBuilder().setId("deal-1").setBidfloor(1.0));

        // then
        assertRejected(4, screen(request(imp), goodBid().setPrice(2.0).setDealid("deal-x")));
    }

    @Test
    void rejectsADealBidOnAnImpWithoutPmpWithReason4() {
        assertRejected(4, screen(request(bannerImp()), goodBid().setDealid("deal-1")));
    }

    @Test
    void rejectsASeatNotInTheDealsWseatWithReason104() {
        // given
        Imp.Builder imp = dealImp(1, Deal.newBuilder().setId("deal-1").setBidfloor(1.0).addWseat("seat-b"));

        // then
        assertRejected(104, screen(request(imp), goodBid().setPrice(2.0).setDealid("deal-1")));
    }

    @Test
    void rejectsAnAdvertiserNotInTheDealsWadomainWithReason205() {
        // given
        Imp.Builder imp = dealImp(1, Deal.newBuilder().setId("deal-1").addWadomain("brand.com"));

        // then
        assertRejected(205, screen(request(imp), goodBid().setDealid("deal-1")));
    }

    @Test
    void rejectsABidBelowDealFloorWithReason101() {
        // given: the deal floor is 2.50, the imp floor only 0.50
        Imp.Builder imp = dealImp(1, Deal.newBuilder().setId("deal-1").setBidfloor(2.5).addWseat("seat-a"));

        // then
        assertRejected(101, screen(request(imp), goodBid().setPrice(2.49).setDealid("deal-1")));
    }

    @Test
    void acceptsADealBidAgainstTheDealFloorNotTheImpFloor() {
        // given: imp floor 3.00, deal floor 1.00 EUR (1.10 USD), bid 2.00 USD
        Imp.Builder imp = dealImp(1, Deal.newBuilder().setId("deal-1").setBidfloor(1.0).setBidfloorcur("EUR")
                .addWseat("seat-a").addWadomain("advertiser.com")).setBidfloor(3.0);

        // when
        CandidateBid c = screen(request(imp), goodBid().setPrice(2.0).setDealid("deal-1")).onlyAcceptance();

        // then
        assertEquals(2_000_000, c.priceMicros());
        assertEquals(1_100_000, c.floorMicros());
        assertEquals("deal-1", c.deal().getId());
        assertEquals(imp.getPmp().getDeals(0), c.deal());
    }

    @Test
    void rejectsAnOpenBidInAPrivateAuctionWithReason4() {
        // given
        Imp.Builder imp = dealImp(1, Deal.newBuilder().setId("deal-1").setBidfloor(1.0));

        // then
        assertRejected(4, screen(request(imp), goodBid().setPrice(5.0)));
    }

    @Test
    void acceptsAnOpenBidWhenTheAuctionIsNotPrivate() {
        // given
        Imp.Builder imp = dealImp(0, Deal.newBuilder().setId("deal-1").setBidfloor(1.0));

        // when
        CandidateBid c = screen(request(imp), goodBid()).onlyAcceptance();

        // then
        assertNull(c.deal());
        assertEquals(500_000, c.floorMicros());
    }

    // ------------------------------------------------------------ 100

    @Test
    void rejectsABidBelowTheImpFloorWithReason100() {
        assertRejected(100, screen(request(bannerImp()), goodBid().setPrice(0.49)));
    }

    @Test
    void mixedResponseSortsEachBidOnItsOwn() {
        // given
        BidResponse.Builder resp = response("seat-a",
                goodBid().setId("ok"),
                goodBid().setId("cheap").setPrice(0.1),
                goodBid().setId("nocrid").clearCrid());

        // when
        Outcome out = screen(request(bannerImp()), resp);

        // then
        assertEquals(List.of("ok"), out.accepted.stream().map(c -> c.bid().getId()).toList());
        assertEquals(List.of(100, 8), out.rejected.stream().map(RejectedBid::lossReason).toList());
        assertEquals(List.of("cheap", "nocrid"), out.rejected.stream().map(r -> r.bid().getId()).toList());
    }
}
