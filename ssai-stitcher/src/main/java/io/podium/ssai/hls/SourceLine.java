package io.podium.ssai.hls;

/**
 * One non-blank line of a parsed playlist and what it belongs to, for reporting problems.
 *
 * @param number the 1-based line number in the input
 * @param text the line, trimmed
 * @param tag the tag name (such as {@code EXT-X-KEY}) if the line is a tag, else null
 * @param owner {@link SourceIndex#HEADER} for playlist-wide tags and lines before the first
 *     segment; otherwise the index of the media segment (or of the master playlist entry) the line
 *     belongs to; in a media playlist, lines after the last segment have the index one past it
 */
public record SourceLine(int number, String text, String tag, int owner) {
    /** Whether the line is a URI (neither a tag nor a comment). */
    public boolean isUri() {
        return !text.startsWith("#");
    }
}
