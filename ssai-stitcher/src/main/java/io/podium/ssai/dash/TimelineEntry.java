package io.podium.ssai.dash;

import java.util.List;

/**
 * One S element of a SegmentTimeline: {@code r + 1} segments of duration {@code d}, the first
 * starting at {@code t} (or where the previous entry ended).
 *
 * @param t the media time of the first segment in timescale units, or null to follow on
 * @param n the number of the first segment, or null to follow on
 * @param d the duration of each segment in timescale units
 * @param r how many times the segment repeats after the first; -1 until the next entry's
 *     {@code t} or the end of the Period
 * @param otherAttributes attributes the model does not know ({@code k}, ...)
 */
public record TimelineEntry(Long t, Long n, long d, long r, List<XmlAttribute> otherAttributes) {
    public TimelineEntry {
        otherAttributes = List.copyOf(otherAttributes);
    }

    public static TimelineEntry of(Long t, long d, long r) {
        return new TimelineEntry(t, null, d, r, List.of());
    }
}
