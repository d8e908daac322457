package io.podium.ssai.hls;

import java.util.Objects;

/**
 * An {@code EXT-X-I-FRAME-STREAM-INF} (RFC 8216 §4.3.4.3): a playlist of I-frames for trick play.
 *
 * @param stream the attributes other than URI
 * @param uri the URI attribute: the I-frame playlist
 */
public record IFrameVariant(StreamInfo stream, String uri) implements MasterEntry {
    public IFrameVariant {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(uri, "uri");
        Quoted.check(uri, "URI");
    }
}
