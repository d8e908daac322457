package io.podium.vast.vmap;

/**
 * Escaping for what {@link VmapWriter} and {@link RawXml} write. Every method refuses, with an
 * {@link IllegalArgumentException}, a character XML 1.0 cannot carry (most C0 controls, lone
 * surrogates, U+FFFE, U+FFFF).
 */
final class XmlText {
    private static final String CDATA_END = "]]>";

    private XmlText() {
    }

    /** An attribute value for double quotes; tab, newline and CR as references so they survive. */
    static void attribute(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            check(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
    }

    /**
     * Character data in its canonical form: in CDATA when it holds {@code &} or {@code <} (the
     * way URLs are written in VAST and VMAP), escaped otherwise. Text with a CR is always
     * escaped, since a parser turns a CR inside CDATA into a newline.
     */
    static void text(StringBuilder out, String s) {
        if ((s.indexOf('&') >= 0 || s.indexOf('<') >= 0) && s.indexOf('\r') < 0) {
            cdataSection(out, s);
        } else {
            escaped(out, s);
        }
    }

    /**
     * Character data in CDATA, a {@code ]]>} inside split across two sections. Text with a CR
     * is escaped instead (a parser would read the CR in CDATA as a newline).
     */
    static void cdata(StringBuilder out, String s) {
        if (s.indexOf('\r') >= 0) {
            escaped(out, s);
        } else {
            cdataSection(out, s);
        }
    }

    private static void cdataSection(StringBuilder out, String s) {
        checkAll(s);
        out.append("<![CDATA[");
        int from = 0;
        for (int at = s.indexOf(CDATA_END); at >= 0; at = s.indexOf(CDATA_END, from)) {
            // "]]" ends this section, ">" starts the next
            out.append(s, from, at + 2).append("]]><![CDATA[");
            from = at + 2;
        }
        out.append(s, from, s.length()).append("]]>");
    }

    private static void escaped(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            check(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
    }

    private static void checkAll(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            check(c);
            i += Character.charCount(c);
        }
    }

    private static void check(int c) {
        boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        if (!allowed) {
            throw new IllegalArgumentException(String.format("character U+%04X cannot be written in XML 1.0", c));
        }
    }
}
