package io.podium.simulator.report;

import java.util.Locale;

/**
 * How the HTML report writes numbers; every result is plain text (HTML-escape it like any other).
 * An absent value ({@code null}, NaN) is written as {@link #ABSENT}.
 */
final class Formats {

    static final String ABSENT = "–";

    private Formats() {
    }

    /** Micros as currency units, two decimals, comma grouping: 123000000 → {@code 123.00}. */
    static String money(Long micros) {
        return micros == null ? ABSENT : String.format(Locale.ROOT, "%,.2f", micros / 1e6);
    }

    /** A count with comma grouping: 250000 → {@code 250,000}. */
    static String count(Long n) {
        return n == null ? ABSENT : String.format(Locale.ROOT, "%,d", n);
    }

    /** A fraction as a percentage, one decimal: 0.998 → {@code 99.8 %}. */
    static String percent(Double fraction) {
        return absent(fraction) ? ABSENT : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** A pacing error (a fraction of the budget), four decimals: 0.011 → {@code 0.0110}. */
    static String error(Double value) {
        return absent(value) ? ABSENT : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Milliseconds, one decimal: 12.5 → {@code 12.5 ms}. */
    static String millis(Double ms) {
        return absent(ms) ? ABSENT : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** A plain decimal with {@code places} decimals: (4.9, 2) → {@code 4.90}. */
    static String decimal(Double value, int places) {
        return absent(value) ? ABSENT : String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    /** A string from the JSON, or {@link #ABSENT}. Not escaped. */
    static String text(String s) {
        return s == null ? ABSENT : s;
    }

    private static boolean absent(Double v) {
        return v == null || v.isNaN();
    }
}
