package io.podium.ssai.hls;

import java.math.BigDecimal;

/**
 * Writes an attribute list in a fixed order, skipping absent (null) values. Not thread-safe; one
 * per tag.
 */
final class AttributeWriter {
    private final StringBuilder out = new StringBuilder();

    AttributeWriter quoted(String name, String value) {
        return value == null ? this : raw(name, '"' + value + '"');
    }

    AttributeWriter enumerated(String name, String value) {
        return value == null ? this : raw(name, value);
    }

    /** A quoted-string, except the enumerated NONE. */
    AttributeWriter quotedOrNone(String name, String value) {
        return StreamInfo.NONE.equals(value) ? raw(name, value) : quoted(name, value);
    }

    AttributeWriter yesNo(String name, Boolean value) {
        return value == null ? this : raw(name, value ? "YES" : "NO");
    }

    AttributeWriter integer(String name, Long value) {
        return value == null ? this : raw(name, Long.toString(value));
    }

    AttributeWriter decimal(String name, BigDecimal value) {
        return value == null ? this : raw(name, value.toPlainString());
    }

    AttributeWriter seconds(String name, DecimalSeconds value) {
        return value == null ? this : raw(name, value.text());
    }

    AttributeWriter resolution(String name, Resolution value) {
        return value == null ? this : raw(name, value.toString());
    }

    AttributeWriter dateTime(String name, HlsDateTime value) {
        return value == null ? this : quoted(name, value.text());
    }

    AttributeWriter byteRange(String name, ByteRange value) {
        return value == null ? this : quoted(name, value.toString());
    }

    AttributeWriter others(AttributeList list) {
        for (Attribute a : list.entries()) {
            raw(a.name(), a.value());
        }
        return this;
    }

    private AttributeWriter raw(String name, String value) {
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(name).append('=').append(value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
