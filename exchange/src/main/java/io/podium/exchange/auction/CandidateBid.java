package io.podium.exchange.auction;

import io.podium.openrtb.Bid;
import io.podium.openrtb.Deal;

/**
 * A bid that passed validation and takes part in its imp's auction.
 *
 * @param bidderId the configured bidder that sent it
 * @param seat the buyer seat
 * @param responseBidId {@code BidResponse.bidid} of the response it came in (may be empty)
 * @param bid the bid as received
 * @param currency the bid's currency
 * @param priceMicros the bid price converted to the exchange currency
 * @param floorMicros the floor that applied to it (imp floor, or the deal's), exchange currency
 * @param deal the request deal it is for, or null for the open market
 * @param arrival order of arrival within the auction, for a stable tie-break
 */
public record CandidateBid(String bidderId, String seat, String responseBidId, Bid bid, String currency,
                           long priceMicros, long floorMicros, Deal deal, int arrival) {

    public boolean guaranteedDeal() {
        return deal != null && deal.getGuar() == 1;
    }
}
