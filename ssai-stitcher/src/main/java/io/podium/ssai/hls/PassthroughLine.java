package io.podium.ssai.hls;

/**
 * A line of a master playlist the model has no meaning for, kept where it was: a comment, an
 * unknown tag, or a stray line that is neither (such as a URI without an EXT-X-STREAM-INF before
 * it, which the {@link HlsChecker} reports).
 *
 * @param text the line, trimmed, not blank, not a known tag
 */
public record PassthroughLine(String text) implements MasterEntry {
    public PassthroughLine {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("pass-through line must not be blank");
        }
        if (text.startsWith("#")) {
            HlsTags.requirePassthrough(text);
        } else {
            HlsTags.requireUri(text, "stray line");
        }
    }

    /** Whether the line is neither a tag nor a comment. */
    public boolean isStray() {
        return !text.startsWith("#");
    }
}
