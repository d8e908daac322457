package io.podium.exchange.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices are {@code long} micros of a currency unit (CPM prices: micros per thousand impressions). */
public final class Money {
    public static final long MICROS = 1_000_000L;

    private Money() {
    }

    /**
     * A spec price (JSON number) to micros, rounded half-up to the micro on the decimal value
     * the number was written as (so 8.2399785 gives 8_239_979, which {@code price * 1e6}
     * would miss by binary rounding).
     */
    public static long toMicros(double price) {
        if (Double.isNaN(price) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("not a price: " + price);
        }
        return BigDecimal.valueOf(price).setScale(6, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** Micros back to a spec price. Exact for every value below 2^53 micros. */
    public static double toPrice(long micros) {
        return micros / (double) MICROS;
    }

    /** Plain decimal text with no trailing zeros: 1_230_000 -> "1.23", 2_000_000 -> "2". */
    public static String format(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    /** The ratio a/b as decimal text with up to six places, for macros such as AUCTION_MBR. */
    public static String ratio(long a, long b) {
        if (b == 0) {
            return "";
        }
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 6, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
