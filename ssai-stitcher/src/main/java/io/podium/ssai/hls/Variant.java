package io.podium.ssai.hls;

import java.util.Objects;

/**
 * An {@code EXT-X-STREAM-INF} and the URI of its media playlist (RFC 8216 §4.3.4.2).
 *
 * @param stream the attributes
 * @param uri the media playlist's URI
 */
public record Variant(StreamInfo stream, String uri) implements MasterEntry {
    public Variant {
        Objects.requireNonNull(stream, "stream");
        HlsTags.requireUri(uri, "variant URI");
    }
}
