package io.podium.ssai.hls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sub-range of a resource, {@code length[@offset]} (RFC 8216 §4.3.2.2).
 *
 * @param length bytes, not negative
 * @param offset the first byte, or null when the range starts right after the previous segment's
 *     range of the same resource
 */
public record ByteRange(long length, Long offset) {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,18})(?:@([0-9]{1,18}))?");

    public ByteRange {
        if (length < 0 || offset != null && offset < 0) {
            throw new IllegalArgumentException("byte range must not be negative: " + length + "@" + offset);
        }
    }

    /**
     * Reads {@code n} or {@code n@o}.
     *
     * @throws IllegalArgumentException if the text is not a byte range
     */
    public static ByteRange parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a byte range (LENGTH[@OFFSET]): '" + text + "'");
        }
        return new ByteRange(Long.parseLong(m.group(1)), m.group(2) == null ? null : Long.parseLong(m.group(2)));
    }

    @Override
    public String toString() {
        return offset == null ? Long.toString(length) : length + "@" + offset;
    }
}
