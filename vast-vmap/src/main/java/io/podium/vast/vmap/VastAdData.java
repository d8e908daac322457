package io.podium.vast.vmap;

import java.util.Objects;

/**
 * A {@code vmap:VASTAdData}: a VAST document inline, kept as XML text and written back as is.
 *
 * <p>The text is one element (normally {@code <VAST>}), self-contained: every namespace prefix
 * it uses is declared inside it. The parser produces it in a canonical form (namespace
 * declarations first, double-quoted attributes, empty elements as {@code <x/>}, text holding
 * {@code &} or {@code <} in CDATA), so reading what was written gives an equal value. An XML
 * declaration at the start, which cannot appear inside VMAP, is dropped; whitespace around the
 * element too. The writer does not re-check the text: an element that is not well-formed makes
 * a document that is not.
 *
 * @param xml the VAST element as XML text
 */
public record VastAdData(String xml) implements AdData {
    public VastAdData {
        Objects.requireNonNull(xml, "xml");
        xml = xml.strip();
        if (xml.startsWith("<?xml")) {
            int end = xml.indexOf("?>");
            if (end < 0) {
                throw new IllegalArgumentException("VASTAdData starts with an unterminated XML declaration");
            }
            xml = xml.substring(end + 2).strip();
        }
        if (!xml.startsWith("<") || !xml.endsWith(">")) {
            throw new IllegalArgumentException("VASTAdData must be one XML element, not \"" + abbreviate(xml) + "\"");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
