package io.podium.ssai.dash;

import java.util.List;
import java.util.Objects;

/**
 * An attribute the model does not know, kept so that writing reproduces it.
 *
 * @param namespaceUri the attribute's namespace, {@code ""} for none (the usual case)
 * @param prefix the prefix it was written with, {@code ""} exactly when it has no namespace
 * @param localName the name without prefix
 * @param value the value, as read (entities resolved, whitespace normalized by the XML parser)
 */
public record XmlAttribute(String namespaceUri, String prefix, String localName, String value) {
    public XmlAttribute {
        Objects.requireNonNull(namespaceUri, "namespaceUri");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(value, "value");
        if (namespaceUri.isEmpty() != prefix.isEmpty()) {
            throw new IllegalArgumentException("attribute " + localName
                    + ": a prefix is needed exactly when there is a namespace");
        }
    }

    /** An attribute in no namespace. */
    public static XmlAttribute of(String localName, String value) {
        return new XmlAttribute("", "", localName, value);
    }

    /** The name as written: {@code prefix:localName} or {@code localName}. */
    public String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    /** The value of the attribute in no namespace called {@code localName}, or null. */
    static String find(List<XmlAttribute> attributes, String localName) {
        for (XmlAttribute a : attributes) {
            if (a.namespaceUri.isEmpty() && a.localName.equals(localName)) {
                return a.value;
            }
        }
        return null;
    }
}
