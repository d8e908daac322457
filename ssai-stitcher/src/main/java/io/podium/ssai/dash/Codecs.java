package io.podium.ssai.dash;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Codec families of an RFC 6381 codecs value, for matching an ad's Representations to the
 * content's: the sample entry before the first dot, lower case, with the two names of one codec
 * taken as one ({@code avc1}/{@code avc3} are {@code avc}, {@code hvc1}/{@code hev1} are
 * {@code hevc}, {@code dvh1}/{@code dvhe} are {@code dvhevc}, {@code dva1}/{@code dvav} are
 * {@code dvavc}); others ({@code mp4a}, {@code ec-3}, {@code av01}, ...) stand for themselves.
 */
final class Codecs {
    private Codecs() {
    }

    /** The families of every codec listed, in order; empty for null. */
    static Set<String> families(String codecs) {
        Set<String> families = new LinkedHashSet<>();
        if (codecs == null) {
            return families;
        }
        for (String codec : codecs.split(",")) {
            String c = codec.strip().toLowerCase(Locale.ROOT);
            int dot = c.indexOf('.');
            String entry = dot < 0 ? c : c.substring(0, dot);
            if (entry.isEmpty()) {
                continue;
            }
            families.add(switch (entry) {
                case "avc1", "avc3" -> "avc";
                case "hvc1", "hev1" -> "hevc";
                case "dvh1", "dvhe" -> "dvhevc";
                case "dva1", "dvav" -> "dvavc";
                default -> entry;
            });
        }
        return families;
    }
}
