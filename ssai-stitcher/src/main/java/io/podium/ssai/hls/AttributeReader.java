package io.podium.ssai.hls;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values (RFC 8216 §4.2) out of one tag's attribute list and remembers which it
 * read, so that the rest can be kept as {@link AttributeList other attributes}. Errors name the
 * tag, the attribute and the line. Not thread-safe; one per tag.
 */
final class AttributeReader {
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,18})?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]+");

    private final String tag;
    private final int line;
    private final AttributeList list;
    private final Set<String> read = new HashSet<>();

    private AttributeReader(String tag, int line, AttributeList list) {
        this.tag = tag;
        this.line = line;
        this.list = list;
    }

    /** Parses the attribute list {@code value} of {@code tag} on {@code line}. */
    static AttributeReader of(String tag, String value, int line) throws HlsParseException {
        if (value == null) {
            throw new HlsParseException(line, "#" + tag + " needs an attribute list after ':'");
        }
        try {
            return new AttributeReader(tag, line, AttributeList.parse(value));
        } catch (IllegalArgumentException e) {
            throw new HlsParseException(line, "malformed attribute list in #" + tag + ": " + e.getMessage());
        }
    }

    /** A quoted-string, without its quotes; null when absent. */
    String quoted(String name) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        if (!a.isQuoted()) {
            throw fail(name, "a quoted-string", a.value());
        }
        return a.unquoted();
    }

    /** A quoted-string that must be present. */
    String requiredQuoted(String name) throws HlsParseException {
        String v = quoted(name);
        if (v == null) {
            throw new HlsParseException(line, "#" + tag + " without the required attribute " + name);
        }
        return v;
    }

    /** An enumerated-string; null when absent. */
    String enumerated(String name) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        if (a.isQuoted()) {
            throw fail(name, "an enumerated-string (without quotes)", a.value());
        }
        return a.value();
    }

    /** A quoted-string or, for attributes such as CLOSED-CAPTIONS, the enumerated NONE. */
    String quotedOrNone(String name) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        if (a.isQuoted() || a.value().equals("NONE")) {
            return a.unquoted();
        }
        throw fail(name, "a quoted-string or NONE", a.value());
    }

    /** YES or NO; null when absent. */
    Boolean yesNo(String name) throws HlsParseException {
        String v = enumerated(name);
        if (v == null) {
            return null;
        }
        if (v.equals("YES") || v.equals("NO")) {
            return v.equals("YES");
        }
        throw fail(name, "YES or NO", v);
    }

    /** A decimal-integer; null when absent. */
    Long integer(String name) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        if (!DECIMAL_INTEGER.matcher(a.value()).matches()) {
            throw fail(name, "a decimal-integer", a.value());
        }
        return Long.parseLong(a.value());
    }

    /** A decimal-floating-point, keeping its scale; null when absent. */
    BigDecimal decimal(String name) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        if (!DECIMAL_FLOAT.matcher(a.value()).matches()) {
            throw fail(name, "a decimal-floating-point", a.value());
        }
        return new BigDecimal(a.value());
    }

    /** Seconds as a decimal-floating-point, signed if {@code signed}; null when absent. */
    DecimalSeconds seconds(String name, boolean signed) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        String v = a.value();
        String expected = signed ? "a signed-decimal-floating-point" : "a decimal-floating-point";
        if (!signed && v.startsWith("-")) {
            throw fail(name, expected, v);
        }
        try {
            return DecimalSeconds.parse(v);
        } catch (IllegalArgumentException e) {
            throw fail(name, expected, v);
        }
    }

    /** A decimal-resolution; null when absent. */
    Resolution resolution(String name) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        try {
            return Resolution.parse(a.value());
        } catch (IllegalArgumentException e) {
            throw fail(name, "a decimal-resolution (WIDTHxHEIGHT)", a.value());
        }
    }

    /** A hexadecimal-sequence as written; null when absent. */
    String hex(String name) throws HlsParseException {
        Attribute a = take(name);
        if (a == null) {
            return null;
        }
        if (!HEX.matcher(a.value()).matches()) {
            throw fail(name, "a hexadecimal-sequence (0x...)", a.value());
        }
        return a.value();
    }

    /** A quoted date-time; null when absent. */
    HlsDateTime dateTime(String name) throws HlsParseException {
        String v = quoted(name);
        if (v == null) {
            return null;
        }
        try {
            return HlsDateTime.parse(v);
        } catch (IllegalArgumentException e) {
            throw fail(name, "an ISO 8601 date-time with a time zone", v);
        }
    }

    /** A quoted byte range {@code "n[@o]"}; null when absent. */
    ByteRange byteRange(String name) throws HlsParseException {
        String v = quoted(name);
        if (v == null) {
            return null;
        }
        try {
            return ByteRange.parse(v);
        } catch (IllegalArgumentException e) {
            throw fail(name, "a byte range \"LENGTH[@OFFSET]\"", v);
        }
    }

    /** The attributes not read, in their order. */
    AttributeList others() {
        List<Attribute> rest = new ArrayList<>();
        for (Attribute a : list.entries()) {
            if (!read.contains(a.name())) {
                rest.add(a);
            }
        }
        return new AttributeList(rest);
    }

    private Attribute take(String name) {
        read.add(name);
        return list.get(name);
    }

    private HlsParseException fail(String name, String expected, String actual) {
        return new HlsParseException(line, "#" + tag + " attribute " + name + " must be " + expected + ", not "
                + actual);
    }
}
