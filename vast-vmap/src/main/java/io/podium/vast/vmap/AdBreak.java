package io.podium.vast.vmap;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code vmap:AdBreak}: where in the content it falls, what kinds of ads it takes, where the
 * ads come from, and the break-level tracking and extensions. Immutable.
 *
 * @param timeOffset where the break falls; required
 * @param breakTypes the kinds of ads allowed, at least one (written comma-separated, in the
 *     order of {@link BreakType})
 * @param breakId the break's identifier, or null
 * @param repeatAfter repeat the break every this long ({@link TimeOffset.Kind#TIME} only), or null
 * @param adSource where the ads come from, or null (the schema makes it optional)
 * @param tracking the break's tracking URLs, possibly none
 * @param extensions the break's {@code vmap:Extensions}, possibly none
 */
public record AdBreak(TimeOffset timeOffset, Set<BreakType> breakTypes, String breakId, TimeOffset repeatAfter,
        AdSource adSource, List<TrackingEvent> tracking, List<Extension> extensions) {

    public AdBreak {
        Objects.requireNonNull(timeOffset, "timeOffset");
        if (breakTypes.isEmpty()) {
            throw new IllegalArgumentException("an ad break needs at least one break type");
        }
        breakTypes = Collections.unmodifiableSet(EnumSet.copyOf(breakTypes));
        if (repeatAfter != null && repeatAfter.kind() != TimeOffset.Kind.TIME) {
            throw new IllegalArgumentException("repeatAfter must be a HH:MM:SS[.mmm] time, not " + repeatAfter);
        }
        tracking = List.copyOf(tracking);
        extensions = List.copyOf(extensions);
    }
}
