package io.podium.vast.macro;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * VAST 4 tracking macros (VAST 4.3 §6.1): {@code [NAME]} in a URI is replaced, brackets
 * included, by its value with {@code encodeURIComponent} applied to each value; the values of
 * an {@code Array<T>} macro are joined by unencoded commas. Macros without a value are left as
 * they are (the spec forbids blanket {@code -1}); {@link #unknown} and {@link #withheld} give
 * the spec's {@code -1} and {@code -2} for the macros one decides not to fill.
 *
 * <p>Instances are built per request ({@link #builder}); expanding is a single left-to-right
 * scan, and a value containing brackets is never expanded again.
 */
public final class VastMacros {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final Map<String, String> encoded;

    private VastMacros(Map<String, String> encoded) {
        this.encoded = encoded;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Replaces every macro that has a value; the rest of the template is kept byte for byte. */
    public String expand(String template) {
        StringBuilder out = null;
        int copied = 0;
        int open = template.indexOf('[');
        while (open >= 0) {
            int close = template.indexOf(']', open + 1);
            if (close < 0) {
                break;
            }
            String name = template.substring(open + 1, close);
            String value = isMacroName(name) ? encoded.get(name) : null;
            if (value != null) {
                if (out == null) {
                    out = new StringBuilder(template.length() + 32);
                }
                out.append(template, copied, open).append(value);
                copied = close + 1;
                open = template.indexOf('[', close + 1);
            } else {
                open = template.indexOf('[', open + 1);
            }
        }
        if (out == null) {
            return template;
        }
        return out.append(template, copied, template.length()).toString();
    }

    static boolean isMacroName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** JavaScript's {@code encodeURIComponent}: UTF-8, everything but {@code A-Za-z0-9-_.!~*'()} escaped. */
    public static String encodeUriComponent(String value) {
        StringBuilder sb = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!unreserved(c)) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                sb = new StringBuilder(bytes.length * 3);
                break;
            }
        }
        if (sb == null) {
            return value;
        }
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && unreserved(c)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')';
    }

    /** {@code [TIMESTAMP]}: ISO 8601 with milliseconds and the zone offset, e.g. {@code 2016-01-17T08:15:07.127-05:00} ({@code +00:00} for UTC, never {@code Z}). */
    public static String timestamp(Instant t, ZoneId zone) {
        return TIMESTAMP.format(t.atZone(zone));
    }

    /** {@code [ADPLAYHEAD]}, {@code [MEDIAPLAYHEAD]}: {@code HH:MM:SS.mmm}. */
    public static String playhead(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60,
                ms / 1000 % 60, ms % 1000);
    }

    /** {@code [CACHEBUSTING]}: a random 8-digit integer. */
    public static String cacheBuster(RandomGenerator random) {
        return Integer.toString(10_000_000 + random.nextInt(90_000_000));
    }

    /** Values for one expansion. */
    public static final class Builder {
        private final Map<String, String> encoded = new LinkedHashMap<>();

        /** A single value (encoded when set). */
        public Builder set(String name, String value) {
            requireName(name);
            encoded.put(name, encodeUriComponent(value));
            return this;
        }

        public Builder set(String name, long value) {
            requireName(name);
            encoded.put(name, Long.toString(value));
            return this;
        }

        /** An {@code Array<T>} macro: each value encoded, joined by unencoded commas. */
        public Builder list(String name, List<String> values) {
            requireName(name);
            StringBuilder sb = new StringBuilder();
            for (String v : values) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(encodeUriComponent(v));
            }
            encoded.put(name, sb.toString());
            return this;
        }

        /** The spec's {@code -1}: unknown, would be shared if known. */
        public Builder unknown(String name) {
            requireName(name);
            encoded.put(name, "-1");
            return this;
        }

        /** The spec's {@code -2}: known but not shared by policy. */
        public Builder withheld(String name) {
            requireName(name);
            encoded.put(name, "-2");
            return this;
        }

        public VastMacros build() {
            return new VastMacros(Map.copyOf(encoded));
        }

        private static void requireName(String name) {
            if (!isMacroName(name)) {
                throw new IllegalArgumentException("a macro name is upper-case letters, digits and '_': " + name);
            }
        }
    }
}
