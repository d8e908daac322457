package io.podium.ssai.hls;

import java.util.Objects;

/**
 * A parsed playlist together with where its parts were written.
 *
 * @param playlist the model
 * @param source the lines and their owners
 */
public record SourcedPlaylist(Playlist playlist, SourceIndex source) {
    public SourcedPlaylist {
        Objects.requireNonNull(playlist, "playlist");
        Objects.requireNonNull(source, "source");
    }
}
