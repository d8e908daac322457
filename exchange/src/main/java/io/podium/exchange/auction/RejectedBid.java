package io.podium.exchange.auction;

import io.podium.openrtb.Bid;

/**
 * A bid that did not win: refused by validation or beaten in the auction.
 *
 * @param lossReason OpenRTB loss reason code
 * @param detail a human-readable explanation (logs, debugging)
 * @param currency the bid's currency, for macros
 * @param minToWinMicros exchange-currency price needed to tie the winner, or -1 when not shared
 */
public record RejectedBid(String bidderId, String seat, String responseBidId, Bid bid, String currency,
                          int lossReason, String detail, long minToWinMicros) {
}
