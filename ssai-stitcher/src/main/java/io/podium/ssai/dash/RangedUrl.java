package io.podium.ssai.dash;

/**
 * A URL with an optional byte range (the URLType of the schema), such as SegmentBase's
 * Initialization.
 *
 * @param sourceUrl the URL, or null for the Representation's own BaseURL
 * @param range the byte range {@code first-last}, or null for the whole resource
 */
public record RangedUrl(String sourceUrl, String range) {
}
