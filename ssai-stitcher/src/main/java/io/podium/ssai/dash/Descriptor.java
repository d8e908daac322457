package io.podium.ssai.dash;

import java.util.Objects;

/**
 * A descriptor element such as Role: a scheme, and an optional value and id.
 *
 * @param schemeIdUri the scheme, such as {@code urn:mpeg:dash:role:2011}
 * @param value the value in that scheme ({@code main}, {@code subtitle}), or null
 * @param id the descriptor's id, or null
 */
public record Descriptor(String schemeIdUri, String value, String id) {
    public Descriptor {
        Objects.requireNonNull(schemeIdUri, "schemeIdUri");
    }
}
