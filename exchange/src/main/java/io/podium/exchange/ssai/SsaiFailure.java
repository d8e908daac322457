package io.podium.exchange.ssai;

/**
 * A request the SSAI service refuses or cannot answer, with its kind: the kind decides the HTTP
 * status and the metric label, mapped once by the handler. The message is safe to show the client.
 */
public final class SsaiFailure extends RuntimeException {
    /** Why, with the HTTP status it is answered with. */
    public enum Kind {
        BAD_REQUEST(400, "invalid"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not_found"),
        BAD_GATEWAY(502, "upstream_failed");

        private final int status;
        private final String label;

        Kind(int status, String label) {
            this.status = status;
            this.label = label;
        }

        public int status() {
            return status;
        }

        /** The metric label of the result. */
        public String label() {
            return label;
        }
    }

    private final Kind kind;

    public SsaiFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    private SsaiFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The SSAI failure behind a future's failure, or a 502 for anything else (kept as the cause, for the log). */
    public static SsaiFailure of(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof SsaiFailure f ? f : new SsaiFailure(Kind.BAD_GATEWAY, "upstream failure", c);
    }
}
