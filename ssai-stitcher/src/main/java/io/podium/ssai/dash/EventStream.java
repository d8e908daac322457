package io.podium.ssai.dash;

import java.util.List;
import java.util.Objects;

/**
 * An EventStream of a Period.
 *
 * @param schemeIdUri the scheme of its events
 * @param value the value, or null
 * @param timescale ticks per second of its events' times, or null (1)
 * @param presentationTimeOffset ticks subtracted from its events' times, or null (0)
 * @param events its events, in order
 * @param otherAttributes attributes the model does not know, in document order
 */
public record EventStream(String schemeIdUri, String value, Long timescale, Long presentationTimeOffset,
        List<MpdEvent> events, List<XmlAttribute> otherAttributes) {
    public EventStream {
        Objects.requireNonNull(schemeIdUri, "schemeIdUri");
        events = List.copyOf(events);
        otherAttributes = List.copyOf(otherAttributes);
    }

    public long timescaleOrDefault() {
        return timescale == null ? 1 : timescale;
    }

    public long presentationTimeOffsetOrDefault() {
        return presentationTimeOffset == null ? 0 : presentationTimeOffset;
    }

    /** A copy with other events. */
    public EventStream withEvents(List<MpdEvent> events) {
        return new EventStream(schemeIdUri, value, timescale, presentationTimeOffset, events, otherAttributes);
    }
}
