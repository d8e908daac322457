package io.podium.exchange.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.pod.PodAssembler;
import io.podium.exchange.pod.PodCandidate.SlotPosition;
import io.podium.exchange.pod.PodRequest;
import io.podium.openrtb.AuctionType;
import io.podium.openrtb.Bid;
import io.podium.openrtb.Deal;
import io.podium.openrtb.Imp;
import io.podium.openrtb.LossReason;
import io.podium.openrtb.PodDeduplication;
import io.podium.openrtb.SlotPositionInPod;
import io.podium.openrtb.Video;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pod auctions: choice under duration, count, positions and separation; order; prices. */
class PodAuctionTest {
    private static final long INCREMENT = 10_000; // 0.01 CPM
    private static final long CPM = 1_000_000;
    private final PodAuction auction = new PodAuction(INCREMENT, new PodAssembler());

    // ------------------------------------------------------------ fixtures

    private static Imp dynamicImp(String id, String podId, int poddur, int maxseq, PodDeduplication... dedupe) {
        Video.Builder v = Video.newBuilder().addMimes("video/mp4").setPodid(podId).setPoddur(poddur)
                .setMaxduration(poddur).addAllPoddedupe(Arrays.asList(dedupe));
        if (maxseq > 0) {
            v.setMaxseq(maxseq);
        }
        return Imp.newBuilder().setId(id).setVideo(v).build();
    }

    private static Imp slotImp(String id, String podId, SlotPositionInPod slot, PodDeduplication... dedupe) {
        return Imp.newBuilder().setId(id).setVideo(Video.newBuilder().addMimes("video/mp4").setPodid(podId)
                .setSlotinpod(slot).setMaxduration(30).addAllPoddedupe(Arrays.asList(dedupe))).build();
    }

    private static PodRequest pod(Imp... imps) {
        return new PodRequest(imps[0].getVideo().getPodid(), List.of(imps));
    }

    /** A bid: {@code adomain} and {@code cat} may be null. */
    private static CandidateBid bid(String id, String impId, long priceMicros, int dur, String adomain, String cat) {
        return bid(id, impId, priceMicros, dur, adomain, cat, SlotPositionInPod.SLOT_POSITION_IN_POD_ANY, 0, null);
    }

    private static CandidateBid bid(String id, String impId, long priceMicros, int dur, String adomain, String cat,
                                    SlotPositionInPod slot, long floorMicros, Deal deal) {
        Bid.Builder b = Bid.newBuilder().setId(id).setImpid(impId).setPrice(Money.toPrice(priceMicros)).setDur(dur)
                .setCrid("cr-" + id).setAdm("<VAST version=\"4.2\"/>").setSlotinpod(slot);
        if (adomain != null) {
            b.addAdomain(adomain);
        }
        if (cat != null) {
            b.addCat(cat);
        }
        if (deal != null) {
            b.setDealid(deal.getId());
        }
        return new CandidateBid("bidder-" + id, "seat-" + id, "resp-" + id, b.build(), "USD", priceMicros, floorMicros,
                deal, id.hashCode() & 0xff);
    }

    private static List<String> adIds(PodAuction.Result r) {
        return r.win() == null ? List.of()
                : r.win().ads().stream().map(a -> a.bid().getId()).collect(Collectors.toList());
    }

