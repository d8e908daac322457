package io.podium.exchange.openrtb;

/**
 * A document that cannot be decoded: malformed or truncated JSON, a value of the wrong
 * type, nesting deeper than allowed, or broken protobuf. {@link #path()} names where, as a
 * JSON path ({@code $} for the document itself).
 */
public final class OpenRtbDecodeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String problem;

    public OpenRtbDecodeException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
