package io.podium.ssai.hls;

/** Checks on values written as quoted-strings. */
final class Quoted {
    private Quoted() {
    }

    /**
     * Checks that a value can be written as a quoted-string: no double quote, no line break.
     *
     * @param value the value, or null when absent
     * @throws IllegalArgumentException naming the attribute
     */
    static String check(String value, String attribute) {
        if (value != null && (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException(attribute + " must not contain a double quote or line break: " + value);
        }
        return value;
    }
}
