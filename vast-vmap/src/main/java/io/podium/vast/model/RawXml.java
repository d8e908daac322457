package io.podium.vast.model;

import java.util.Objects;

/**
 * An element kept exactly as a well-formed XML fragment: the element itself with its
 * attributes and content, namespace declarations made explicit. Written back verbatim.
 */
public record RawXml(String xml) {
    public RawXml {
        Objects.requireNonNull(xml, "xml");
    }
}
