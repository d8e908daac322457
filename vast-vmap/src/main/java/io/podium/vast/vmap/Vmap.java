package io.podium.vast.vmap;

import java.util.List;
import java.util.Objects;

/**
 * A VMAP 1.0 document: the ad breaks of one piece of content, in document order, and the
 * document-level extensions. Immutable; the lists are copies.
 *
 * @param version the declared VMAP version, as written ("1.0", "1.0.1")
 * @param breaks the ad breaks, possibly none
 * @param extensions the document-level {@code vmap:Extensions}, possibly none
 */
public record Vmap(String version, List<AdBreak> breaks, List<Extension> extensions) {
    /** The VMAP namespace, conventionally bound to the prefix {@code vmap}. */
    public static final String NAMESPACE = "http://www.iab.net/videosuite/vmap";

    public Vmap {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        breaks = List.copyOf(breaks);
        extensions = List.copyOf(extensions);
    }
}
