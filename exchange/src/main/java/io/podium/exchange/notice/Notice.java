package io.podium.exchange.notice;

/**
 * The facts one signed notice URL carries. Everything here is covered by the HMAC.
 *
 * @param type win or billing
 * @param auctionId the supply's {@code BidRequest.id}
 * @param impId the imp won
 * @param bidId the DSP's bid id
 * @param bidderId the configured bidder that won
 * @param seat the buyer seat
 * @param priceMicros clearing price in the exchange currency
 * @param currency the exchange currency
 * @param issuedAtMillis when the auction produced it (wall clock)
 * @param forwardUrl the DSP's own notice URL with macros already expanded (except
 *                   {@code ${AUCTION_IMP_TS}}), or empty when it gave none
 * @param markupOnNotice whether the winning bid carried no markup, so the win notice must
 *                       return the markup the DSP serves on its own win notice
 */
public record Notice(NoticeType type, String auctionId, String impId, String bidId, String bidderId, String seat,
                     long priceMicros, String currency, long issuedAtMillis, String forwardUrl,
                     boolean markupOnNotice) {

    /** The identity used to act on a notice only once: type, auction, imp and bid. */
    public String dedupeKey() {
        return type.path() + '\u0000' + auctionId + '\u0000' + impId + '\u0000' + bidId + '\u0000' + bidderId;
    }
}
