package io.podium.ssai.hls;

import java.util.Objects;

/**
 * An {@code EXT-X-MAP} (RFC 8216 §4.3.2.5): the Media Initialization Section that segments after
 * it need, such as the {@code moov} of fragmented MP4.
 *
 * @param uri the resource
 * @param byteRange the part of the resource, or null for all of it
 * @param otherAttributes further attributes, in the order read
 */
public record InitSection(String uri, ByteRange byteRange, AttributeList otherAttributes) {
    public InitSection {
        Objects.requireNonNull(uri, "uri");
        Quoted.check(uri, "URI");
        otherAttributes = AttributeList.orEmpty(otherAttributes);
        otherAttributes.requireNone("EXT-X-MAP", "URI", "BYTERANGE");
    }

    /** The whole resource at {@code uri}. */
    public static InitSection of(String uri) {
        return new InitSection(uri, null, AttributeList.EMPTY);
    }
}
