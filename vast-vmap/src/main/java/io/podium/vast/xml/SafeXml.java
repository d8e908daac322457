package io.podium.vast.xml;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way VAST and VMAP documents are read: a StAX reader that refuses what untrusted XML
 * can use to attack a parser. Documents over the size cap are refused before parsing; a
 * DOCTYPE is refused (so no entity, internal or external, can be declared: no XXE, no
 * "billion laughs"); external entities and DTD loading are off in the factory as well, should
 * a reader be used past the DOCTYPE check. Line numbers stay available for validators.
 */
public final class SafeXml {
    private final XMLInputFactory factory;
    private final int maxBytes;

    /** @param maxBytes the largest document accepted */
    public SafeXml(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * A reader positioned on the root element.
     *
     * @throws XmlRejectedException if the document is too large, has a DOCTYPE, or is not
     *     well-formed up to its root element
     */
    public XMLStreamReader open(byte[] document) throws XmlRejectedException {
        if (document.length > maxBytes) {
            throw new XmlRejectedException("document of " + document.length + " bytes is over the " + maxBytes
                    + "-byte limit", 0);
        }
        XMLStreamReader r;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XmlRejectedException("DOCTYPE declarations are not allowed", line(r));
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XmlRejectedException("entity references are not allowed", line(r));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return new GuardedReader(r);
                }
            }
        } catch (XMLStreamException e) {
            throw new XmlRejectedException("not well-formed XML: " + firstLine(e.getMessage()),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNumber());
        }
        throw new XmlRejectedException("no root element", 0);
    }

    static int line(XMLStreamReader r) {
        return r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
