package io.podium.ssai.hls;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ad-marker tag outside RFC 8216 that SSAI must keep: {@code EXT-X-CUE-OUT},
 * {@code EXT-X-CUE-IN} or {@code EXT-X-CUE-OUT-CONT}. Their arguments differ between packagers
 * ({@code 30}, {@code DURATION=30}, {@code 2/28}, {@code ElapsedTime=2,Duration=28}), so they are
 * kept as written.
 *
 * @param kind which tag
 * @param value the text after the colon, or null when the tag has none
 */
public record CueMarker(Kind kind, String value) {
    private static final Pattern OUT_DURATION = Pattern.compile("(?:DURATION=)?([0-9]+(?:\\.[0-9]*)?)",
            Pattern.CASE_INSENSITIVE);

    /** Which cue tag. */
    public enum Kind {
        OUT(HlsTags.CUE_OUT),
        IN(HlsTags.CUE_IN),
        OUT_CONT(HlsTags.CUE_OUT_CONT);

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        /** The tag name, such as {@code EXT-X-CUE-OUT}. */
        public String tag() {
            return tag;
        }
    }

    public CueMarker {
        Objects.requireNonNull(kind, "kind");
        if (value != null) {
            HlsTags.requireSingleLine(value, kind.tag());
            if (value.isEmpty() || !value.equals(value.strip())) {
                throw new IllegalArgumentException(kind.tag() + " value must be null or non-blank and trimmed: '"
                        + value + "'");
            }
        }
    }

    /** {@code EXT-X-CUE-OUT:DURATION=<seconds>}, the form most packagers write. */
    public static CueMarker out(DecimalSeconds duration) {
        return new CueMarker(Kind.OUT, "DURATION=" + duration.text());
    }

    /** {@code EXT-X-CUE-IN}. */
    public static CueMarker in() {
        return new CueMarker(Kind.IN, null);
    }

    /** The break duration of a CUE-OUT written as {@code 30} or {@code DURATION=30}, else null. */
    public DecimalSeconds outDuration() {
        if (kind != Kind.OUT || value == null) {
            return null;
        }
        Matcher m = OUT_DURATION.matcher(value);
        try {
            return m.matches() ? DecimalSeconds.parse(m.group(1)) : null;
        } catch (IllegalArgumentException tooLong) {
            return null;
        }
    }
}