    private static PodSlotWin ad(PodAuction.Result r, String id) {
        return r.win().ads().stream().filter(a -> a.bid().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no ad " + id + " in " + adIds(r)));
    }

    private static RejectedBid loser(PodAuction.Result r, String id) {
        return r.losers().stream().filter(l -> l.bid().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no loser " + id));
    }

    private static Set<String> loserIds(PodAuction.Result r) {
        return r.losers().stream().map(l -> l.bid().getId()).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------ choice: dedupe

    @Test
    void categoryDedupeKeepsOneAdPerCategoryButAllowsOneAdvertiserTwice() {
        // given: poddedupe 2 = IAB content taxonomy
        PodRequest pod = pod(dynamicImp("1", "p", 60, 0, PodDeduplication.POD_DEDUPLICATION_IAB_CONTENT_TAXONOMY));
        List<CandidateBid> bids = List.of(
                bid("beer", "1", 9 * CPM, 15, "brewer.example", "IAB8-5"),
                bid("wine", "1", 8 * CPM, 15, "winery.example", "IAB8-5"),
                bid("car1", "1", 7 * CPM, 15, "car.example", "IAB2"),
                bid("car2", "1", 6 * CPM, 15, "car.example", "IAB3"));

        // when
        PodAuction.Result r = auction.run(pod, 1, bids);

        // then
        assertEquals(Set.of("beer", "car1", "car2"), Set.copyOf(adIds(r)));
        assertEquals(Set.of("wine"), loserIds(r));
        assertEquals(LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE, loser(r, "wine").lossReason());
        assertTrue(loser(r, "wine").detail().contains("cat:1:IAB8-5"), loser(r, "wine").detail());
    }

    @Test
    void adomainDedupeKeepsOneAdPerAdvertiserButAllowsOneCategoryTwice() {
        // given: poddedupe 1 = adomain
        PodRequest pod = pod(dynamicImp("1", "p", 60, 0, PodDeduplication.POD_DEDUPLICATION_ADOMAIN));
        List<CandidateBid> bids = List.of(
                bid("beer", "1", 9 * CPM, 15, "brewer.example", "IAB8-5"),
                bid("wine", "1", 8 * CPM, 15, "winery.example", "IAB8-5"),
                bid("car1", "1", 7 * CPM, 15, "car.example", "IAB2"),
                bid("car2", "1", 6 * CPM, 15, "WWW.Car.example", "IAB3"));

        // when
        PodAuction.Result r = auction.run(pod, 1, bids);

        // then
        assertEquals(Set.of("beer", "wine", "car1"), Set.copyOf(adIds(r)));
        assertEquals(Set.of("car2"), loserIds(r), "www. and case do not make another advertiser");
    }

    @Test
    void withoutPoddedupeAdvertiserAndCategoryBothSeparateAndFiveTurnsSeparationOff() {
        List<CandidateBid> bids = List.of(
                bid("a", "1", 9 * CPM, 15, "x.example", "IAB1"),
                bid("b", "1", 3 * CPM, 15, "x.example", "IAB2"),
                bid("c", "1", 2 * CPM, 15, "y.example", "IAB1"),
                bid("d", "1", 1 * CPM, 15, "z.example", "IAB3"));

        PodAuction.Result byDefault = auction.run(pod(dynamicImp("1", "p", 60, 0)), 1, bids);
        PodAuction.Result none = auction.run(pod(dynamicImp("1", "p", 60, 0,
                PodDeduplication.POD_DEDUPLICATION_NONE)), 1, bids);

        assertEquals(Set.of("a", "d"), Set.copyOf(adIds(byDefault)));
        assertEquals(Set.of("a", "b", "c", "d"), Set.copyOf(adIds(none)));
    }

    @Test
    void creativeIdDedupeComparesWithinOneBidderOnly() {
        // given: poddedupe 3 = creative id; two bids of one bidder with one crid, and another bidder's same crid
        PodRequest pod = pod(dynamicImp("1", "p", 60, 0, PodDeduplication.POD_DEDUPLICATION_CREATIVE_ID));
        Bid base = Bid.newBuilder().setImpid("1").setCrid("spot-1").setDur(15).setAdm("<VAST/>").build();
        List<CandidateBid> bids = List.of(
                new CandidateBid("dsp1", "s", "", base.toBuilder().setId("a").setPrice(5).build(), "USD", 5 * CPM, 0, null, 0),
                new CandidateBid("dsp1", "s", "", base.toBuilder().setId("b").setPrice(4).build(), "USD", 4 * CPM, 0, null, 0),
                new CandidateBid("dsp2", "s", "", base.toBuilder().setId("c").setPrice(3).build(), "USD", 3 * CPM, 0, null, 1));

        PodAuction.Result r = auction.run(pod, 1, bids);

        assertEquals(Set.of("a", "c"), Set.copyOf(adIds(r)));
    }

    // ------------------------------------------------------------ choice: positions and count

    @Test
    void firstAndLastSlotBidsPlayAtTheEdgesAndOnlyOneBidGetsEachEdge() {
        // given: a dynamic pod the seller can place first and last ads in
        PodRequest pod = pod(dynamicImp("1", "p", 90, 0, PodDeduplication.POD_DEDUPLICATION_NONE));
        List<CandidateBid> bids = List.of(
                bid("mid-high", "1", 9 * CPM, 15, null, null),
                bid("last", "1", 8 * CPM, 15, null, null, SlotPositionInPod.SLOT_POSITION_IN_POD_LAST, 0, null),
                bid("first", "1", 7 * CPM, 15, null, null, SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST, 0, null),
                bid("first2", "1", 6 * CPM, 15, null, null, SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST, 0, null),
                bid("mid-low", "1", 2 * CPM, 15, null, null));

        // when
        PodAuction.Result r = auction.run(pod, 1, bids);

        // then: play order first, middle by price, last; the second FIRST bid cannot be placed
        assertEquals(List.of("first", "mid-high", "mid-low", "last"), adIds(r));
        assertEquals(List.of(1, 2, 3, 4), r.win().ads().stream().map(PodSlotWin::sequence).collect(Collectors.toList()));
        assertEquals(SlotPosition.FIRST, ad(r, "first").position());
        assertEquals(SlotPosition.ANY, ad(r, "mid-high").position());
        assertEquals(SlotPosition.LAST, ad(r, "last").position());
        assertEquals(Set.of("first2"), loserIds(r));
        // the imp wins are the same ads in the same order
        assertEquals(adIds(r), r.wins().stream().map(w -> w.winner().bid().getId()).collect(Collectors.toList()));
    }

    @Test
    void maxseqCapsTheNumberOfAdsAndItsAbsenceDoesNot() {
        List<CandidateBid> bids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bids.add(bid("b" + i, "1", (10 - i) * CPM, 10, "d" + i + ".example", null));
        }

        PodAuction.Result three = auction.run(pod(dynamicImp("1", "p", 60, 3)), 1, bids);
        PodAuction.Result unlimited = auction.run(pod(dynamicImp("1", "p", 60, 0)), 1, bids);

        assertEquals(List.of("b0", "b1", "b2"), adIds(three));
        assertEquals(6, unlimited.win().ads().size());
        assertEquals(60, unlimited.win().durationSeconds());
    }

    @Test
    void theOptimumBeatsTheGreedyFillAndRespectsPoddur() {
        // greedy by price takes the 45 s ad (10.00) and has 15 s left; three 20 s ads pay 15.00
        PodRequest pod = pod(dynamicImp("1", "p", 60, 0));
        PodAuction.Result r = auction.run(pod, 1, List.of(
                bid("long", "1", 10 * CPM, 45, "l.example", null),
                bid("a", "1", 5 * CPM, 20, "a.example", null),
                bid("b", "1", 5 * CPM, 20, "b.example", null),
                bid("c", "1", 5 * CPM, 20, "c.example", null)));

        assertEquals(Set.of("a", "b", "c"), Set.copyOf(adIds(r)));
        assertEquals(15 * CPM, r.win().clearingMicros());
        assertEquals(Set.of("long"), loserIds(r));
    }

    // ------------------------------------------------------------ structured pods

    @Test
    void structuredSlotsAreAuctionedOneBidPerSlot() {
        PodRequest pod = pod(slotImp("1", "p", SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST),
                slotImp("2", "p", SlotPositionInPod.SLOT_POSITION_IN_POD_ANY));
        PodAuction.Result r = auction.run(pod, 2, List.of(
                bid("s2-a", "2", 3 * CPM, 30, "a.example", null),
                bid("s1-a", "1", 9 * CPM, 30, "b.example", null),
                bid("s1-b", "1", 7 * CPM, 15, "c.example", null),
                bid("s2-b", "2", 2 * CPM, 30, "d.example", null)));

        assertEquals(List.of("s1-a", "s2-a"), adIds(r), "one ad per slot, slots in their order");
        assertEquals("1", ad(r, "s1-a").imp().getId());
        assertEquals(SlotPosition.FIRST, ad(r, "s1-a").position());
        assertEquals(7 * CPM + INCREMENT, ad(r, "s1-a").clearingMicros(), "second price within the slot");
        assertEquals(2 * CPM + INCREMENT, ad(r, "s2-a").clearingMicros());
        assertEquals(Set.of("s1-b", "s2-b"), loserIds(r));
        assertTrue(loser(r, "s1-b").detail().contains("slot"), loser(r, "s1-b").detail());
    }

    @Test
    void aBidSharingAnAdvertiserWithAnotherSlotsAdCannotWin() {
        // given: each slot's best bid is car.example; separately they would both win
        PodRequest pod = pod(slotImp("1", "p", SlotPositionInPod.SLOT_POSITION_IN_POD_ANY),
                slotImp("2", "p", SlotPositionInPod.SLOT_POSITION_IN_POD_ANY));
        List<CandidateBid> bids = List.of(
                bid("s1-car", "1", 10 * CPM, 30, "car.example", null),
                bid("s1-soap", "1", 6 * CPM, 30, "soap.example", null),
                bid("s2-car", "2", 9 * CPM, 30, "car.example", null),
                bid("s2-tea", "2", 2 * CPM, 30, "tea.example", null));

        // when
        PodAuction.Result r = auction.run(pod, 1, bids);

        // then: 6 + 9 = 15 beats 10 + 2 = 12; car.example plays once
        assertEquals(List.of("s1-soap", "s2-car"), adIds(r));
        assertEquals(15 * CPM, r.win().clearingMicros());
        assertTrue(loser(r, "s1-car").detail().contains("adomain:car.example"), loser(r, "s1-car").detail());
    }

    // ------------------------------------------------------------ hybrid pods

    @Test
    void aHybridPodIsFilledJointlyAndBeatsFillingTheSlotFirst() {
        // given: a 60 s break; a fixed first slot of 15 s, the rest dynamic
        Imp slot = Imp.newBuilder().setId("1").setVideo(Video.newBuilder().addMimes("video/mp4").setPodid("p")
                .setSlotinpod(SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST).setMinduration(15).setMaxduration(15)).build();
        Imp dynamic = dynamicImp("2", "p", 60, 4);
        PodRequest pod = pod(slot, dynamic);
        List<CandidateBid> bids = List.of(
                bid("slot-a", "1", 20 * CPM, 15, "a.example", null),
                bid("slot-b", "1", 12 * CPM, 15, "b.example", null),
                bid("dyn-a", "2", 30 * CPM, 30, "a.example", null),
                bid("dyn-c", "2", 10 * CPM, 15, "c.example", null),
                bid("dyn-d", "2", 8 * CPM, 15, "d.example", null),
                bid("dyn-first", "2", 5 * CPM, 15, "e.example", null,
                        SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST, 0, null));

        // when
        PodAuction.Result r = auction.run(pod, 1, bids);

        // then: slot first would take slot-a (20) and leave 45 s without a.example: 20 + 10 + 8 = 38;
        // jointly slot-b + dyn-a + dyn-c = 52 in exactly 60 s
        assertEquals(PodRequest.Kind.HYBRID, pod.kind());
        assertEquals(List.of("slot-b", "dyn-a", "dyn-c"), adIds(r));
        assertEquals(52 * CPM, r.win().clearingMicros());
        assertEquals(60, r.win().durationSeconds());
        assertEquals(SlotPosition.FIRST, ad(r, "slot-b").position());
        assertTrue(loserIds(r).containsAll(Set.of("slot-a", "dyn-d", "dyn-first")));
    }

    @Test
    void aHybridPodsDynamicBidCannotTakeTheFirstPositionOfAFilledFirstSlot() {
        Imp slot = slotImp("1", "p", SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST);
        PodRequest pod = pod(slot, dynamicImp("2", "p", 60, 0));
        PodAuction.Result r = auction.run(pod, 1, List.of(
                bid("slot", "1", 9 * CPM, 30, "a.example", null),
                bid("wants-first", "2", 8 * CPM, 15, "b.example", null,
                        SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST, 0, null),
                bid("wants-last", "2", 1 * CPM, 15, "c.example", null,
                        SlotPositionInPod.SLOT_POSITION_IN_POD_LAST, 0, null)));

        assertEquals(List.of("slot", "wants-last"), adIds(r));
        assertEquals(Set.of("wants-first"), loserIds(r));
        assertEquals(SlotPosition.LAST, ad(r, "wants-last").position());
    }

    // ------------------------------------------------------------ prices

    @Test
    void firstPriceEveryAdPaysItsBid() {
        PodAuction.Result r = auction.run(pod(dynamicImp("1", "p", 60, 0)), 1, List.of(
                bid("a", "1", 10 * CPM, 30, "a.example", null),
                bid("b", "1", 8 * CPM, 30, "b.example", null),
                bid("c", "1", 5 * CPM, 30, "c.example", null)));

        assertEquals(10 * CPM, ad(r, "a").clearingMicros());
        assertEquals(8 * CPM, ad(r, "b").clearingMicros());
        assertEquals(-1, ad(r, "a").win().minToWinMicros(), "first price shares no minimum to win in a pod");
        assertEquals(-1, loser(r, "c").minToWinMicros());
    }

    @Test
    void secondPriceEveryAdPaysTheLowestPriceAtWhichItStillWinsItsPlace() {
        // given: 60 s, three 30 s ads; the best pod is a + b
        PodAuction.Result r = auction.run(pod(dynamicImp("1", "p", 60, 0)), 2, List.of(
                bid("a", "1", 10 * CPM, 30, "a.example", null),
                bid("b", "1", 8 * CPM, 30, "b.example", null),
                bid("c", "1", 5 * CPM, 30, "c.example", null)));

        // then: without a the pod pays b + c = 13, with a the others pay 8: a needs 5; b likewise 15 - 10 = 5
        assertEquals(5 * CPM + INCREMENT, ad(r, "a").clearingMicros());
        assertEquals(5 * CPM + INCREMENT, ad(r, "b").clearingMicros());
        assertEquals(5 * CPM, ad(r, "b").win().minToWinMicros());
    }

    @Test
    void secondPriceOfALongAdCountsEveryShorterAdThatWouldHaveFilledItsTime() {
        // given: 30 s; a 30 s ad at 12.00 against two 15 s ads at 6.00 and 5.00
        PodAuction.Result r = auction.run(pod(dynamicImp("1", "p", 30, 0)), 2, List.of(
                bid("long", "1", 12 * CPM, 30, "l.example", null),
                bid("s1", "1", 6 * CPM, 15, "s1.example", null),
                bid("s2", "1", 5 * CPM, 15, "s2.example", null)));

        // then: its place is worth 11.00 to the others, not the 6.00 of the best single loser
        assertEquals(List.of("long"), adIds(r));
        assertEquals(11 * CPM + INCREMENT, ad(r, "long").clearingMicros());
    }

    @Test
    void secondPriceNeverGoesBelowTheFloorNorAboveTheBid() {
        // given: floors 6.00 for a, 0 for b; a's threshold 5.00 is under its floor; b's close to its bid
        PodAuction.Result r = auction.run(pod(dynamicImp("1", "p", 60, 0)), 2, List.of(
                bid("a", "1", 10 * CPM, 30, "a.example", null, SlotPositionInPod.SLOT_POSITION_IN_POD_ANY, 6 * CPM, null),
                bid("b", "1", 5 * CPM, 30, "b.example", null),
                bid("c", "1", 5 * CPM, 30, "c.example", null)));

        assertEquals(6 * CPM + INCREMENT, ad(r, "a").clearingMicros());
        PodSlotWin second = r.win().ads().get(1);
        assertEquals(5 * CPM, second.clearingMicros(), "tied with the loser: pays its bid, not bid + increment");
    }

    @Test
    void aDealWithAt3PaysItsFloorAndADealsAtOverridesTheRequest() {
        Deal fixed = Deal.newBuilder().setId("fixed").setBidfloor(7).setAt(AuctionType.AUCTION_TYPE_FIXED_PRICE).build();
        Deal first = Deal.newBuilder().setId("first").setAt(AuctionType.AUCTION_TYPE_FIRST_PRICE).build();
        PodAuction.Result r = auction.run(pod(dynamicImp("1", "p", 60, 0)), 2, List.of(
                bid("a", "1", 10 * CPM, 30, "a.example", null, SlotPositionInPod.SLOT_POSITION_IN_POD_ANY, 7 * CPM, fixed),
                bid("b", "1", 9 * CPM, 30, "b.example", null, SlotPositionInPod.SLOT_POSITION_IN_POD_ANY, 0, first),
                bid("c", "1", 1 * CPM, 30, "c.example", null)));

        assertEquals(7 * CPM, ad(r, "a").clearingMicros());
        assertEquals(9 * CPM, ad(r, "b").clearingMicros());
    }

    @Test
    void guaranteedDealBidsFillThePodBeforeOpenBids() {
        Deal guaranteed = Deal.newBuilder().setId("g").setGuar(1).build();
        PodAuction.Result r = auction.run(pod(dynamicImp("1", "p", 30, 0)), 2, List.of(
                bid("open", "1", 20 * CPM, 30, "a.example", null),
                bid("deal", "1", 3 * CPM, 30, "b.example", null, SlotPositionInPod.SLOT_POSITION_IN_POD_ANY, CPM, guaranteed)));

        assertEquals(List.of("deal"), adIds(r));
        assertEquals(CPM + INCREMENT, ad(r, "deal").clearingMicros(), "nothing outranks it: floor + increment");
        assertEquals(Set.of("open"), loserIds(r));
    }

    @Test
    void noBidsNoPod() {
        PodAuction.Result r = auction.run(pod(dynamicImp("1", "p", 30, 0)), 2, List.of());
        assertNull(r.win());
        assertTrue(r.wins().isEmpty() && r.losers().isEmpty());
    }

    // ------------------------------------------------------------ against brute force

    @Test
    void matchesABruteForceChoiceAndPricesOnRandomPods() {
        long seed = System.nanoTime();
        System.out.println("PodAuctionTest seed " + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 400; round++) {
            String where = "seed " + seed + " round " + round;
            int kind = rnd.nextInt(3); // 0 dynamic, 1 structured, 2 hybrid
            List<Imp> imps = new ArrayList<>();
            int slots = kind == 0 ? 0 : 1 + rnd.nextInt(3);
            for (int s = 0; s < slots; s++) {
                SlotPositionInPod pos = rnd.nextInt(4) == 0 ? (s == 0 ? SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST
                        : SlotPositionInPod.SLOT_POSITION_IN_POD_LAST) : SlotPositionInPod.SLOT_POSITION_IN_POD_ANY;
                imps.add(slotImp("s" + s, "p", pos));
            }
            int poddur = 30 + 5 * rnd.nextInt(19);
            int maxseq = rnd.nextInt(5);
            if (kind != 1) {
                imps.add(dynamicImp("d", "p", poddur, maxseq));
            }
            PodRequest pod = new PodRequest("p", imps);
            int n = 1 + rnd.nextInt(10);
            List<CandidateBid> bids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Imp imp = imps.get(rnd.nextInt(imps.size()));
                boolean dynamic = imp.getId().equals("d");
                SlotPositionInPod slot = dynamic && rnd.nextInt(4) == 0
                        ? SlotPositionInPod.forNumber(new int[] {1, -1, 2}[rnd.nextInt(3)]) : SlotPositionInPod.SLOT_POSITION_IN_POD_ANY;
                bids.add(bid("b" + i, imp.getId(), 100_000L * (1 + rnd.nextInt(50)), 5 * (1 + rnd.nextInt(6)),
                        rnd.nextInt(3) > 0 ? "d" + rnd.nextInt(4) + ".example" : null,
                        rnd.nextBoolean() ? "IAB" + rnd.nextInt(3) : null, slot, 100_000L * rnd.nextInt(8), null));
            }
            int at = 1 + rnd.nextInt(2);

            PodAuction.Result r = auction.run(pod, at, bids);

            int cap = kind == 1 ? Integer.MAX_VALUE : poddur;
            int count = kind == 1 ? 0 : maxseq;
            List<CandidateBid> chosen = r.win() == null ? List.of()
                    : r.win().ads().stream().map(a -> a.win().winner()).collect(Collectors.toList());
            assertTrue(Brute.feasible(chosen, imps, cap, count), where + ": infeasible " + adIds(r));
            assertTrue(Brute.ordered(r), where + ": order " + adIds(r));
            long best = Brute.best(bids, imps, cap, count);
            assertEquals(best, chosen.stream().mapToLong(CandidateBid::priceMicros).sum(), where);
            assertEquals(n, chosen.size() + r.losers().size(), where);
            for (CandidateBid w : chosen) {
                List<CandidateBid> without = new ArrayList<>(bids);
                without.remove(w);
                long threshold = Brute.best(without, imps, cap, count) - (best - w.priceMicros());
                long expected = at == 1 ? w.priceMicros()
                        : Math.min(w.priceMicros(), Math.max(threshold, w.floorMicros()) + INCREMENT);
                assertEquals(expected, ad(r, w.bid().getId()).clearingMicros(), where + " ad " + w.bid().getId());
            }
        }
    }

    /** The rules written out again, independently of the solver: every subset is tried. */
    private static final class Brute {
        static long best(List<CandidateBid> bids, List<Imp> imps, int cap, int maxseq) {
            long best = 0;
            for (int mask = 0; mask < 1 << bids.size(); mask++) {
                List<CandidateBid> set = new ArrayList<>();
                for (int i = 0; i < bids.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        set.add(bids.get(i));
                    }
                }
                if (feasible(set, imps, cap, maxseq)) {
                    best = Math.max(best, set.stream().mapToLong(CandidateBid::priceMicros).sum());
                }
            }
            return best;
        }

        static boolean feasible(List<CandidateBid> set, List<Imp> imps, int cap, int maxseq) {
            if (maxseq > 0 && set.size() > maxseq) {
                return false;
            }
            long total = set.stream().mapToLong(c -> c.bid().getDur()).sum();
            if (total > cap) {
                return false;
            }
            Set<String> seen = new HashSet<>();
            int first = 0;
            int last = 0;
            int either = 0;
            Map<String, Imp> byId = imps.stream().collect(Collectors.toMap(Imp::getId, i -> i));
            for (CandidateBid c : set) {
                String impId = c.bid().getImpid();
                boolean dynamic = byId.get(impId).getVideo().hasPoddur();
                if (!dynamic && !seen.add("slot " + impId)) {
                    return false;
                }
                for (String d : c.bid().getAdomainList()) {
                    if (!seen.add("domain " + d)) {
                        return false;
                    }
                }
                for (String k : c.bid().getCatList()) {
                    if (!seen.add("cat " + k)) {
                        return false;
                    }
                }
                int pos = dynamic ? c.bid().getSlotinpodValue() : byId.get(impId).getVideo().getSlotinpodValue();
                first += pos == 1 ? 1 : 0;
                last += pos == -1 ? 1 : 0;
                either += pos == 2 ? 1 : 0;
            }
            return set.size() <= 1 || first <= 1 && last <= 1 && first + last + either <= 2;
        }

        /** Edge ads at the edges; structured slots keep their request order. */
        static boolean ordered(PodAuction.Result r) {
            if (r.win() == null) {
                return true;
            }
            List<PodSlotWin> ads = r.win().ads();
            for (int i = 0; i < ads.size(); i++) {
                PodSlotWin a = ads.get(i);
                if (a.sequence() != i + 1) {
                    return false;
                }
                int pos = a.imp().getVideo().hasPoddur() ? a.bid().getSlotinpodValue() : a.imp().getVideo().getSlotinpodValue();
                if (pos == 1 && i != 0 || pos == -1 && i != ads.size() - 1 || pos == 2 && i != 0 && i != ads.size() - 1) {
                    return false;
                }
            }
            return true;
        }
    }
}
