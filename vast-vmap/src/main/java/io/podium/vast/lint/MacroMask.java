package io.podium.vast.lint;

/**
 * Hides tracking macros from the schema's {@code anyURI} check: {@code [NAME]} and
 * {@code ${NAME}} (NAME in capitals, digits and underscores) lose their brackets, so that
 * {@code https://x/e?c=[ERRORCODE]} is checked as {@code https://x/e?c=ERRORCODE}. Element
 * names cannot contain brackets, so only values change; line breaks are untouched, so lines
 * stay right.
 */
final class MacroMask {
    private MacroMask() {
    }

    static byte[] mask(byte[] doc) {
        byte[] out = null;
        int w = 0;
        for (int i = 0; i < doc.length; i++) {
            byte b = doc[i];
            int open = b == '[' ? 1 : b == '$' && i + 1 < doc.length && doc[i + 1] == '{' ? 2 : 0;
            if (open > 0) {
                int end = nameEnd(doc, i + open);
                byte close = open == 1 ? (byte) ']' : (byte) '}';
                if (end > i + open && end < doc.length && doc[end] == close) {
                    if (out == null) {
                        out = new byte[doc.length];
                        System.arraycopy(doc, 0, out, 0, i);
                        w = i;
                    }
                    for (int k = i + open; k < end; k++) {
                        out[w++] = doc[k];
                    }
                    i = end;
                    continue;
                }
            }
            if (out != null) {
                out[w++] = b;
            }
        }
        if (out == null) {
            return doc;
        }
        byte[] exact = new byte[w];
        System.arraycopy(out, 0, exact, 0, w);
        return exact;
    }

    private static int nameEnd(byte[] doc, int from) {
        int i = from;
        while (i < doc.length && (doc[i] >= 'A' && doc[i] <= 'Z' || doc[i] >= '0' && doc[i] <= '9' || doc[i] == '_')) {
            i++;
        }
        return i;
    }
}
