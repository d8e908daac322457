package io.podium.ssai.stitch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/** Resolving URI references found in playlists, with errors that name what was being resolved. */
final class Uris {
    private Uris() {
    }

    /**
     * {@code reference} resolved against {@code base} (RFC 3986 §5.2).
     *
     * @throws IllegalArgumentException if {@code reference} is not a URI reference
     */
    static URI resolve(URI base, String reference, String what) {
        try {
            return base.resolve(new URI(reference));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URI reference: '" + reference + "' ("
                    + e.getReason() + ")", e);
        }
    }

    /** @throws IllegalArgumentException unless {@code uri} is absolute */
    static URI requireAbsolute(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException(what + " must be absolute: " + uri);
        }
        return uri;
    }
}
