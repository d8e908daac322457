package io.podium.exchange.http;

/**
 * Why an outbound call produced no usable reply. Kinds are stable words used in metrics.
 */
public final class OutboundFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { TIMEOUT, CONNECT, TOO_LARGE, IO }

    private final Kind kind;

    public OutboundFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
