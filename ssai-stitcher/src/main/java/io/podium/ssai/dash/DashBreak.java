package io.podium.ssai.dash;

import java.util.List;
import java.util.Objects;

/**
 * An ad break to stitch into a content MPD.
 *
 * @param breakId the break's id, unique among the breaks of one stitch; it names the ad Periods
 *     ({@code ad-<breakId>-<n>})
 * @param positionMicros where the break goes on the content's timeline: 0 for a pre-roll,
 *     {@link #POST_ROLL} (or anything at or past the content's end) for a post-roll; a mid-roll
 *     moves to the nearest segment boundary of the content
 * @param ads the ads, in play order
 */
public record DashBreak(String breakId, long positionMicros, List<DashAd> ads) {
    /** The position of a post-roll. */
    public static final long POST_ROLL = Long.MAX_VALUE;

    public DashBreak {
        Objects.requireNonNull(breakId, "breakId");
        if (breakId.isEmpty()) {
            throw new IllegalArgumentException("breakId is empty");
        }
        if (positionMicros < 0) {
            throw new IllegalArgumentException("break " + breakId + ": negative position " + positionMicros);
        }
        ads = List.copyOf(ads);
    }
}
