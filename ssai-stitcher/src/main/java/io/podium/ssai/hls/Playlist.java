package io.podium.ssai.hls;

/** A parsed playlist: a {@link MasterPlaylist} or a {@link MediaPlaylist}. */
public sealed interface Playlist permits MasterPlaylist, MediaPlaylist {
    /** The EXT-X-VERSION, or null when absent (meaning version 1). */
    Integer version();
}
