package io.podium.ssai.dash;

/**
 * Conversions between microseconds and timescale ticks, rounded to the nearest (half up), in
 * {@code long} arithmetic that fails with an {@link ArithmeticException} rather than overflow.
 */
final class Ticks {
    static final long MICROS_PER_SECOND = 1_000_000L;

    private Ticks() {
    }

    /** The ticks nearest to {@code micros} (not negative) at {@code timescale} ticks per second. */
    static long fromMicros(long micros, long timescale) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        long rest = Math.floorMod(micros, MICROS_PER_SECOND);
        long part = (Math.multiplyExact(rest, timescale) + MICROS_PER_SECOND / 2) / MICROS_PER_SECOND;
        return Math.addExact(Math.multiplyExact(seconds, timescale), part);
    }

    /** The microseconds nearest to {@code ticks} (not negative) at {@code timescale} ticks per second. */
    static long toMicros(long ticks, long timescale) {
        long seconds = Math.floorDiv(ticks, timescale);
        long rest = Math.floorMod(ticks, timescale);
        long part = (Math.multiplyExact(rest, MICROS_PER_SECOND) + timescale / 2) / timescale;
        return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), part);
    }

    /** The microseconds of {@code ticks} (not negative), rounded up. */
    static long toMicrosRoundingUp(long ticks, long timescale) {
        long seconds = Math.floorDiv(ticks, timescale);
        long rest = Math.floorMod(ticks, timescale);
        long part = (Math.multiplyExact(rest, MICROS_PER_SECOND) + timescale - 1) / timescale;
        return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), part);
    }

    /** Whether two tick values are at most a microsecond apart. */
    static boolean withinMicrosecond(long a, long b, long timescale) {
        long gap = Math.abs(a - b);
        return gap == 0 || gap <= timescale / MICROS_PER_SECOND;
    }
}
