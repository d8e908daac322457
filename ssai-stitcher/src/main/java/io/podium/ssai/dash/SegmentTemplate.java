package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.List;

/**
 * A SegmentTemplate. Every value is optional here because a template at one level inherits what
 * it leaves out from the level above (Period, then AdaptationSet, then Representation); see
 * {@link #inherit}.
 *
 * @param media the media URL template ({@code $Number$}, {@code $Time$}, ...), or null
 * @param initialization the initialization URL template, or null
 * @param timescale ticks per second, or null (1)
 * @param startNumber the number of the first segment, or null (1)
 * @param duration the duration of every segment in ticks, or null when a timeline gives them
 * @param presentationTimeOffset the media time, in ticks, at which the Period starts, or null (0)
 * @param timeline the S entries of the SegmentTimeline, or null when there is none
 * @param otherAttributes attributes the model does not know, in document order
 * @param otherElements elements the model does not know (BitstreamSwitching, ...)
 */
public record SegmentTemplate(String media, String initialization, Long timescale, Long startNumber,
        Long duration, Long presentationTimeOffset, List<TimelineEntry> timeline,
        List<XmlAttribute> otherAttributes, List<RawElement> otherElements) {
    public SegmentTemplate {
        timeline = timeline == null ? null : List.copyOf(timeline);
        otherAttributes = List.copyOf(otherAttributes);
        otherElements = List.copyOf(otherElements);
    }

    public long timescaleOrDefault() {
        return timescale == null ? 1 : timescale;
    }

    public long startNumberOrDefault() {
        return startNumber == null ? 1 : startNumber;
    }

    public long presentationTimeOffsetOrDefault() {
        return presentationTimeOffset == null ? 0 : presentationTimeOffset;
    }

    /**
     * This template as seen at a lower level that has {@code lower}: every value {@code lower}
     * gives replaces this one's. Other attributes merge by name, lower first; other elements are
     * {@code lower}'s when it has any.
     *
     * @param lower the lower level's template, or null (this one is returned)
     */
    public SegmentTemplate inherit(SegmentTemplate lower) {
        if (lower == null) {
            return this;
        }
        List<XmlAttribute> attributes = new ArrayList<>(lower.otherAttributes);
        for (XmlAttribute a : otherAttributes) {
            boolean overridden = attributes.stream().anyMatch(
                    b -> b.namespaceUri().equals(a.namespaceUri()) && b.localName().equals(a.localName()));
            if (!overridden) {
                attributes.add(a);
            }
        }
        return new SegmentTemplate(or(lower.media, media), or(lower.initialization, initialization),
                or(lower.timescale, timescale), or(lower.startNumber, startNumber), or(lower.duration, duration),
                or(lower.presentationTimeOffset, presentationTimeOffset), or(lower.timeline, timeline), attributes,
                lower.otherElements.isEmpty() ? otherElements : lower.otherElements);
    }

    /** A copy with a new presentation time offset, start number and timeline. */
    public SegmentTemplate withWindow(Long presentationTimeOffset, Long startNumber, List<TimelineEntry> timeline) {
        return new SegmentTemplate(media, initialization, timescale, startNumber, duration, presentationTimeOffset,
                timeline, otherAttributes, otherElements);
    }

    /** A copy with new media and initialization templates. */
    public SegmentTemplate withUrls(String media, String initialization) {
        return new SegmentTemplate(media, initialization, timescale, startNumber, duration, presentationTimeOffset,
                timeline, otherAttributes, otherElements);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
