package io.podium.vast.vmap;

import java.util.Objects;

/**
 * A {@code vmap:Extension}: information VMAP has no element for, kept as XML text and written
 * back as is.
 *
 * <p>The content is what the element holds (normally elements in the extension's own
 * namespace), self-contained (every prefix it uses is declared inside it) and without
 * surrounding whitespace; the parser produces it in the canonical form described at
 * {@link VastAdData}. The writer does not re-check it.
 *
 * @param type the extension's globally unique type, a URI by recommendation; not blank
 * @param xml the element's content as XML text, possibly empty
 */
public record Extension(String type, String xml) {
    public Extension {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("an Extension needs a type");
        }
        xml = xml.strip();
    }
}
