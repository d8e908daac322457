package io.podium.vast.xml;

/** Escaping for XML text, attribute values and CDATA sections. */
public final class XmlEscape {
    private XmlEscape() {
    }

    public static void text(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    public static void attribute(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
    }

    /** A CDATA section holding {@code s}; a {@code ]]>} inside is split across two sections. */
    public static void cdata(StringBuilder out, String s) {
        out.append("<![CDATA[").append(s.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
    }
}
