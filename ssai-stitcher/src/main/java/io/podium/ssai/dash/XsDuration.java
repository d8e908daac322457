package io.podium.ssai.dash;

/**
 * The {@code xs:duration} values of an MPD ({@code PT1H2M3.5S}) as whole microseconds.
 *
 * <p>Read: days, hours, minutes and seconds, each optional, seconds with a fraction; a day is 24
 * hours. Years and months are refused (they have no fixed length, and no MPD needs them), and so
 * are negative durations. Digits past the sixth of a fraction round to the nearest microsecond
 * (half up), so what is read is exact to the microsecond. Written: the canonical form, hours,
 * minutes and seconds with zero parts left out and no trailing zeros in the fraction
 * ({@code PT1H2M3.5S}, {@code PT2S}, {@code PT0S}). Thread-safe (no state).
 */
public final class XsDuration {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private XsDuration() {
    }

    /**
     * The microseconds of a duration.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text is not a duration this
     *     class reads or is too large for a {@code long} of microseconds
     */
    public static long parseMicros(String text) {
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("\"" + text + "\" is negative");
        }
        if (!s.startsWith("P") || s.length() < 2) {
            throw new IllegalArgumentException("\"" + text + "\" is not an xs:duration (PnDTnHnMnS)");
        }
        long total = 0;
        boolean inTime = false;
        boolean any = false;
        boolean timeComponent = false;
        String order = "DHMS";
        int lastRank = -1;
        int i = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'T') {
                if (inTime) {
                    throw new IllegalArgumentException("\"" + text + "\" has a second T");
                }
                inTime = true;
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i == start || i == s.length()) {
                throw new IllegalArgumentException("\"" + text + "\" is not an xs:duration (PnDTnHnMnS)");
            }
            String number = s.substring(start, i);
            char unit = s.charAt(i++);
            if (!inTime && (unit == 'Y' || unit == 'M')) {
                throw new IllegalArgumentException("\"" + text + "\" uses years or months, which have no fixed length");
            }
            if (!inTime && unit != 'D' || inTime && unit == 'D') {
                throw new IllegalArgumentException("\"" + text + "\" has '" + unit + "' in the wrong place");
            }
            int rank = order.indexOf(unit);
            if (rank < 0 || rank <= lastRank) {
                throw new IllegalArgumentException("\"" + text + "\" has '" + unit + "' out of order");
            }
            lastRank = rank;
            if (unit != 'S' && number.indexOf('.') >= 0) {
                throw new IllegalArgumentException("\"" + text + "\" has a fraction outside the seconds");
            }
            try {
                total = Math.addExact(total, switch (unit) {
                    case 'D' -> Math.multiplyExact(whole(number, text), MICROS_PER_DAY);
                    case 'H' -> Math.multiplyExact(whole(number, text), MICROS_PER_HOUR);
                    case 'M' -> Math.multiplyExact(whole(number, text), MICROS_PER_MINUTE);
                    default -> seconds(number, text);
                });
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("\"" + text + "\" is too long", e);
            }
            any = true;
            timeComponent |= inTime;
        }
        if (!any || inTime && !timeComponent) {
            throw new IllegalArgumentException("\"" + text + "\" has no value");
        }
        return total;
    }

    /** The canonical text of a duration: {@code PT1H2M3.5S}; {@code PT0S} for zero. */
    public static String format(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("negative duration " + micros + " µs");
        }
        if (micros == 0) {
            return "PT0S";
        }
        StringBuilder out = new StringBuilder("PT");
        long hours = micros / MICROS_PER_HOUR;
        long minutes = micros % MICROS_PER_HOUR / MICROS_PER_MINUTE;
        long rest = micros % MICROS_PER_MINUTE;
        if (hours > 0) {
            out.append(hours).append('H');
        }
        if (minutes > 0) {
            out.append(minutes).append('M');
        }
        if (rest > 0) {
            out.append(rest / MICROS_PER_SECOND);
            long fraction = rest % MICROS_PER_SECOND;
            if (fraction > 0) {
                String digits = String.format("%06d", fraction);
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                out.append('.').append(digits, 0, end);
            }
            out.append('S');
        }
        return out.toString();
    }

    private static long whole(String number, String text) {
        if (number.indexOf('.') >= 0) {
            throw new IllegalArgumentException("\"" + text + "\" has a fraction outside the seconds");
        }
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new ArithmeticException("too long");
        }
    }

    private static long seconds(String number, String text) {
        int dot = number.indexOf('.');
        if (dot != number.lastIndexOf('.') || number.equals(".")) {
            throw new IllegalArgumentException("\"" + text + "\" has a malformed number of seconds");
        }
        String intPart = dot < 0 ? number : number.substring(0, dot);
        String fraction = dot < 0 ? "" : number.substring(dot + 1);
        long micros = intPart.isEmpty() ? 0 : Math.multiplyExact(whole(intPart, text), MICROS_PER_SECOND);
        if (!fraction.isEmpty()) {
            String six = (fraction + "000000").substring(0, 6);
            long part = Long.parseLong(six);
            if (fraction.length() > 6 && fraction.charAt(6) >= '5') {
                part++;
            }
            micros = Math.addExact(micros, part);
        }
        return micros;
    }
}
