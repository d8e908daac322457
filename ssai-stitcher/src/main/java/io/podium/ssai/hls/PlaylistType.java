package io.podium.ssai.hls;

/** The value of {@code EXT-X-PLAYLIST-TYPE} (RFC 8216 §4.3.3.5). */
public enum PlaylistType {
    /** The playlist does not change; it ends with {@code EXT-X-ENDLIST}. */
    VOD,
    /** Segments are only appended. */
    EVENT
}
