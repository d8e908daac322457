package io.podium.ssai.dash;

/**
 * An MPD that cannot be read: refused by the safe XML reader (too large, a DOCTYPE, an entity),
 * not well-formed, not an MPD, or with a value the model cannot hold.
 */
public final class MpdParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String reason;

    /**
     * @param line the 1-based line of the problem, or 0 when it concerns the whole document
     * @param reason what is wrong, without the line number
     */
    public MpdParseException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole document (such as its size). */
    public int line() {
        return line;
    }

    /** What is wrong, without the line number. */
    public String reason() {
        return reason;
    }
}
