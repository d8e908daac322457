package io.podium.ssai.dash;

import java.util.Locale;

/** What an AdaptationSet carries, told from contentType, else mimeType, else codecs and Role. */
enum TrackKind {
    VIDEO,
    AUDIO,
    TEXT,
    IMAGE,
    OTHER;

    static TrackKind of(AdaptationSet set) {
        if (set.contentType() != null) {
            return switch (set.contentType().toLowerCase(Locale.ROOT)) {
                case "video" -> VIDEO;
                case "audio" -> AUDIO;
                case "text" -> TEXT;
                case "image" -> IMAGE;
                default -> OTHER;
            };
        }
        String mime = set.mimeType();
        String codecs = set.codecs();
        if (!set.representations().isEmpty()) {
            Representation first = set.representations().get(0);
            mime = mime != null ? mime : first.mimeType();
            codecs = codecs != null ? codecs : first.codecs();
        }
        if (mime != null) {
            String m = mime.toLowerCase(Locale.ROOT);
            if (m.startsWith("video/")) {
                return VIDEO;
            }
            if (m.startsWith("audio/")) {
                return AUDIO;
            }
            if (m.startsWith("text/") || m.equals("application/ttml+xml")) {
                return TEXT;
            }
            if (m.startsWith("image/")) {
                return IMAGE;
            }
        }
        if (codecs != null && (codecs.startsWith("stpp") || codecs.startsWith("wvtt"))) {
            return TEXT;
        }
        boolean subtitleRole = set.roles().stream()
                .anyMatch(r -> "subtitle".equals(r.value()) || "caption".equals(r.value()));
        return subtitleRole ? TEXT : OTHER;
    }
}
