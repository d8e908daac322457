package io.podium.exchange.bidder;

import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;

/**
 * What one bidder call gave: never an exception. {@code response} is set only for
 * {@link Status#BIDS}; {@code error} explains every other status.
 *
 * @param sent the request this bidder received
 * @param latencyNanos from send to complete answer (or to the failure)
 */
public record BidderResult(DemandSource bidder, BidRequest sent, Status status, BidResponse response, int noBidReason,
                           String error, long latencyNanos) {

    public enum Status {
        /** A valid response with at least one seatbid. */
        BIDS,
        /** HTTP 204, or a response without seatbid (nbr carries the reason). */
        NO_BID,
        /** No complete answer before the deadline. */
        TIMEOUT,
        /** Connection refused or reset, HTTP error status, unreadable or too large body. */
        ERROR,
        /** A readable response that breaks the protocol (wrong id, wrong type, ...). */
        INVALID
    }

    public boolean failed() {
        return status == Status.TIMEOUT || status == Status.ERROR || status == Status.INVALID;
    }
}
