package io.podium.exchange.auction;

import io.podium.openrtb.Imp;
import io.podium.openrtb.LossReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the auction of one imp over its screened candidates.
 *
 * <ul>
 *   <li>Bids on guaranteed deals ({@code deal.guar=1}) go first: when there is one, every
 *       other bid loses with reason 103 (lost to a PMP deal).</li>
 *   <li>The highest price wins; ties go to the earlier answer, then the lower bid id.</li>
 *   <li>First price ({@code at=1}): the winner pays its bid. Second price plus
 *       ({@code at=2}): the winner pays max(next-best price, its floor) + the increment,
 *       never more than its bid. A deal's own {@code at} overrides the request's; a deal
 *       with {@code at=3} pays the deal's floor.</li>
 *   <li>{@code ${AUCTION_MIN_TO_WIN}} per OpenRTB 2.6 §4.4.1: for the winner, the next-best
 *       price, or its floor when that is higher (a bid under the floor cannot win); for a loser, the winner's bid (first price) or the clearing price
 *       (second price).</li>
 * </ul>
 */
public final class ImpAuction {
    /** Highest price first; ties to the earlier answer, then the lower bid id. */
    static final Comparator<CandidateBid> BEST_FIRST = Comparator
            .comparingLong(CandidateBid::priceMicros).reversed()
            .thenComparingInt(CandidateBid::arrival)
            .thenComparing(c -> c.bid().getId());

    private final long incrementMicros;

    public ImpAuction(long secondPriceIncrementMicros) {
        this.incrementMicros = secondPriceIncrementMicros;
    }

    /** The second-price increment, exchange-currency micros. */
    public long incrementMicros() {
        return incrementMicros;
    }

    /** The result: the win (null when no candidate) and the losers. */
    public record Result(ImpWin win, List<RejectedBid> losers) {
    }

    /**
     * @param requestAt the request's auction type (1 or 2; anything else is treated as 2)
     */
    public Result run(Imp imp, int requestAt, List<CandidateBid> candidates) {
        if (candidates.isEmpty()) {
            return new Result(null, List.of());
        }
        List<CandidateBid> sorted = new ArrayList<>(candidates);
        sorted.sort(BEST_FIRST);
        List<CandidateBid> contenders = new ArrayList<>();
        List<CandidateBid> outranked = new ArrayList<>();
        boolean guaranteed = sorted.stream().anyMatch(CandidateBid::guaranteedDeal);
        for (CandidateBid c : sorted) {
            (guaranteed && !c.guaranteedDeal() ? outranked : contenders).add(c);
        }
        CandidateBid winner = contenders.get(0);
        long next = contenders.size() > 1 ? contenders.get(1).priceMicros() : -1;
        int at = winner.deal() != null && winner.deal().hasAt() ? winner.deal().getAtValue() : requestAt;
        long clearing;
        if (at == 3) {
            clearing = Math.min(winner.priceMicros(), winner.floorMicros());
        } else if (at == 1) {
            clearing = winner.priceMicros();
        } else {
            long base = Math.max(next, winner.floorMicros());
            clearing = Math.min(winner.priceMicros(), Math.max(0, base) + incrementMicros);
        }
        long winnerMinToWin = Math.max(next, winner.floorMicros());
        long loserMinToWin = at == 1 || at == 3 ? winner.priceMicros() : clearing;
        List<RejectedBid> losers = new ArrayList<>(sorted.size() - 1);
        for (CandidateBid c : sorted) {
            if (c == winner) {
                continue;
            }
            boolean toDeal = winner.deal() != null && c.deal() == null;
            int reason = toDeal ? LossReason.LOSS_REASON_LOST_TO_PMP_DEAL_VALUE : LossReason.LOSS_REASON_LOST_TO_HIGHER_BID_VALUE;
            losers.add(new RejectedBid(c.bidderId(), c.seat(), c.responseBidId(), c.bid(), c.currency(), reason,
                    toDeal ? "lost to a deal" : "lost to a higher bid", loserMinToWin));
        }
        return new Result(new ImpWin(imp, winner, clearing, winnerMinToWin), losers);
    }
}
