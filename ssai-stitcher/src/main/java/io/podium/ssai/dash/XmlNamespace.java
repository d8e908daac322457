package io.podium.ssai.dash;

import java.util.Objects;

/** A namespace prefix declared on the MPD element ({@code xmlns:cenc="urn:mpeg:cenc:2013"}). */
public record XmlNamespace(String prefix, String uri) {
    public XmlNamespace {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(uri, "uri");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the default namespace of an MPD is always the DASH one");
        }
    }
}
