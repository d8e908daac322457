package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * The attributes of the element a reader is on, taken one by one by name and type; what is not
 * taken is kept as the element's other attributes. Not thread-safe; one per element.
 */
final class Attributes {
    private final String element;
    private final int line;
    private final List<XmlAttribute> all = new ArrayList<>();
    private final boolean[] taken;

    Attributes(XMLStreamReader r, int line) {
        this.element = r.getLocalName();
        this.line = line;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i) == null ? "" : r.getAttributeNamespace(i);
            String prefix = ns.isEmpty() || r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i);
            all.add(new XmlAttribute(ns, prefix, r.getAttributeLocalName(i), r.getAttributeValue(i)));
        }
        taken = new boolean[all.size()];
    }

    /** The value of the attribute in no namespace called {@code name}, or null; takes it. */
    String text(String name) {
        for (int i = 0; i < all.size(); i++) {
            XmlAttribute a = all.get(i);
            if (a.namespaceUri().isEmpty() && a.localName().equals(name)) {
                taken[i] = true;
                return a.value();
            }
        }
        return null;
    }

    String required(String name) throws MpdParseException {
        String value = text(name);
        if (value == null) {
            throw new MpdParseException(line, element + " has no " + name);
        }
        return value;
    }

    /** An xs:unsignedLong (or unsignedInt) attribute, or null. */
    Long unsigned(String name) throws MpdParseException {
        String value = text(name);
        return value == null ? null : unsigned(name, value);
    }

    long requiredUnsigned(String name) throws MpdParseException {
        return unsigned(name, required(name));
    }

    /** An xs:unsignedInt attribute that fits an int, or null. */
    Integer unsignedInt(String name) throws MpdParseException {
        Long value = unsigned(name);
        if (value != null && value > Integer.MAX_VALUE) {
            throw bad(name, String.valueOf(value), "is too large");
        }
        return value == null ? null : value.intValue();
    }

    /** An xs:integer attribute that fits a long, or null. */
    Long integer(String name) throws MpdParseException {
        String value = text(name);
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (!s.matches("[-+]?[0-9]+")) {
            throw bad(name, value, "is not an integer");
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw bad(name, value, "is too large");
        }
    }

    /** An xs:duration attribute in microseconds, or null. */
    Long duration(String name) throws MpdParseException {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return XsDuration.parseMicros(value);
        } catch (IllegalArgumentException e) {
            throw new MpdParseException(line, element + "@" + name + " " + e.getMessage());
        }
    }

    /** An xs:boolean attribute, or null. */
    Boolean bool(String name) throws MpdParseException {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw bad(name, value, "is not a boolean");
        };
    }

    /** The attributes not taken, in document order. */
    List<XmlAttribute> rest() {
        List<XmlAttribute> rest = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!taken[i]) {
                rest.add(all.get(i));
            }
        }
        return rest;
    }

    /** Whether every attribute is in no namespace and among {@code names}. */
    boolean onlyPlain(List<String> names) {
        return all.stream().allMatch(a -> a.namespaceUri().isEmpty() && names.contains(a.localName()));
    }

    private Long unsigned(String name, String value) throws MpdParseException {
        String s = value.strip();
        if (!s.matches("\\+?[0-9]+")) {
            throw bad(name, value, "is not an unsigned integer");
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw bad(name, value, "is too large");
        }
    }

    private MpdParseException bad(String name, String value, String what) {
        return new MpdParseException(line, element + "@" + name + " \"" + value + "\" " + what);
    }
}
