package io.podium.exchange.notice;

/** Podium's own notice endpoints: {@code /notice/win} and {@code /notice/bill}. */
public enum NoticeType {
    WIN("win"), BILL("bill");

    private final String path;

    NoticeType(String path) {
        this.path = path;
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
