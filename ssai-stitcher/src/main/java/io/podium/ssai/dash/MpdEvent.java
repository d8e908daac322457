package io.podium.ssai.dash;

import java.util.List;
import java.util.Objects;

/**
 * An Event of an EventStream.
 *
 * @param presentationTime in the stream's timescale, relative to the Period start plus the
 *     stream's presentation time offset, or null (0)
 * @param duration in the stream's timescale, or null (unknown)
 * @param id the event id, or null
 * @param messageData the messageData attribute, or null
 * @param content what the element holds, as canonical XML (see {@link RawElement}) without
 *     surrounding whitespace; {@code ""} when empty
 * @param otherAttributes attributes the model does not know, in document order
 */
public record MpdEvent(Long presentationTime, Long duration, String id, String messageData, String content,
        List<XmlAttribute> otherAttributes) {
    public MpdEvent {
        Objects.requireNonNull(content, "content");
        otherAttributes = List.copyOf(otherAttributes);
    }

    public long presentationTimeOrDefault() {
        return presentationTime == null ? 0 : presentationTime;
    }

    /** A copy at another presentation time. */
    public MpdEvent at(long presentationTime) {
        return new MpdEvent(presentationTime, duration, id, messageData, content, otherAttributes);
    }
}
