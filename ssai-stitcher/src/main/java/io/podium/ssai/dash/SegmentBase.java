package io.podium.ssai.dash;

import java.util.List;

/**
 * A SegmentBase: the Representation is one file (its BaseURL) indexed by a Segment Index box.
 *
 * @param timescale ticks per second, or null (1)
 * @param presentationTimeOffset the media time, in ticks, at which the Period starts, or null (0)
 * @param indexRange the byte range of the index, or null
 * @param indexRangeExact whether {@code indexRange} is exact, or null (false)
 * @param initialization the Initialization element, or null
 * @param otherAttributes attributes the model does not know, in document order
 * @param otherElements elements the model does not know (RepresentationIndex, ...)
 */
public record SegmentBase(Long timescale, Long presentationTimeOffset, String indexRange, Boolean indexRangeExact,
        RangedUrl initialization, List<XmlAttribute> otherAttributes, List<RawElement> otherElements) {
    public SegmentBase {
        otherAttributes = List.copyOf(otherAttributes);
        otherElements = List.copyOf(otherElements);
    }

    public long timescaleOrDefault() {
        return timescale == null ? 1 : timescale;
    }

    public long presentationTimeOffsetOrDefault() {
        return presentationTimeOffset == null ? 0 : presentationTimeOffset;
    }

    /** A copy with a new presentation time offset and initialization. */
    public SegmentBase with(Long presentationTimeOffset, RangedUrl initialization) {
        return new SegmentBase(timescale, presentationTimeOffset, indexRange, indexRangeExact, initialization,
                otherAttributes, otherElements);
    }
}
