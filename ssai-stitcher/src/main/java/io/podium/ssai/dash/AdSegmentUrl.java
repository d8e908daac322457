package io.podium.ssai.dash;

import java.util.Objects;

/**
 * An ad URL that the stitcher is about to write, for a {@link DashUrlRewriter}.
 *
 * @param breakId the break's id
 * @param adIndex the ad's index in {@link DashBreak#ads()}
 * @param adId the ad's id
 * @param representationId the ad Representation's id
 * @param kind what the URL points at
 * @param url the absolute URL; for {@link Kind#MEDIA_TEMPLATE} and a template initialization, a
 *     URL template whose {@code $...$} identifiers are as the ad MPD wrote them
 * @param startNumber for a media template, the {@code $Number$} of the ad's first segment
 * @param segmentCount for a media template, how many segments the ad period plays; 0 when not
 *     known or not a media template
 */
public record AdSegmentUrl(String breakId, int adIndex, String adId, String representationId, Kind kind,
        String url, long startNumber, int segmentCount) {
    /** What an ad URL points at. */
    public enum Kind {
        /** The initialization segment (a template when it comes from a SegmentTemplate). */
        INITIALIZATION,
        /** Every media segment, as a SegmentTemplate media template ({@code $Number$}, {@code $Time$}). */
        MEDIA_TEMPLATE,
        /** The one file of a Representation addressed by SegmentBase, or of a single segment. */
        MEDIA_FILE
    }

    public AdSegmentUrl {
        Objects.requireNonNull(breakId, "breakId");
        Objects.requireNonNull(adId, "adId");
        Objects.requireNonNull(representationId, "representationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        if (segmentCount < 0) {
            throw new IllegalArgumentException("segmentCount must not be negative");
        }
    }

    /** A URL that is not a media template (or whose segments are not counted). */
    public AdSegmentUrl(String breakId, int adIndex, String adId, String representationId, Kind kind, String url) {
        this(breakId, adIndex, adId, representationId, kind, url, 1, 0);
    }
}
