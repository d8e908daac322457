package io.podium.exchange.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CurrencyConverterTest {
    private final CurrencyConverter converter = new CurrencyConverter("USD",
            Map.of("USD", 1_000_000L, "EUR", 1_100_000L, "JPY", 6_700L, "HALF", 500_000L));

    @Test
    void convertsEurosToUsdMicros() {
        // 2.00 EUR at 1.10 USD per EUR
        assertEquals(2_200_000, converter.toExchange(2_000_000, "EUR"));
    }

    @Test
    void convertsUsdMicrosBackToEuros() {
        assertEquals(2_000_000, converter.fromExchange(2_200_000, "EUR"));
    }

    @Test
    void exchangeCurrencyConvertsToItself() {
        assertEquals(1_234_567, converter.toExchange(1_234_567, "USD"));
        assertEquals(1_234_567, converter.fromExchange(1_234_567, "USD"));
    }

    @Test
    void convertsYenAtASmallRate() {
        // 150 JPY at 0.0067 USD per JPY = 1.005 USD
        assertEquals(1_005_000, converter.toExchange(150_000_000, "JPY"));
        // 1.00 USD = 149.253731... JPY
        assertEquals(149_253_731, converter.fromExchange(1_000_000, "JPY"));
    }

    @Test
    void roundsHalfUpToTheMicro() {
        // 5 EUR micros = 5.5 USD micros -> 6; 4 EUR micros = 4.4 -> 4
        assertEquals(6, converter.toExchange(5, "EUR"));
        assertEquals(4, converter.toExchange(4, "EUR"));
        // 1 USD micro = 2 HALF micros exactly; 3 HALF micros = 1.5 USD micros -> 2
        assertEquals(2, converter.toExchange(3, "HALF"));
        assertEquals(1, converter.toExchange(1, "HALF"));
        // 1 USD micro in JPY micros = 149.2537 -> 149; 3 -> 447.76 -> 448
        assertEquals(149, converter.fromExchange(1, "JPY"));
        assertEquals(448, converter.fromExchange(3, "JPY"));
    }

    @Test
    void currencyCodesAreCaseInsensitive() {
        assertTrue(converter.knows("eur"));
        assertEquals(2_200_000, converter.toExchange(2_000_000, "eUr"));
    }

    @Test
    void emptyOrMissingCurrencyMeansUsd() {
        assertTrue(converter.knows(""));
        assertTrue(converter.knows(null));
        assertEquals(1_000_000, converter.toExchange(1_000_000, ""));
    }

    @Test
    void unknownCurrencyIsNotKnownAndCannotBeConverted() {
        assertFalse(converter.knows("GBP"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> converter.toExchange(1, "GBP"));
        assertEquals("no rate configured for currency GBP", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> converter.fromExchange(1, "GBP"));
    }

    @Test
    void rateTableMustContainTheExchangeCurrency() {
        assertThrows(IllegalArgumentException.class, () -> new CurrencyConverter("EUR", Map.of("USD", 1_000_000L)));
    }

    @Test
    void rateTableIsCopied() {
        // given
        Map<String, Long> rates = new HashMap<>(Map.of("USD", 1_000_000L));
        CurrencyConverter c = new CurrencyConverter("USD", rates);

        // when
        rates.put("EUR", 1_100_000L);

        // then
        assertFalse(c.knows("EUR"));
        assertEquals("USD", c.exchangeCurrency());
    }

    @Test
    void euroRoundTripIsWithinOneMicro() {
        long seed = new Random().nextLong();
        System.out.println("CurrencyConverterTest.euroRoundTripIsWithinOneMicro seed=" + seed);
        Random rnd = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long eurMicros = (long) (rnd.nextDouble() * 1_000_000_000_000L); // up to 1,000,000 EUR
            long back = converter.fromExchange(converter.toExchange(eurMicros, "EUR"), "EUR");
            assertTrue(Math.abs(back - eurMicros) <= 1, "seed=" + seed + " eur=" + eurMicros + " back=" + back);
        }
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        assertThrows(ArithmeticException.class, () -> converter.toExchange(Long.MAX_VALUE / 2, "EUR"));
    }
}
