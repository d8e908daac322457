package io.podium.vast.vmap;

/**
 * A document that cannot be read as VMAP: refused as XML (too large, a DOCTYPE, not
 * well-formed) or missing or misusing what the model needs. The message starts with
 * {@code line N: } when the line is known.
 */
public final class VmapParseException extends Exception {
    private final int line;
    private final String problem;

    public VmapParseException(String problem, int line) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
        this.problem = problem;
    }

    /**
     * The line the problem was found on, 0 when not known. For a problem of an element, the line
     * its start tag ends on (the reader's position), which is where it starts unless the tag
     * spans several lines.
     */
    public int line() {
        return line;
    }

    /** The message without its line. */
    public String problem() {
        return problem;
    }
}
