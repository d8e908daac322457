package io.podium.ssai.dash;

import java.util.Objects;

/**
 * An element the model does not know (or keeps whole, like ContentProtection), as XML text.
 *
 * <p>The text is canonical and stands alone inside an MPD whose default namespace is the DASH
 * one: it declares every other prefix it uses, on the element that first uses it; attributes
 * keep their document order; empty elements are written {@code <x/>}; whitespace-only text
 * between markup is dropped; comments and processing instructions are kept. Reading such text
 * back and copying it again gives the same text.
 *
 * @param namespaceUri the element's namespace ({@link Mpd#NAMESPACE} for DASH elements)
 * @param localName its name without prefix; the writer places DASH elements where the schema
 *     puts an element of that name, others last
 * @param xml the element as canonical XML text
 */
public record RawElement(String namespaceUri, String localName, String xml) {
    public RawElement {
        Objects.requireNonNull(namespaceUri, "namespaceUri");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(xml, "xml");
    }

    /** Whether this is the DASH element {@code name}. */
    public boolean isDash(String name) {
        return namespaceUri.equals(Mpd.NAMESPACE) && localName.equals(name);
    }
}
