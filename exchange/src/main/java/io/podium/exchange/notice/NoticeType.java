package io.podium.exchange.notice;

/**
 * Podium's own notice endpoints, {@code /notice/{path}}: the win and billing notices of every
 * auction, and the player events of the VAST Podium serves (impressions are billing notices).
 */
public enum NoticeType {
    WIN("win"), BILL("bill"),
    START("start"), FIRST_QUARTILE("firstQuartile"), MIDPOINT("midpoint"), THIRD_QUARTILE("thirdQuartile"),
    COMPLETE("complete"),
    /** A VAST error; the player adds {@code code=[ERRORCODE]} outside the signed part. */
    ERROR("error");

    private final String path;

    NoticeType(String path) {
        this.path = path;
    }

    /** Whether this is a player event of served VAST rather than an auction notice. */
    public boolean isPlayerEvent() {
        return this != WIN && this != BILL;
    }

    public String path() {
        return path;
    }

    public static NoticeType ofPath(String path) {
        for (NoticeType t : values()) {
            if (t.path.equals(path)) {
                return t;
            }
        }
        return null;
    }
}
