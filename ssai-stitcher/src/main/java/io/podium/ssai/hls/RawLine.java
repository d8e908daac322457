package io.podium.ssai.hls;

/**
 * A non-blank input line, trimmed, split into tag name and value when it is a tag.
 *
 * @param number 1-based line number
 * @param text the trimmed line
 * @param tag the tag name for lines starting with {@code #EXT}, else null
 * @param value the text after the tag's first ':', trimmed, or null when there is no ':'
 */
record RawLine(int number, String text, String tag, String value) {
    static RawLine of(int number, String text) {
        String tag = HlsTags.nameOf(text);
        String value = null;
        if (tag != null) {
            int colon = text.indexOf(':');
            value = colon < 0 ? null : text.substring(colon + 1).strip();
        }
        return new RawLine(number, text, tag, value);
    }

    boolean isUri() {
        return !text.startsWith("#");
    }

    SourceLine owned(int owner) {
        return new SourceLine(number, text, tag, owner);
    }
}
