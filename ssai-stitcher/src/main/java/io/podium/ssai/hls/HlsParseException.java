package io.podium.ssai.hls;

/**
 * A playlist that cannot be read: the text breaks a rule of RFC 8216 that the parser does not
 * tolerate, or it exceeds the parser's size cap.
 */
public final class HlsParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String reason;

    /**
     * @param line the 1-based line the problem was found on, or 0 when it concerns the whole input
     * @param reason what is wrong, without the line number
     */
    public HlsParseException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole input (such as its size). */
    public int line() {
        return line;
    }

    /** What is wrong, without the line number. */
    public String reason() {
        return reason;
    }
}
