package io.podium.vast.parse;

/** A document that is not VAST Podium can read: refused XML, another root, a broken structure. */
public final class VastParseException extends Exception {
    private final int line;

    public VastParseException(String message, int line) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** Where the problem was found, 0 when not known. */
    public int line() {
        return line;
    }
}
