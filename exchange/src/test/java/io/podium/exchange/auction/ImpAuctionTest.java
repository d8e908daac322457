package io.podium.exchange.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.openrtb.AuctionType;
import io.podium.openrtb.Bid;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.LossReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImpAuctionTest {
    private static final long INCREMENT = 10_000; // 0.01
    private static final Imp IMP = Imp.newBuilder().setId("1").build();

    private final ImpAuction auction = new ImpAuction(INCREMENT);

    private static CandidateBid bid(String id, long priceMicros, long floorMicros, int arrival) {
        return bid(id, priceMicros, floorMicros, arrival, null);
    }

    private static CandidateBid bid(String id, long priceMicros, long floorMicros, int arrival, Deal deal) {
        Bid.Builder b = Bid.newBuilder().setId(id).setImpid("1").setPrice(Money.toPrice(priceMicros)).setCrid("c-" + id);
        if (deal != null) {
            b.setDealid(deal.getId());
        }
        return new CandidateBid("bidder-" + id, "seat-" + id, "resp-" + id, b.build(), "USD", priceMicros, floorMicros,
                deal, arrival);
    }

    private static List<String> loserIds(ImpAuction.Result r) {
        return r.losers().stream().map(l -> l.bid().getId()).collect(Collectors.toList());
    }

    private static RejectedBid loser(ImpAuction.Result r, String id) {
        return r.losers().stream().filter(l -> l.bid().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no loser " + id + " in " + loserIds(r)));
    }

    // ------------------------------------------------------------ first price

    @Test
    void firstPriceWinnerPaysItsBid() {
        // given
        List<CandidateBid> bids = List.of(bid("a", 1_000_000, 850_000, 0), bid("b", 900_000, 850_000, 1));

        // when
        ImpAuction.Result r = auction.run(IMP, 1, bids);

        // then
        assertEquals("a", r.win().winner().bid().getId());
        assertEquals(1_000_000, r.win().clearingMicros());
        assertSame(IMP, r.win().imp());
        assertEquals(List.of("b"), loserIds(r));
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, loser(r, "b").lossReason());
    }

    // ------------------------------------------------------------ OpenRTB 2.6 §4.4.1 example

    @Test
    void secondPriceSpecExampleClearsAtNextBidPlusIncrement() {
        // given: floor 0.85; bids 1.00, 0.90, 0.80; increment 0.01
        List<CandidateBid> bids = List.of(
                bid("c", 800_000, 850_000, 0),
                bid("a", 1_000_000, 850_000, 1),
                bid("b", 900_000, 850_000, 2));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals("a", r.win().winner().bid().getId());
        assertEquals(910_000, r.win().clearingMicros());
        assertEquals(900_000, r.win().minToWinMicros());
        assertEquals(List.of("b", "c"), loserIds(r));
        assertEquals(910_000, loser(r, "b").minToWinMicros());
        assertEquals(910_000, loser(r, "c").minToWinMicros());
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, loser(r, "b").lossReason());
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, loser(r, "c").lossReason());
    }

    @Test
    void firstPriceSpecExampleSharesWinnersBidWithLosers() {
        // given
        List<CandidateBid> bids = List.of(
                bid("a", 1_000_000, 850_000, 0),
                bid("b", 900_000, 850_000, 1),
                bid("c", 800_000, 850_000, 2));

        // when
        ImpAuction.Result r = auction.run(IMP, 1, bids);

        // then
        assertEquals(1_000_000, r.win().clearingMicros());
        assertEquals(900_000, r.win().minToWinMicros());
        assertEquals(1_000_000, loser(r, "b").minToWinMicros());
        assertEquals(1_000_000, loser(r, "c").minToWinMicros());
    }

    // ------------------------------------------------------------ second price edge cases

    @Test
    void singleBidInSecondPricePaysFloorPlusIncrement() {
        // when
        ImpAuction.Result r = auction.run(IMP, 2, List.of(bid("a", 2_000_000, 500_000, 0)));

        // then
        assertEquals(510_000, r.win().clearingMicros());
        assertEquals(500_000, r.win().minToWinMicros());
        assertTrue(r.losers().isEmpty());
    }

    @Test
    void singleBidWithoutFloorInSecondPricePaysTheIncrement() {
        // when
        ImpAuction.Result r = auction.run(IMP, 2, List.of(bid("a", 2_000_000, 0, 0)));

        // then
        assertEquals(INCREMENT, r.win().clearingMicros());
        assertEquals(0, r.win().minToWinMicros());
    }

    @Test
    void secondPriceUsesTheFloorWhenItIsAboveTheNextBid() {
        // given: the runner-up is below the winner's floor
        List<CandidateBid> bids = List.of(bid("a", 3_000_000, 2_000_000, 0), bid("b", 1_000_000, 500_000, 1));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals(2_010_000, r.win().clearingMicros());
    }

    @Test
    void clearingNeverExceedsTheWinnersBid() {
        // given: 0.905 against 0.90: next + increment would be 0.91
        List<CandidateBid> bids = List.of(bid("a", 905_000, 0, 0), bid("b", 900_000, 0, 1));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals(905_000, r.win().clearingMicros());
    }

    @Test
    void singleBidAtItsFloorPaysItsBidNotFloorPlusIncrement() {
        // when
        ImpAuction.Result r = auction.run(IMP, 2, List.of(bid("a", 500_000, 500_000, 0)));

        // then
        assertEquals(500_000, r.win().clearingMicros());
    }

    @Test
    void clearingPriceStaysBetweenRunnerUpAndWinnersBidOnRandomAuctions() {
        long seed = new Random().nextLong();
        System.out.println("ImpAuctionTest.clearingPriceStaysBetweenRunnerUpAndWinnersBidOnRandomAuctions seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            // given
            int n = 1 + rnd.nextInt(6);
            long floor = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(2_000_000);
            List<CandidateBid> bids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                bids.add(bid("b" + i, floor + rnd.nextInt(3_000_000), floor, i));
            }
            int at = 1 + rnd.nextInt(2);

            // when
            ImpAuction.Result r = auction.run(IMP, at, bids);

            // then
            String ctx = "seed=" + seed + " round=" + round + " at=" + at + " bids=" + bids.stream()
                    .map(CandidateBid::priceMicros).collect(Collectors.toList()) + " floor=" + floor;
            long max = bids.stream().mapToLong(CandidateBid::priceMicros).max().orElseThrow();
            List<Long> prices = bids.stream().map(CandidateBid::priceMicros).sorted(Collections.reverseOrder())
                    .collect(Collectors.toList());
            long second = prices.size() > 1 ? prices.get(1) : -1;
            long winnerPrice = r.win().winner().priceMicros();
            assertEquals(max, winnerPrice, ctx);
            assertEquals(n - 1, r.losers().size(), ctx);
            long clearing = r.win().clearingMicros();
            assertTrue(clearing <= winnerPrice, ctx + " clearing=" + clearing);
            if (at == 1) {
                assertEquals(winnerPrice, clearing, ctx);
            } else {
                long expected = Math.min(winnerPrice, Math.max(second, floor) + INCREMENT);
                assertEquals(expected, clearing, ctx);
                assertTrue(clearing >= Math.max(second, floor) || clearing == winnerPrice, ctx);
            }
            assertEquals(second >= 0 ? second : floor, r.win().minToWinMicros(), ctx);
        }
    }

    // ------------------------------------------------------------ deals

    @Test
    void guaranteedDealBeatsAHigherOpenBidWhichLosesWith103() {
        // given
        Deal pg = Deal.newBuilder().setId("pg-1").setGuar(1).setBidfloor(0.5).setAt(AuctionType.AUCTION_TYPE_FIRST_PRICE).build();
        List<CandidateBid> bids = List.of(
                bid("open", 5_000_000, 100_000, 0),
                bid("deal", 1_000_000, 500_000, 1, pg));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals("deal", r.win().winner().bid().getId());
        assertEquals(1_000_000, r.win().clearingMicros());
        RejectedBid open = loser(r, "open");
        assertEquals(LossReason.LOSS_REASON_LOST_TO_PMP_DEAL_VALUE, open.lossReason());
        assertEquals(103, open.lossReason());
        assertEquals(1_000_000, open.minToWinMicros());
    }

    @Test
    void nonGuaranteedDealHasNoPriorityOverAHigherOpenBid() {
        // given
        Deal deal = Deal.newBuilder().setId("d-1").setBidfloor(0.5).build();
        List<CandidateBid> bids = List.of(bid("deal", 1_000_000, 500_000, 0, deal), bid("open", 2_000_000, 100_000, 1));

        // when
        ImpAuction.Result r = auction.run(IMP, 1, bids);

        // then
        assertEquals("open", r.win().winner().bid().getId());
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, loser(r, "deal").lossReason());
    }

    @Test
    void openBidBeatenByADealBidLosesWith103() {
        // given
        Deal deal = Deal.newBuilder().setId("d-1").setBidfloor(0.5).build();
        List<CandidateBid> bids = List.of(bid("open", 1_000_000, 100_000, 0), bid("deal", 2_000_000, 500_000, 1, deal));

        // when
        ImpAuction.Result r = auction.run(IMP, 1, bids);

        // then
        assertEquals("deal", r.win().winner().bid().getId());
        assertEquals(103, loser(r, "open").lossReason());
    }

    @Test
    void fixedPriceDealPaysTheDealFloor() {
        // given
        Deal fixed = Deal.newBuilder().setId("fixed").setBidfloor(2.0).setAt(AuctionType.AUCTION_TYPE_FIXED_PRICE).build();
        List<CandidateBid> bids = List.of(bid("deal", 2_500_000, 2_000_000, 0, fixed));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals(2_000_000, r.win().clearingMicros());
    }

    @Test
    void fixedPriceDealWinningOverAnOpenBidStillPaysTheDealFloor() {
        // given
        Deal fixed = Deal.newBuilder().setId("fixed").setBidfloor(2.0).setAt(AuctionType.AUCTION_TYPE_FIXED_PRICE).build();
        List<CandidateBid> bids = List.of(bid("deal", 2_500_000, 2_000_000, 0, fixed), bid("open", 2_400_000, 0, 1));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals("deal", r.win().winner().bid().getId());
        assertEquals(2_000_000, r.win().clearingMicros());
        assertEquals(103, loser(r, "open").lossReason());
    }

    @Test
    void dealAuctionTypeOverridesTheRequests() {
        // given: request says second price, the deal says first price
        Deal firstPrice = Deal.newBuilder().setId("d").setAt(AuctionType.AUCTION_TYPE_FIRST_PRICE).build();
        List<CandidateBid> bids = List.of(bid("deal", 3_000_000, 0, 0, firstPrice), bid("deal2", 1_000_000, 0, 1, firstPrice));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals(3_000_000, r.win().clearingMicros());
    }

    @Test
    void secondPriceDealInAFirstPriceRequestClearsAtSecondPrice() {
        // given
        Deal secondPrice = Deal.newBuilder().setId("d").setAt(AuctionType.AUCTION_TYPE_SECOND_PRICE_PLUS).build();
        List<CandidateBid> bids = List.of(bid("deal", 3_000_000, 0, 0, secondPrice), bid("open", 1_000_000, 0, 1));

        // when
        ImpAuction.Result r = auction.run(IMP, 1, bids);

        // then
        assertEquals(1_010_000, r.win().clearingMicros());
    }

    // ------------------------------------------------------------ ties and degenerate input

    @Test
    void tieGoesToTheEarlierArrival() {
        // given
        List<CandidateBid> bids = List.of(bid("late", 1_000_000, 0, 5), bid("early", 1_000_000, 0, 2));

        // when
        ImpAuction.Result r = auction.run(IMP, 2, bids);

        // then
        assertEquals("early", r.win().winner().bid().getId());
        assertEquals(1_000_000, r.win().clearingMicros());
        assertEquals(List.of("late"), loserIds(r));
    }

    @Test
    void tieWithinOneResponseGoesToTheLowerBidId() {
        // given
        List<CandidateBid> bids = List.of(bid("z", 1_000_000, 0, 0), bid("a", 1_000_000, 0, 0));

        // when
        ImpAuction.Result r = auction.run(IMP, 1, bids);

        // then
        assertEquals("a", r.win().winner().bid().getId());
    }

    @Test
    void noCandidatesMeansNoWinner() {
        // when
        ImpAuction.Result r = auction.run(IMP, 2, List.of());

        // then
        assertNull(r.win());
        assertTrue(r.losers().isEmpty());
    }

    @Test
    void unknownAuctionTypeIsTreatedAsSecondPrice() {
        // given
        List<CandidateBid> bids = List.of(bid("a", 1_000_000, 0, 0), bid("b", 500_000, 0, 1));

        // when
        ImpAuction.Result r = auction.run(IMP, 0, bids);

        // then
        assertEquals(510_000, r.win().clearingMicros());
    }

    @Test
    void candidateListIsNotModified() {
        // given
        List<CandidateBid> bids = new ArrayList<>(List.of(bid("b", 500_000, 0, 1), bid("a", 1_000_000, 0, 0)));
        List<CandidateBid> copy = List.copyOf(bids);

        // when
        auction.run(IMP, 2, bids);

        // then
        assertEquals(copy, bids);
    }

    @Test
    void loserKeepsItsBidderSeatAndResponseId() {
        // when
        ImpAuction.Result r = auction.run(IMP, 2, List.of(bid("a", 1_000_000, 0, 0), bid("b", 500_000, 0, 1)));

        // then
        RejectedBid b = loser(r, "b");
        assertEquals("bidder-b", b.bidderId());
        assertEquals("seat-b", b.seat());
        assertEquals("resp-b", b.responseBidId());
        assertEquals("USD", b.currency());
        assertEquals("lost to a higher bid", b.detail());
    }
}
