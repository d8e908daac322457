package io.podium.exchange.auction;

import io.podium.exchange.pod.PodCandidate.SlotPosition;
import io.podium.openrtb.Bid;
import io.podium.openrtb.Imp;

/**
 * One ad of a filled pod.
 *
 * @param sequence its place in play order, 1 to n
 * @param position the pod edge it was placed at because it (or its structured slot) asked for
 *                 one: {@link SlotPosition#FIRST} or {@link SlotPosition#LAST}; otherwise
 *                 {@link SlotPosition#ANY}
 * @param win the imp it won (a dynamic imp has several such wins), its bid, clearing price
 *            and minimum to win
 */
public record PodSlotWin(int sequence, SlotPosition position, ImpWin win) {

    public String bidderId() {
        return win.winner().bidderId();
    }

    public String seat() {
        return win.winner().seat();
    }

    /** The bid as the bidder sent it: adm, nurl, burl, lurl, adomain, cat, crid, dur. */
    public Bid bid() {
        return win.winner().bid();
    }

    public Imp imp() {
        return win.imp();
    }

    /** What the ad pays, CPM micros of the exchange currency. */
    public long clearingMicros() {
        return win.clearingMicros();
    }

    public int durationSeconds() {
        return win.winner().bid().getDur();
    }
}
