package io.podium.exchange.notice;

import io.podium.exchange.auction.CurrencyConverter;
import io.podium.exchange.auction.Money;
import io.podium.openrtb.Bid;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Imp;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of the §4.4 macros for one bid. Prices are given in the bid's own currency
 * (converted from the exchange currency), as the specification asks.
 */
public final class MacroValues {
    private final CurrencyConverter currencies;

    public MacroValues(CurrencyConverter currencies) {
        this.currencies = currencies;
    }

    /**
     * @param clearingMicros exchange-currency clearing price, or -1 when the bid lost
     * @param minToWinMicros exchange-currency minimum to win, or -1 when not shared
     * @param lossReason the loss reason code (0 for the winner)
     */
    public Map<String, String> of(BidRequest request, Imp imp, String responseBidId, String seat, Bid bid,
                                  String currency, long clearingMicros, long minToWinMicros, int lossReason) {
        Map<String, String> m = new HashMap<>(16);
        m.put(Macros.AUCTION_ID, request.getId());
        m.put(Macros.AUCTION_BID_ID, responseBidId == null ? "" : responseBidId);
        m.put(Macros.AUCTION_IMP_ID, bid.getImpid());
        m.put(Macros.AUCTION_SEAT_ID, seat);
        m.put(Macros.AUCTION_AD_ID, bid.getAdid());
        m.put(Macros.AUCTION_CURRENCY, currency);
        m.put(Macros.AUCTION_LOSS, Integer.toString(lossReason));
        if (clearingMicros >= 0) {
            long clearingInBidCurrency = currencies.fromExchange(clearingMicros, currency);
            m.put(Macros.AUCTION_PRICE, Money.format(clearingInBidCurrency));
            m.put(Macros.AUCTION_MBR, Money.ratio(clearingInBidCurrency, Money.toMicros(bid.getPrice())));
        }
        if (minToWinMicros >= 0) {
            m.put(Macros.AUCTION_MIN_TO_WIN, Money.format(currencies.fromExchange(minToWinMicros, currency)));
        }
        if (imp != null && imp.hasQty() && imp.getQty().hasMultiplier()) {
            m.put(Macros.AUCTION_MULTIPLIER, stripZeros(imp.getQty().getMultiplier()));
        }
        return m;
    }

    private static String stripZeros(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
