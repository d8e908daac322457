package io.podium.ssai.hls;

/** The TYPE of an {@code EXT-X-MEDIA} (RFC 8216 §4.3.4.1). */
public enum RenditionType {
    AUDIO("AUDIO"),
    VIDEO("VIDEO"),
    SUBTITLES("SUBTITLES"),
    CLOSED_CAPTIONS("CLOSED-CAPTIONS");

    private final String wire;

    RenditionType(String wire) {
        this.wire = wire;
    }

    /** The value as written in a playlist. */
    public String wire() {
        return wire;
    }

    /** The type written as {@code wire}, or null when it names none. */
    public static RenditionType fromWire(String wire) {
        for (RenditionType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        return null;
    }
}
