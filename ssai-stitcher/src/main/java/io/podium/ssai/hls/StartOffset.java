package io.podium.ssai.hls;

import java.util.Objects;

/**
 * An {@code EXT-X-START} (RFC 8216 §4.3.5.2): where playback should start.
 *
 * @param timeOffset seconds from the start of the playlist, or from its end when negative
 * @param precise the PRECISE attribute, or null when absent (meaning NO)
 * @param otherAttributes further attributes, in the order read
 */
public record StartOffset(DecimalSeconds timeOffset, Boolean precise, AttributeList otherAttributes) {
    public StartOffset {
        Objects.requireNonNull(timeOffset, "timeOffset");
        otherAttributes = AttributeList.orEmpty(otherAttributes);
        otherAttributes.requireNone("EXT-X-START", "TIME-OFFSET", "PRECISE");
    }
}
