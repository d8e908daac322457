package io.podium.vast.parse;

import io.podium.vast.xml.XmlEscape;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX reader element by element, by local name (with or without the IAB namespace).
 * Text is read whether it came as CDATA or not, and trimmed.
 */
final class Cursor {
    private final XMLStreamReader r;

    Cursor(XMLStreamReader r) {
        this.r = r;
    }

    String name() {
        return r.getLocalName();
    }

    int line() {
        return r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
    }

    String attr(String name) {
        return r.getAttributeValue(null, name);
    }

    /**
     * Moves to the next child element of the current one and returns true, or to the current
     * element's end tag and returns false.
     */
    boolean nextChild() throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** The trimmed text of the current element (child elements skipped); leaves it at its end tag. */
    String text() throws XMLStreamException {
        StringBuilder sb = null;
        String single = null;
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 0) {
                        String t = r.getText();
                        if (single == null && sb == null) {
                            single = t;
                        } else {
                            if (sb == null) {
                                sb = new StringBuilder(single);
                            }
                            sb.append(t);
                        }
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth-- == 0) {
                        String all = sb != null ? sb.toString() : single == null ? "" : single;
                        return all.trim();
                    }
                }
                default -> {
                }
            }
        }
        throw new XMLStreamException("unexpected end of document");
    }

    /** Skips the current element with everything in it; leaves it at its end tag. */
    void skip() throws XMLStreamException {
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                return;
            }
        }
    }

    /**
     * The current element with everything in it, as an XML fragment; leaves it at its end tag.
     * A prefix declared above the fragment is declared again where the fragment first uses it.
     */
    String raw() throws XMLStreamException {
        StringBuilder out = new StringBuilder(256);
        java.util.ArrayDeque<java.util.Set<String>> scopes = new java.util.ArrayDeque<>();
        startTag(out, scopes);
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> startTag(out, scopes);
                case XMLStreamConstants.END_ELEMENT -> {
                    out.append("</").append(qname(r.getPrefix(), r.getLocalName())).append('>');
                    scopes.pop();
                    if (scopes.isEmpty()) {
                        return out.toString();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        XmlEscape.text(out, r.getText());
                default -> {
                }
            }
        }
        throw new XMLStreamException("unexpected end of document");
    }

    private void startTag(StringBuilder out, java.util.ArrayDeque<java.util.Set<String>> scopes) {
        java.util.Set<String> declared = new java.util.HashSet<>();
        out.append('<').append(qname(r.getPrefix(), r.getLocalName()));
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            out.append(' ').append(p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p).append("=\"");
            XmlEscape.attribute(out, r.getNamespaceURI(i));
            out.append('"');
            declared.add(p == null ? "" : p);
        }
        declareIfMissing(out, r.getPrefix(), r.getNamespaceURI(), declared, scopes);
        for (int i = 0; i < r.getAttributeCount(); i++) {
            declareIfMissing(out, r.getAttributePrefix(i), r.getAttributeNamespace(i), declared, scopes);
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            out.append(' ').append(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i))).append("=\"");
            XmlEscape.attribute(out, r.getAttributeValue(i));
            out.append('"');
        }
        out.append('>');
        scopes.push(declared);
    }

    private static void declareIfMissing(StringBuilder out, String prefix, String uri, java.util.Set<String> declared,
                                         java.util.ArrayDeque<java.util.Set<String>> scopes) {
        if (prefix == null || prefix.isEmpty() || "xml".equals(prefix) || uri == null || declared.contains(prefix)) {
            return;
        }
        for (java.util.Set<String> scope : scopes) {
            if (scope.contains(prefix)) {
                return;
            }
        }
        out.append(" xmlns:").append(prefix).append("=\"");
        XmlEscape.attribute(out, uri);
        out.append('"');
        declared.add(prefix);
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }
}
