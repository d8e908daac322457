package io.podium.ssai.hls;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A duration or time offset in seconds, as an HLS decimal: the text exactly as written (so that
 * {@code 6.000} stays {@code 6.000}) and its value in whole microseconds.
 *
 * <p>The two always agree: {@code micros} is the text's value rounded half-up to the microsecond.
 * Text with more than six decimals (such as {@code 15.120000000000001}) is kept, its value rounded.
 *
 * @param text the decimal as written: optional '-', digits, optional '.' and digits; no exponent
 * @param micros the value in microseconds
 */
public record DecimalSeconds(String text, long micros) implements Comparable<DecimalSeconds> {
    private static final Pattern SYNTAX = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final int MAX_TEXT = 40;

    public DecimalSeconds {
        Objects.requireNonNull(text, "text");
        long parsed = toMicros(text);
        if (parsed != micros) {
            throw new IllegalArgumentException("text " + text + " is " + parsed + " µs, not " + micros);
        }
    }

    /**
     * Reads a decimal number of seconds.
     *
     * @throws IllegalArgumentException if it is not a plain decimal or does not fit in a long of µs
     */
    public static DecimalSeconds parse(String text) {
        return new DecimalSeconds(text, toMicros(text));
    }

    /** The duration written in the shortest form: up to six decimals, no trailing zeros. */
    public static DecimalSeconds ofMicros(long micros) {
        return new DecimalSeconds(format(micros), micros);
    }

    /** {@code seconds} written as an integer. */
    public static DecimalSeconds ofSeconds(long seconds) {
        return ofMicros(Math.multiplyExact(seconds, 1_000_000L));
    }

    /** Whether the text has a decimal point (so needs protocol version 3 in an EXTINF). */
    public boolean hasFraction() {
        return text.indexOf('.') >= 0;
    }

    /**
     * The value as written rounded to the nearest whole second, halves away from zero, as RFC 8216
     * §4.3.3.1 compares EXTINF durations with the target duration.
     */
    public long roundedSeconds() {
        return decimal(text).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Whether the value as written is below zero. */
    public boolean isNegative() {
        return decimal(text).signum() < 0;
    }

    @Override
    public int compareTo(DecimalSeconds other) {
        return Long.compare(micros, other.micros);
    }

    @Override
    public String toString() {
        return text;
    }

    private static long toMicros(String text) {
        if (text.length() > MAX_TEXT || !SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal number of seconds: '" + text + "'");
        }
        try {
            return decimal(text).movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("seconds out of range: " + text, e);
        }
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
    }

    private static String format(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
