package io.podium.vast.xml;

/** A document refused before or while it was read: too large, a DOCTYPE, an entity, malformed. */
public final class XmlRejectedException extends Exception {
    private final int line;

    public XmlRejectedException(String message, int line) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** The line the problem was found on, 0 when not known. */
    public int line() {
        return line;
    }
}
