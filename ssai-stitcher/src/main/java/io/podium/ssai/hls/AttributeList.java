package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ordered attribute list (RFC 8216 §4.2). The model uses it for attributes it has no field
 * for, so that they are written back in the order they were read, with their values untouched.
 *
 * @param entries the attributes in order; names are unique
 */
public record AttributeList(List<Attribute> entries) {
    /** The list without attributes. */
    public static final AttributeList EMPTY = new AttributeList(List.of());

    public AttributeList {
        entries = List.copyOf(entries);
        Set<String> names = new HashSet<>();
        for (Attribute a : entries) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("duplicate attribute " + a.name());
            }
        }
    }

    /** A list of the given attributes, in order. */
    public static AttributeList of(Attribute... attributes) {
        return new AttributeList(List.of(attributes));
    }

    /**
     * Reads an attribute list: {@code NAME=value} pairs separated by commas. Whitespace around a
     * separator and one trailing comma are tolerated; everything else RFC 8216 forbids is refused.
     *
     * @throws IllegalArgumentException naming the character position and what was expected
     */
    public static AttributeList parse(String text) {
        List<Attribute> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = text.length();
        int i = skipBlanks(text, 0);
        while (i < n) {
            int nameStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ',') {
                i++;
            }
            String name = text.substring(nameStart, i).strip();
            if (i >= n || text.charAt(i) != '=') {
                throw new IllegalArgumentException("expected '=' after attribute name '" + name + "'" + at(i));
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("missing attribute name" + at(nameStart));
            }
            if (!name.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                throw new IllegalArgumentException("invalid attribute name '" + name + "'" + at(nameStart)
                        + " (allowed: A-Z, 0-9, '-')");
            }
            i++;
            int valueStart = i;
            String value;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated quoted-string for attribute " + name
                            + at(valueStart));
                }
                value = text.substring(i, close + 1);
                i = skipBlanks(text, close + 1);
            } else {
                while (i < n && text.charAt(i) != ',') {
                    i++;
                }
                value = text.substring(valueStart, i).strip();
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("empty value for attribute " + name + at(valueStart));
                }
                if (value.chars().anyMatch(c -> c == '"' || Character.isWhitespace(c))) {
                    throw new IllegalArgumentException("unquoted value of attribute " + name + at(valueStart)
                            + " has a quote or whitespace: " + value);
                }
            }
            if (i < n && text.charAt(i) != ',') {
                throw new IllegalArgumentException("expected ',' after the value of attribute " + name + at(i));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate attribute " + name + at(nameStart));
            }
            out.add(new Attribute(name, value));
            i = skipBlanks(text, i + 1);
        }
        return new AttributeList(out);
    }

    private static String at(int index) {
        return " at character " + (index + 1) + " of the attribute list";
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The attribute with this name, or null. */
    public Attribute get(String name) {
        for (Attribute a : entries) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Whether there are no attributes. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** This list with an attribute added at the end, or replaced in place if the name exists. */
    public AttributeList with(Attribute attribute) {
        List<Attribute> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(attribute.name())) {
                out.set(i, attribute);
                return new AttributeList(out);
            }
        }
        out.add(attribute);
        return new AttributeList(out);
    }

    /** The list as written in a tag: {@code NAME=value} pairs joined by commas. */
    @Override
    public String toString() {
        return entries.stream().map(Attribute::toString).collect(Collectors.joining(","));
    }

    /**
     * Checks that none of {@code names} is in the list: the model of {@code tag} has fields for them.
     *
     * @throws IllegalArgumentException naming the first one found
     */
    void requireNone(String tag, String... names) {
        for (String name : names) {
            if (get(name) != null) {
                throw new IllegalArgumentException(tag + " attribute " + name + " has a field of its own; it must"
                        + " not be among the other attributes");
            }
        }
    }

    /** The list, or {@link #EMPTY} for null (a convenience for record constructors). */
    static AttributeList orEmpty(AttributeList list) {
        return Objects.requireNonNullElse(list, EMPTY);
    }
}
