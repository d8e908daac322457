package io.podium.exchange.auction;

import io.podium.exchange.bidder.BidderResult;
import io.podium.openrtb.BidRequest;
import java.util.List;
import java.util.Optional;

/**
 * Everything one auction decided.
 *
 * @param wins one per imp that has a winner, and one per ad of a filled pod (a dynamic pod
 *             imp can have several); pod ads come in play order
 * @param pods the filled ad pods, in the order of their first imp; see {@link PodWin}
 * @param losers every bid that did not win, with its loss reason
 * @param bidders what each called bidder answered (or failed to)
 * @param slowestBidderNanos the longest bidder wait of this auction (deadline-bounded), for
 *                           the exchange-overhead metric
 * @param startedAtMillis the business clock when the auction started (campaigns reserved their
 *                        budget then): the time notices are issued at, so that a win straddling
 *                        midnight is billed to the day its budget was reserved on; 0 if unknown
 */
public record AuctionOutcome(BidRequest request, List<ImpWin> wins, List<PodWin> pods, List<RejectedBid> losers,
                             List<BidderResult> bidders, long slowestBidderNanos, long startedAtMillis) {

    /** When this auction's notices are issued: when it started, else (not known) the clock's now. */
    public long noticeTime(java.time.Clock clock) {
        return startedAtMillis > 0 ? startedAtMillis : clock.millis();
    }

    /** The filled pod with this {@code podid}, if any ad won it. */
    public Optional<PodWin> pod(String podId) {
        for (PodWin p : pods) {
            if (p.podId().equals(podId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
