package io.podium.vast.write;

import io.podium.vast.xml.XmlEscape;
import java.nio.charset.StandardCharsets;

/** A small indented XML builder: elements, attributes skipped when null, text, CDATA, raw fragments. */
final class XmlOut {
    private final StringBuilder out = new StringBuilder(4096);
    private int depth;
    private boolean open;

    XmlOut() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    XmlOut start(String name) {
        closeOpenTag();
        indent();
        out.append('<').append(name);
        open = true;
        depth++;
        return this;
    }

    XmlOut attr(String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("=\"");
            XmlEscape.attribute(out, value);
            out.append('"');
        }
        return this;
    }

    /** Ends the element opened last, whose content was child elements (or nothing). */
    XmlOut end(String name) {
        depth--;
        if (open) {
            out.append("/>\n");
            open = false;
        } else {
            indent();
            out.append("</").append(name).append(">\n");
        }
        return this;
    }

    /** An element holding escaped text; nothing when the text is null. */
    XmlOut textElement(String name, String text) {
        if (text != null) {
            start(name);
            closeOpenTag();
            XmlEscape.text(out, text);
            finishInline(name);
        }
        return this;
    }

    /** Ends an element whose attributes were written, with a CDATA body. */
    XmlOut cdataBody(String name, String text) {
        closeOpenTag();
        XmlEscape.cdata(out, text == null ? "" : text);
        finishInline(name);
        return this;
    }

    /** Ends an element whose attributes were written, with an escaped text body. */
    XmlOut textBody(String name, String text) {
        closeOpenTag();
        XmlEscape.text(out, text == null ? "" : text);
        finishInline(name);
        return this;
    }

    /** An element holding a URL (or other opaque text) in CDATA; nothing when the text is null. */
    XmlOut cdataElement(String name, String text) {
        if (text != null) {
            start(name);
            cdataBody(name, text);
        }
        return this;
    }

    XmlOut raw(String fragment) {
        closeOpenTag();
        indent();
        out.append(fragment).append('\n');
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void finishInline(String name) {
        depth--;
        out.append("</").append(name).append(">\n");
    }

    private void closeOpenTag() {
        if (open) {
            out.append(">");
            open = false;
        }
    }

    private void indent() {
        if (out.length() > 0 && out.charAt(out.length() - 1) == '>') {
            out.append('\n');
        }
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }
}
