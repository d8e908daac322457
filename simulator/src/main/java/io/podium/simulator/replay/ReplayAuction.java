package io.podium.simulator.replay;

/**
 * The exchange's open-market second-price auction ({@code ImpAuction} with {@code at=2}, no
 * deals) over plain numbers, without allocation. Bids are offered in arrival order; the
 * highest price wins, a tie goes to the earlier offer. The winner pays
 * {@code min(its bid, max(next-best price, floor) + increment)}.
 *
 * <p>The replay offers the campaigns first, in the order of their bid ids (as the exchange
 * breaks ties between bids of one answer), then the external bid: Podium's campaigns answer at
 * once, before any DSP, so in the exchange they win a tie with an external bid.
 *
 * <p>Callers offer only bids at or above the floor (the exchange screens out the others).
 * Used by one thread.
 */
final class ReplayAuction {
    /** No winner. */
    static final int NONE = -1;
    /** The external bid won. */
    static final int EXTERNAL = -2;

    private final long incrementMicros;
    private long floor;
    private long best;
    private long next;
    private int winner;

    ReplayAuction(long incrementMicros) {
        if (incrementMicros < 0) {
            throw new IllegalArgumentException("incrementMicros must be >= 0, got " + incrementMicros);
        }
        this.incrementMicros = incrementMicros;
    }

    /** Starts the auction of an imp with this floor, CPM micros. */
    void begin(long floorCpmMicros) {
        floor = floorCpmMicros;
        best = -1;
        next = -1;
        winner = NONE;
    }

    /**
     * Offers a bid, in arrival order.
     *
     * @param bidder a campaign index, or {@link #EXTERNAL}
     */
    void offer(int bidder, long priceCpmMicros) {
        if (priceCpmMicros > best) {
            next = best;
            best = priceCpmMicros;
            winner = bidder;
        } else if (priceCpmMicros > next) {
            next = priceCpmMicros;
        }
    }

    /** The winner: a campaign index, {@link #EXTERNAL} or {@link #NONE}. */
    int winner() {
        return winner;
    }

    /** What the winner pays, CPM micros; meaningless when there is no winner. */
    long clearingCpmMicros() {
        return Math.min(best, Math.max(0, Math.max(next, floor)) + incrementMicros);
    }
}
