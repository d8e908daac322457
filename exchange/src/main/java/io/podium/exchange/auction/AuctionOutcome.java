package io.podium.exchange.auction;

import io.podium.exchange.bidder.BidderResult;
import io.podium.openrtb.BidRequest;
import java.util.List;

/**
 * Everything one auction decided.
 *
 * @param wins one per imp that has a winner
 * @param losers every bid that did not win, with its loss reason
 * @param bidders what each called bidder answered (or failed to)
 * @param slowestBidderNanos the longest bidder wait of this auction (deadline-bounded), for
 *                           the exchange-overhead metric
 */
public record AuctionOutcome(BidRequest request, List<ImpWin> wins, List<RejectedBid> losers,
                             List<BidderResult> bidders, long slowestBidderNanos) {
}
