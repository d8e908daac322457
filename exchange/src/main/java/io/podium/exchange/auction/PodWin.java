package io.podium.exchange.auction;

import java.util.List;

/**
 * The ads chosen for one pod ({@code podid}), in play order. Present in
 * {@link AuctionOutcome#pods()} only when at least one ad won.
 */
public record PodWin(String podId, List<PodSlotWin> ads) {

    public PodWin {
        ads = List.copyOf(ads);
    }

    /** The pod's length: the sum of its ads' durations, seconds. */
    public int durationSeconds() {
        int sum = 0;
        for (PodSlotWin a : ads) {
            sum += a.durationSeconds();
        }
        return sum;
    }

    /** What the pod's ads pay together, CPM micros of the exchange currency. */
    public long clearingMicros() {
        long sum = 0;
        for (PodSlotWin a : ads) {
            sum += a.clearingMicros();
        }
        return sum;
    }
}
