package io.podium.ssai.hls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decimal-resolution attribute value, {@code 1920x1080} (RFC 8216 §4.2).
 *
 * @param width pixels, not negative
 * @param height pixels, not negative
 */
public record Resolution(int width, int height) {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,9})x([0-9]{1,9})");

    public Resolution {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("resolution must not be negative: " + width + "x" + height);
        }
    }

    /**
     * Reads {@code <width>x<height>}.
     *
     * @throws IllegalArgumentException if the text is not a decimal-resolution
     */
    public static Resolution parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a decimal-resolution (WIDTHxHEIGHT): '" + text + "'");
        }
        return new Resolution(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
