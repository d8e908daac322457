package io.podium.vast.wrapper;

/** A fetch that did not bring back a document, and why. */
public final class FetchException extends Exception {
    /** Why a fetch failed. */
    public enum Kind {
        /** no answer within the time allowed */
        TIMEOUT,
        /** refused, reset, or an HTTP status other than 2xx */
        UNAVAILABLE,
        /** the body was over the size cap */
        TOO_LARGE,
        /** the URL is not one Podium fetches (scheme, host policy, malformed) */
        REFUSED
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
