package io.podium.exchange.auction;

import java.util.Locale;
import java.util.Map;

/**
 * Converts amounts between currencies through the exchange currency, with the configured
 * rate table (value of one unit of a currency in micros of the exchange currency).
 */
public final class CurrencyConverter {
    private final String exchangeCurrency;
    private final Map<String, Long> ratesMicros;

    public CurrencyConverter(String exchangeCurrency, Map<String, Long> ratesMicros) {
        this.exchangeCurrency = exchangeCurrency;
        this.ratesMicros = Map.copyOf(ratesMicros);
        if (!this.ratesMicros.containsKey(exchangeCurrency)) {
            throw new IllegalArgumentException("the rate table must contain the exchange currency " + exchangeCurrency);
        }
    }

    public String exchangeCurrency() {
        return exchangeCurrency;
    }

    public boolean knows(String currency) {
        return ratesMicros.containsKey(normalize(currency));
    }

    /** micros of {@code currency} to micros of the exchange currency, rounded half-up. */
    public long toExchange(long micros, String currency) {
        long rate = rate(currency);
        return divideRound(Math.multiplyExact(micros, rate), Money.MICROS);
    }

    /** micros of the exchange currency to micros of {@code currency}, rounded half-up. */
    public long fromExchange(long micros, String currency) {
        long rate = rate(currency);
        return divideRound(Math.multiplyExact(micros, Money.MICROS), rate);
    }

    private long rate(String currency) {
        Long rate = ratesMicros.get(normalize(currency));
        if (rate == null) {
            throw new IllegalArgumentException("no rate configured for currency " + currency);
        }
        return rate;
    }

    private static String normalize(String currency) {
        return currency == null || currency.isEmpty() ? "USD" : currency.toUpperCase(Locale.ROOT);
    }

    private static long divideRound(long a, long b) {
        long q = Math.floorDiv(a, b);
        long r = Math.floorMod(a, b);
        return 2 * r >= b ? q + 1 : q;
    }
}
