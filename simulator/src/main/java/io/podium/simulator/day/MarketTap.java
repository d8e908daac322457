package io.podium.simulator.day;

import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.podium.openrtb.SeatBid;
import io.podium.simulator.dsp.MockDsp;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The external market of each auction, as the mock DSPs answered it: for every open request, the
 * best DSP bid per imp that reached the exchange before the bidder's deadline (the {@code tmax}
 * the exchange gave it). The baselines replay the day against these prices.
 */
final class MarketTap implements MockDsp.AnswerTap {
    private final ConcurrentHashMap<String, long[]> open = new ConcurrentHashMap<>();

    /** Starts recording request {@code id}, whose imps are numbered 1 to {@code imps}. */
    void open(String id, int imps) {
        open.put(id, new long[imps]);
    }

    /** Stops recording {@code id}: the best in-time DSP price per imp, CPM micros (0 = none). */
    long[] close(String id) {
        long[] best = open.remove(id);
        if (best == null) {
            return new long[0];
        }
        synchronized (best) {
            return best.clone();
        }
    }

    @Override
    public void answered(BidRequest request, BidResponse bids, long delayMs) {
        if (bids == null || delayMs >= request.getTmax()) {
            return;
        }
        long[] best = open.get(request.getId());
        if (best == null) {
            return;
        }
        synchronized (best) {
            for (SeatBid sb : bids.getSeatbidList()) {
                for (Bid b : sb.getBidList()) {
                    int i = impIndex(b.getImpid());
                    if (i >= 0 && i < best.length) {
                        best[i] = Math.max(best[i], Math.round(b.getPrice() * 1_000_000));
                    }
                }
            }
        }
    }

    private static int impIndex(String impId) {
        try {
            return Integer.parseInt(impId) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
