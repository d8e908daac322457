package io.podium.ssai.dash;

import io.podium.vast.xml.XmlEscape;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns a part of an MPD being read into the canonical XML text described at {@link RawElement}.
 * The copy assumes the DASH namespace as default and no prefix bound, and declares a prefix
 * where it is first used. Not thread-safe; one instance per copy.
 */
final class RawXmlCopy {
    private final XMLStreamReader reader;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private boolean tagOpen;

    private RawXmlCopy(XMLStreamReader reader) {
        this.reader = reader;
        scopes.push(Map.of("", Mpd.NAMESPACE));
    }

    /** The element the reader is on (a START_ELEMENT), whole; leaves the reader on its END_ELEMENT. */
    static String element(XMLStreamReader r) throws XMLStreamException {
        RawXmlCopy copy = new RawXmlCopy(r);
        copy.copy(false);
        return copy.out.toString();
    }

    /**
     * What the element the reader is on (a START_ELEMENT) holds, without surrounding whitespace;
     * leaves the reader on its END_ELEMENT.
     */
    static String content(XMLStreamReader r) throws XMLStreamException {
        RawXmlCopy copy = new RawXmlCopy(r);
        r.next();
        copy.copy(true);
        return copy.out.toString();
    }

    private void copy(boolean contentOnly) throws XMLStreamException {
        int depth = 0;
        while (true) {
            switch (reader.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    flushText(false);
                    startTag();
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) { // the end of the element whose content is copied
                        flushText(true);
                        return;
                    }
                    flushText(false);
                    endTag();
                    depth--;
                    if (depth == 0 && !contentOnly) {
                        return;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.COMMENT -> {
                    flushText(false);
                    closeTag();
                    out.append("<!--").append(reader.getText()).append("-->");
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    flushText(false);
                    closeTag();
                    out.append("<?").append(reader.getPITarget());
                    String data = reader.getPIData();
                    if (data != null && !data.isEmpty()) {
                        out.append(' ').append(data);
                    }
                    out.append("?>");
                }
                default -> {
                    // nothing else occurs inside an element
                }
            }
            reader.next();
        }
    }

    private void startTag() {
        closeTag();
        Map<String, String> scope = scopes.peek();
        StringBuilder declarations = new StringBuilder();
        String prefix = orEmpty(reader.getPrefix());
        scope = bind(scope, prefix, orEmpty(reader.getNamespaceURI()), declarations);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = orEmpty(reader.getAttributeNamespace(i));
            if (!ns.isEmpty()) {
                scope = bind(scope, orEmpty(reader.getAttributePrefix(i)), ns, declarations);
            }
        }
        out.append('<').append(qualified(prefix, reader.getLocalName())).append(declarations);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            out.append(' ').append(qualified(orEmpty(reader.getAttributePrefix(i)), reader.getAttributeLocalName(i)))
                    .append("=\"");
            XmlEscape.attribute(out, reader.getAttributeValue(i));
            out.append('"');
        }
        scopes.push(scope);
        tagOpen = true;
    }

    private void endTag() {
        scopes.pop();
        if (tagOpen) {
            out.append("/>");
            tagOpen = false;
        } else {
            out.append("</").append(qualified(orEmpty(reader.getPrefix()), reader.getLocalName())).append('>');
        }
    }

    /** The scope with {@code prefix} bound to {@code uri}, declaring it when it is not bound so yet. */
    private static Map<String, String> bind(Map<String, String> scope, String prefix, String uri,
            StringBuilder declarations) {
        if (prefix.equals("xml") || uri.equals(scope.getOrDefault(prefix, prefix.isEmpty() ? "" : null))) {
            return scope;
        }
        declarations.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
        XmlEscape.attribute(declarations, uri);
        declarations.append('"');
        Map<String, String> inner = new HashMap<>(scope);
        inner.put(prefix, uri);
        return inner;
    }

    /** Writes pending character data; whitespace alone is dropped, and at the edges of a content copy. */
    private void flushText(boolean atEnd) {
        if (text.length() == 0) {
            return;
        }
        String t = text.toString();
        text.setLength(0);
        if (t.isBlank()) {
            return;
        }
        if (scopes.size() == 1) { // directly inside the element whose content is copied
            if (out.length() == 0) {
                t = t.stripLeading();
            }
            if (atEnd) {
                t = t.stripTrailing();
            }
        }
        closeTag();
        XmlEscape.text(out, t);
    }

    private void closeTag() {
        if (tagOpen) {
            out.append('>');
            tagOpen = false;
        }
    }

    private static String qualified(String prefix, String localName) {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
