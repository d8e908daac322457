package io.podium.vast.vmap;

import java.util.Objects;

/**
 * A {@code vmap:AdSource}: the ads that fill a break, given one of three ways ({@link AdData}).
 * Immutable.
 *
 * @param id the source's identifier, or null
 * @param allowMultipleAds whether the player may play more than one ad of the response; null
 *     when not said (the player then accepts several)
 * @param followRedirects whether the player should follow wrappers; null when not said (left to
 *     the player)
 * @param data the ad response: inline VAST, a tag URI or custom data; required
 */
public record AdSource(String id, Boolean allowMultipleAds, Boolean followRedirects, AdData data) {
    public AdSource {
        Objects.requireNonNull(data, "data");
    }
}
