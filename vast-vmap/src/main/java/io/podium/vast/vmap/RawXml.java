package io.podium.vast.vmap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Copies a part of a document being read into XML text that stands alone and has one canonical
 * form, so that reading the text back and copying it again gives the same text.
 *
 * <p>Self-contained: an element declares every namespace prefix it or its attributes use that no
 * copied ancestor declared (the copy starts with no prefix bound and no default namespace). The
 * canonical form: an element's own namespace declarations first, in document order, then the
 * missing ones, then its attributes in document order, all double-quoted; an element with no
 * content as {@code <x/>}; character data as {@link XmlText#text}; comments and processing
 * instructions kept. Not thread-safe; one instance per copy.
 */
final class RawXml {
    /** What an element holds: as XML, as its character data alone, and how many elements. */
    record Content(String xml, String text, int elements) {
    }

    private final XMLStreamReader r;
    private final boolean trimEdges;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder pendingText = new StringBuilder();
    private final StringBuilder allText = new StringBuilder();
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private boolean startTagOpen;
    private int depth;
    private int elements;

    private RawXml(XMLStreamReader r, boolean trimEdges) {
        this.r = r;
        this.trimEdges = trimEdges;
        scopes.push(Map.of());
    }

    /**
     * The element the reader is on (a START_ELEMENT), with everything in it. Leaves the reader
     * on the element's END_ELEMENT.
     */
    static String element(XMLStreamReader r) throws XMLStreamException {
        RawXml copy = new RawXml(r, false);
        copy.copy();
        return copy.out.toString();
    }

    /**
     * What the element the reader is on (a START_ELEMENT) holds, without the element itself and
     * without whitespace at either end. Leaves the reader on the element's END_ELEMENT.
     */
    static Content content(XMLStreamReader r) throws XMLStreamException {
        RawXml copy = new RawXml(r, true);
        r.next();
        copy.copy();
        return new Content(copy.out.toString(), copy.allText.toString().strip(), copy.elements);
    }

    /** Copies events until the end of the element that holds the reader's position (depth 0). */
    private void copy() throws XMLStreamException {
        while (true) {
            switch (r.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    flushText(false);
                    startTag();
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        flushText(true);
                        return;
                    }
                    flushText(false);
                    endTag();
                    depth--;
                    if (depth == 0 && !trimEdges) {
                        return;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    pendingText.append(r.getText());
                    allText.append(r.getText());
                }
                case XMLStreamConstants.COMMENT -> {
                    flushText(false);
                    closeStartTag();
                    out.append("<!--").append(r.getText()).append("-->");
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    flushText(false);
                    closeStartTag();
                    String data = r.getPIData();
                    out.append("<?").append(r.getPITarget());
                    if (data != null && !data.isEmpty()) {
                        out.append(' ').append(data);
                    }
                    out.append("?>");
                }
                default -> {
                    // nothing else can come inside an element
                }
            }
            r.next();
        }
    }

    private void startTag() {
        closeStartTag();
        elements++;
        Map<String, String> scope = new HashMap<>(scopes.peek());
        String prefix = orEmpty(r.getPrefix());
        out.append('<');
        name(prefix, r.getLocalName());
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            declare(scope, orEmpty(r.getNamespacePrefix(i)), orEmpty(r.getNamespaceURI(i)));
        }
        bind(scope, prefix, orEmpty(r.getNamespaceURI()));
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = orEmpty(r.getAttributePrefix(i));
            if (!p.isEmpty()) {
                bind(scope, p, orEmpty(r.getAttributeNamespace(i)));
            }
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            out.append(' ');
            name(orEmpty(r.getAttributePrefix(i)), r.getAttributeLocalName(i));
            out.append("=\"");
            XmlText.attribute(out, r.getAttributeValue(i));
            out.append('"');
        }
        scopes.push(scope);
        startTagOpen = true;
    }

    private void endTag() {
        scopes.pop();
        if (startTagOpen) {
            out.append("/>");
            startTagOpen = false;
        } else {
            out.append("</");
            name(orEmpty(r.getPrefix()), r.getLocalName());
            out.append('>');
        }
    }

    /** Declares a binding unless the copy already has it in scope. */
    private void bind(Map<String, String> scope, String prefix, String uri) {
        if (prefix.equals("xml")) {
            return;
        }
        String bound = scope.getOrDefault(prefix, prefix.isEmpty() ? "" : null);
        if (!uri.equals(bound)) {
            declare(scope, prefix, uri);
        }
    }

    private void declare(Map<String, String> scope, String prefix, String uri) {
        out.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
        XmlText.attribute(out, uri);
        out.append('"');
        scope.put(prefix, uri);
    }

    /**
     * Writes the character data read since the last markup. At the edges of a content copy the
     * whitespace is dropped first, so that the form (CDATA or escaped) depends on what is kept.
     */
    private void flushText(boolean atEnd) {
        if (pendingText.length() == 0) {
            return;
        }
        String t = pendingText.toString();
        pendingText.setLength(0);
        if (trimEdges && depth == 0) {
            if (out.length() == 0) {
                t = t.stripLeading();
            }
            if (atEnd) {
                t = t.stripTrailing();
            }
        }
        if (!t.isEmpty()) {
            closeStartTag();
            XmlText.text(out, t);
        }
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append('>');
            startTagOpen = false;
        }
    }

    private void name(String prefix, String localName) {
        if (!prefix.isEmpty()) {
            out.append(prefix).append(':');
        }
        out.append(localName);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
