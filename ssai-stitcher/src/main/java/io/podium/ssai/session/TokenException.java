package io.podium.ssai.session;

/** A token Podium will not act on; every kind is answered 403 by the service. */
public final class TokenException extends Exception {
    /** Why a token was refused. */
    public enum Kind {
        /** not base64url, too long, or not a token Podium wrote */
        MALFORMED,
        /** the signature does not match: changed, or signed with another key or for another use */
        TAMPERED,
        /** past its expiry */
        EXPIRED
    }

    private final Kind kind;

    public TokenException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
