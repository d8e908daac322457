package io.podium.vast.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** VAST time values: HH:MM:SS or HH:MM:SS.mmm, and offsets that may also be n%. */
public final class VastTime {
    private static final Pattern CLOCK = Pattern.compile("(\\d{2,}):([0-5]\\d):([0-5]\\d)(?:\\.(\\d{3}))?");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)%");

    private VastTime() {
    }

    /** Milliseconds of HH:MM:SS(.mmm), or -1 when absent or malformed. */
    public static long parseMillis(String value) {
        if (value == null) {
            return -1;
        }
        Matcher m = CLOCK.matcher(value.trim());
        if (!m.matches()) {
            return -1;
        }
        long ms = (Long.parseLong(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60L
                + Integer.parseInt(m.group(3))) * 1000;
        return m.group(4) == null ? ms : ms + Integer.parseInt(m.group(4));
    }

    /** Whether the value is HH:MM:SS(.mmm). */
    public static boolean isClock(String value) {
        return parseMillis(value) >= 0;
    }

    /** Whether the value is a clock time or a percentage from 0% to 100%. */
    public static boolean isOffset(String value) {
        if (isClock(value)) {
            return true;
        }
        if (value == null) {
            return false;
        }
        Matcher m = PERCENT.matcher(value.trim());
        return m.matches() && Double.parseDouble(m.group(1)) <= 100;
    }

    /** HH:MM:SS.mmm for a non-negative number of milliseconds. */
    public static String format(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("negative time: " + millis);
        }
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    static int intOr(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
