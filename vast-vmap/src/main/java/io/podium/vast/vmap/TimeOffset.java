package io.podium.vast.vmap;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an ad break falls ({@code timeOffset}), in one of VMAP's five forms: {@code start},
 * {@code end}, a time into the content {@code HH:MM:SS[.mmm]}, a percentage of the content's
 * duration {@code n%} (an integer 0 to 100), or the position of a break opportunity {@code #n}
 * (an integer from 1). Also used for {@code repeatAfter}, which is always a time.
 *
 * @param kind the form
 * @param value milliseconds for {@link Kind#TIME}, the percentage for {@link Kind#PERCENT}, the
 *     position for {@link Kind#POSITION}, 0 for {@link Kind#START} and {@link Kind#END}
 */
public record TimeOffset(Kind kind, long value) {
    private static final Pattern TIME = Pattern.compile("(\\d{1,9}):([0-5]\\d):([0-5]\\d)(?:\\.(\\d{1,3}))?");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");
    private static final Pattern POSITION = Pattern.compile("#(\\d{1,9})");
    /** Times are below 10^9 hours, so that every time formats to something {@link #parse} reads. */
    private static final long MAX_MILLIS = 1_000_000_000L * 3_600_000L - 1;

    /** The forms of a time offset. */
    public enum Kind {
        START, END, TIME, PERCENT, POSITION
    }

    public TimeOffset {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case START, END -> {
                if (value != 0) {
                    throw new IllegalArgumentException(kind + " takes no value");
                }
            }
            case TIME -> {
                if (value < 0 || value > MAX_MILLIS) {
                    throw new IllegalArgumentException("a time is 0 to " + MAX_MILLIS + " ms, not " + value);
                }
            }
            case PERCENT -> {
                if (value < 0 || value > 100) {
                    throw new IllegalArgumentException("a percentage is 0 to 100, not " + value);
                }
            }
            case POSITION -> {
                if (value < 1) {
                    throw new IllegalArgumentException("a position is 1 or more, not " + value);
                }
            }
        }
    }

    public static TimeOffset start() {
        return new TimeOffset(Kind.START, 0);
    }

    public static TimeOffset end() {
        return new TimeOffset(Kind.END, 0);
    }

    /** A time into the content, in milliseconds. */
    public static TimeOffset time(long millis) {
        return new TimeOffset(Kind.TIME, millis);
    }

    /** A percentage of the content's duration, 0 to 100. */
    public static TimeOffset percent(int percent) {
        return new TimeOffset(Kind.PERCENT, percent);
    }

    /** The n-th break opportunity, from 1. */
    public static TimeOffset position(int position) {
        return new TimeOffset(Kind.POSITION, position);
    }

    /**
     * The offset written in a {@code timeOffset} attribute. Whitespace around it is ignored, and
     * {@code start}/{@code end} in any case; a fraction of a second has 1 to 3 digits.
     *
     * @throws IllegalArgumentException naming the text, if it is none of the five forms
     */
    public static TimeOffset parse(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("start")) {
            return start();
        }
        if (s.equalsIgnoreCase("end")) {
            return end();
        }
        Matcher m = TIME.matcher(s);
        if (m.matches()) {
            long millis = Long.parseLong(m.group(1)) * 3_600_000L + Long.parseLong(m.group(2)) * 60_000L
                    + Long.parseLong(m.group(3)) * 1_000L;
            if (m.group(4) != null) {
                String fraction = (m.group(4) + "00").substring(0, 3);
                millis += Long.parseLong(fraction);
            }
            return time(millis);
        }
        m = PERCENT.matcher(s);
        if (m.matches() && Integer.parseInt(m.group(1)) <= 100) {
            return percent(Integer.parseInt(m.group(1)));
        }
        m = POSITION.matcher(s);
        if (m.matches() && Long.parseLong(m.group(1)) >= 1) {
            return new TimeOffset(Kind.POSITION, Long.parseLong(m.group(1)));
        }
        throw new IllegalArgumentException("\"" + text + "\" is not start, end, HH:MM:SS[.mmm], n% (0 to 100) or #n"
                + " (1 or more)");
    }

    /** The attribute text: {@code start}, {@code end}, {@code HH:MM:SS.mmm}, {@code n%} or {@code #n}. */
    public String format() {
        return switch (kind) {
            case START -> "start";
            case END -> "end";
            case TIME -> String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", value / 3_600_000L, value / 60_000L % 60,
                    value / 1_000L % 60, value % 1_000L);
            case PERCENT -> value + "%";
            case POSITION -> "#" + value;
        };
    }

    @Override
    public String toString() {
        return format();
    }
}
