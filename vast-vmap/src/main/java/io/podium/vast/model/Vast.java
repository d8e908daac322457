package io.podium.vast.model;

import java.util.List;

/**
 * A VAST document.
 *
 * @param version the {@code version} attribute as written ("2.0" ... "4.3")
 * @param ads the ads, in document order; a pod when they carry a {@code sequence}
 * @param errors the root {@code Error} URLs, which a response without ads uses (VAST 3.0+)
 */
public record Vast(String version, List<Ad> ads, List<String> errors) {
    public Vast {
        ads = List.copyOf(ads);
        errors = List.copyOf(errors);
    }

    /** A document with no ad: the VAST way to say "no fill". */
    public static Vast empty(String version, List<String> errors) {
        return new Vast(version, List.of(), errors);
    }
}
