package io.podium.ssai.stitch;

import java.util.Objects;

/**
 * How {@link HlsStitcher} marks and fills breaks.
 *
 * @param cueTags whether to write {@code EXT-X-CUE-OUT:DURATION=<s>} before the first segment of
 *     each break and {@code EXT-X-CUE-IN} before the segment after it (at the end of the playlist
 *     for a post-roll)
 * @param dateRanges whether to write an {@code EXT-X-DATERANGE} (ID = break id, START-DATE, DURATION)
 *     on the first segment of each break; only when the content has EXT-X-PROGRAM-DATE-TIME, as
 *     RFC 8216 §4.3.2.7 requires
 * @param slate the slate, or null: when no ad of a break can play, a break with a planned duration
 *     is then filled with the slate played whole as many times as fit in that duration (none when
 *     the slate is longer); without a slate such a break is left out
 * @param gapUri the URI written on {@code EXT-X-GAP} segments, which players do not load; the
 *     default is a data URI of an empty WebVTT file, harmless for players that ignore EXT-X-GAP in
 *     a WebVTT subtitle rendition
 */
public record StitchOptions(boolean cueTags, boolean dateRanges, AdMedia slate, String gapUri) {
    /** The URI of an empty WebVTT file ("WEBVTT" and a blank line). */
    public static final String EMPTY_WEBVTT = "data:text/vtt;base64,V0VCVlRUCgo=";
    /** Cue tags and date ranges, no slate, {@link #EMPTY_WEBVTT} for gaps. */
    public static final StitchOptions DEFAULTS = new StitchOptions(true, true, null, EMPTY_WEBVTT);

    public StitchOptions {
        Objects.requireNonNull(gapUri, "gapUri");
        if (gapUri.isEmpty() || gapUri.startsWith("#") || !gapUri.equals(gapUri.strip())
                || gapUri.indexOf('\n') >= 0 || gapUri.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("gapUri must be a URI line: '" + gapUri + "'");
        }
    }

    /** These options with {@code slate} (null for none). */
    public StitchOptions withSlate(AdMedia slate) {
        return new StitchOptions(cueTags, dateRanges, slate, gapUri);
    }

    /** These options with cue tags on or off. */
    public StitchOptions withCueTags(boolean on) {
        return new StitchOptions(on, dateRanges, slate, gapUri);
    }

    /** These options with date ranges on or off. */
    public StitchOptions withDateRanges(boolean on) {
        return new StitchOptions(cueTags, on, slate, gapUri);
    }
}
