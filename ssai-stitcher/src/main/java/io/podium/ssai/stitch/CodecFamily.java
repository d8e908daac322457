package io.podium.ssai.stitch;

import java.util.Locale;
import java.util.Set;

/**
 * The codec family of a CODECS attribute (RFC 6381 names), for matching an ad variant to a content
 * variant: the family of its first video codec, else of its first codec. A family is the sample
 * entry before the first dot, with the two names of one codec merged: {@code avc1}/{@code avc3} are
 * {@code avc}, {@code hvc1}/{@code hev1} are {@code hevc}, {@code dvh1}/{@code dvhe} are
 * {@code dvhevc}, {@code dva1}/{@code dvav} are {@code dvavc}; others ({@code av01}, {@code vp09},
 * {@code mp4a}, {@code ec-3}...) stand for themselves.
 */
final class CodecFamily {
    private static final Set<String> VIDEO = Set.of("avc", "hevc", "dvhevc", "dvavc", "av01", "vp09", "vp08", "vp8",
            "vp9", "mp4v", "avc2", "avc4", "vvc1", "vvi1");

    private CodecFamily() {
    }

    /** The family of {@code codecs}, or null when it is null or names no codec. */
    static String of(String codecs) {
        if (codecs == null) {
            return null;
        }
        String first = null;
        for (String codec : codecs.split(",")) {
            String family = family(codec.strip());
            if (family.isEmpty()) {
                continue;
            }
            if (VIDEO.contains(family)) {
                return family;
            }
            if (first == null) {
                first = family;
            }
        }
        return first;
    }

    private static String family(String codec) {
        int dot = codec.indexOf('.');
        String entry = (dot < 0 ? codec : codec.substring(0, dot)).toLowerCase(Locale.ROOT);
        switch (entry) {
            case "avc1":
            case "avc3":
                return "avc";
            case "hvc1":
            case "hev1":
                return "hevc";
            case "dvh1":
            case "dvhe":
                return "dvhevc";
            case "dva1":
            case "dvav":
                return "dvavc";
            default:
                return entry;
        }
    }
}
