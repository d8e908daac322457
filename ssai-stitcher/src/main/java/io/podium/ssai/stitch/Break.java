package io.podium.ssai.stitch;

import java.util.List;
import java.util.Objects;

/**
 * One ad break: where it goes in the content, how long it was planned to last, and its ads in
 * play order.
 *
 * @param breakId the break's id: the EXT-X-DATERANGE ID, unique among the breaks of one stitch;
 *     not empty, no double quote, no line break
 * @param positionMicros content time in microseconds: {@link #PRE_ROLL} (0) before the first
 *     segment, {@link #POST_ROLL} after the last, else a mid-roll, placed at the content segment
 *     boundary nearest to it; a position at or beyond the content's end is a post-roll
 * @param plannedDurationMicros the duration the ad decision planned for the break, not negative:
 *     what the slate fills when no ad of the break can play
 * @param ads the ads, in play order; may be empty (a break nobody bought)
 */
public record Break(String breakId, long positionMicros, long plannedDurationMicros, List<AdMedia> ads) {
    /** The position of a pre-roll. */
    public static final long PRE_ROLL = 0;
    /** The position of a post-roll. */
    public static final long POST_ROLL = Long.MAX_VALUE;

    public Break {
        Objects.requireNonNull(breakId, "breakId");
        if (breakId.isEmpty() || breakId.indexOf('"') >= 0 || breakId.indexOf('\n') >= 0
                || breakId.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("breakId must be non-empty, without double quote or line break: '"
                    + breakId + "'");
        }
        if (positionMicros < 0) {
            throw new IllegalArgumentException("positionMicros must not be negative: " + positionMicros);
        }
        if (plannedDurationMicros < 0) {
            throw new IllegalArgumentException("plannedDurationMicros must not be negative: " + plannedDurationMicros);
        }
        ads = List.copyOf(ads);
    }

    /** A break planned to last the sum of its ads' declared durations. */
    public Break(String breakId, long positionMicros, List<AdMedia> ads) {
        this(breakId, positionMicros, declaredDuration(ads), ads);
    }

    /** This break moved to {@code positionMicros}. */
    public Break at(long positionMicros) {
        return positionMicros == this.positionMicros ? this
                : new Break(breakId, positionMicros, plannedDurationMicros, ads);
    }

    private static long declaredDuration(List<AdMedia> ads) {
        long total = 0;
        for (AdMedia ad : ads) {
            total = Math.addExact(total, ad.durationMicros());
        }
        return total;
    }
}
