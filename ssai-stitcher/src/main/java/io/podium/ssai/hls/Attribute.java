package io.podium.ssai.hls;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code NAME=value} pair of an attribute list (RFC 8216 §4.2), with the value exactly as
 * written: a quoted-string keeps its quotes, a hexadecimal sequence its {@code 0x} prefix and case.
 *
 * @param name the attribute name, {@code [A-Z0-9-]+}
 * @param value the raw value: a quoted-string ({@code "..."} without quote or line break inside) or
 *     an unquoted token without whitespace, comma or quote
 */
public record Attribute(String name, String value) {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9-]+");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\r\n]*\"");
    private static final Pattern UNQUOTED = Pattern.compile("[^\",\\s]+");

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute name must match [A-Z0-9-]+: '" + name + "'");
        }
        if (!QUOTED.matcher(value).matches() && !UNQUOTED.matcher(value).matches()) {
            throw new IllegalArgumentException("attribute " + name + " has a value that is neither a quoted-string"
                    + " nor a token without whitespace, comma or quote: " + value);
        }
    }

    /** An attribute whose value is the quoted-string {@code "text"}. */
    public static Attribute quoted(String name, String text) {
        return new Attribute(name, '"' + text + '"');
    }

    /** Whether the value is a quoted-string. */
    public boolean isQuoted() {
        return value.length() >= 2 && value.charAt(0) == '"';
    }

    /** The value without its quotes if it is a quoted-string, else the raw value. */
    public String unquoted() {
        return isQuoted() ? value.substring(1, value.length() - 1) : value;
    }

    @Override
    public String toString() {
        return name + '=' + value;
    }
}
