package io.podium.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.exchange.auction.CandidateBid;
import io.podium.exchange.auction.ImpAuction;
import io.podium.openrtb.Bid;
import io.podium.openrtb.Imp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The replay's auction gives the exchange's {@link ImpAuction} winner and clearing price. */
class ReplayAuctionTest {
    private static final String[] IDS = {"a", "ab", "a1", "b", "c10", "c1", "c2", "z"};

    @Test
    void secondPricePlusIncrementCappedByTheBid() {
        ReplayAuction auction = new ReplayAuction(10_000);
        auction.begin(1_000_000);
        auction.offer(0, 3_000_000);
        auction.offer(1, 2_000_000);
        assertEquals(0, auction.winner());
        assertEquals(2_010_000, auction.clearingCpmMicros());

        auction.begin(1_000_000);
        auction.offer(0, 1_005_000); // alone: floor + increment, capped by the bid
        assertEquals(1_005_000, auction.clearingCpmMicros());

        auction.begin(0);
        auction.offer(0, 2_000_000);
        auction.offer(ReplayAuction.EXTERNAL, 2_000_000); // a tie: the earlier offer wins
        assertEquals(0, auction.winner());
        assertEquals(2_000_000, auction.clearingCpmMicros());

        auction.begin(0);
        assertEquals(ReplayAuction.NONE, auction.winner());
    }

    @Test
    void matchesImpAuctionOnRandomCases() {
        long seed = System.nanoTime();
        System.out.println("matchesImpAuctionOnRandomCases seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Imp imp = Imp.newBuilder().setId("1").build();
        for (int round = 0; round < 20_000; round++) {
            long increment = random.nextInt(3) * 10_000L;
            long floor = random.nextInt(4) * 500_000L;
            int n = random.nextInt(5);
            List<String> ids = new ArrayList<>(List.of(IDS));
            java.util.Collections.shuffle(ids, new java.util.Random(random.nextLong()));
            List<CandidateBid> candidates = new ArrayList<>();
            List<Integer> campaignIndexes = new ArrayList<>();
            long[] prices = new long[n];
            for (int i = 0; i < n; i++) {
                prices[i] = random.nextInt(6) * 500_000L; // few values: many ties
                if (prices[i] >= floor) {
                    campaignIndexes.add(i);
                    // Podium's campaigns: one answer, first (arrival 0), bid id campaignId~impId
                    candidates.add(candidate(ids.get(i) + "~1", prices[i], floor, 0));
                }
            }
            long external = random.nextInt(3) == 0 ? 0 : random.nextInt(6) * 500_000L;
            boolean externalBids = external > 0 && external >= floor;
            if (externalBids) {
                candidates.add(candidate("dsp-bid", external, floor, 1));
            }

            ReplayAuction replay = new ReplayAuction(increment);
            replay.begin(floor);
            campaignIndexes.sort(Comparator.comparing(i -> ids.get(i) + "~"));
            for (int i : campaignIndexes) {
                replay.offer(i, prices[i]);
            }
            if (externalBids) {
                replay.offer(ReplayAuction.EXTERNAL, external);
            }
            ImpAuction.Result expected = new ImpAuction(increment).run(imp, 2, candidates);

            String where = "seed " + seed + " round " + round;
            if (expected.win() == null) {
                assertEquals(ReplayAuction.NONE, replay.winner(), where);
                continue;
            }
            String winnerBid = expected.win().winner().bid().getId();
            String replayWinner = replay.winner() == ReplayAuction.EXTERNAL ? "dsp-bid"
                    : replay.winner() == ReplayAuction.NONE ? "none" : ids.get(replay.winner()) + "~1";
            assertEquals(winnerBid, replayWinner, where);
            assertEquals(expected.win().clearingMicros(), replay.clearingCpmMicros(), where);
        }
    }

    private static CandidateBid candidate(String bidId, long price, long floor, int arrival) {
        Bid bid = Bid.newBuilder().setId(bidId).setImpid("1").build();
        return new CandidateBid(arrival == 0 ? "campaigns" : "dsp", "seat", "", bid, "USD", price, floor, null,
                arrival);
    }
}
