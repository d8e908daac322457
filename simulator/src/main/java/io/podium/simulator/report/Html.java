package io.podium.simulator.report;

/** A small HTML builder: every text goes through {@link #escape(String)}; markup is appended raw. */
final class Html {

    private final StringBuilder out = new StringBuilder(16_384);

    /** Escapes {@code & < > " '} for text and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends trusted markup as is. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** {@code <tag>escaped text</tag>}. */
    Html element(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">");
    }

    /** A table row of header cells. */
    Html headRow(String... cells) {
        raw("<tr>");
        for (String c : cells) {
            element("th", c);
        }
        return raw("</tr>\n");
    }

    /** A table row; the first cell is a row header, the rest are right-aligned numbers. */
    Html row(String first, String... cells) {
        raw("<tr>").element("th", first);
        for (String c : cells) {
            raw("<td class=\"n\">").text(c).raw("</td>");
        }
        return raw("</tr>\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
