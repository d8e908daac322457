package io.podium.ssai.hls;

import java.util.Set;

/** Tag names the parser understands, grouped by where they may appear. */
final class HlsTags {
    static final String EXTM3U = "EXTM3U";
    static final String VERSION = "EXT-X-VERSION";
    static final String INDEPENDENT_SEGMENTS = "EXT-X-INDEPENDENT-SEGMENTS";
    static final String START = "EXT-X-START";

    static final String TARGETDURATION = "EXT-X-TARGETDURATION";
    static final String MEDIA_SEQUENCE = "EXT-X-MEDIA-SEQUENCE";
    static final String DISCONTINUITY_SEQUENCE = "EXT-X-DISCONTINUITY-SEQUENCE";
    static final String PLAYLIST_TYPE = "EXT-X-PLAYLIST-TYPE";
    static final String ENDLIST = "EXT-X-ENDLIST";
    static final String I_FRAMES_ONLY = "EXT-X-I-FRAMES-ONLY";

    static final String EXTINF = "EXTINF";
    static final String BYTERANGE = "EXT-X-BYTERANGE";
    static final String DISCONTINUITY = "EXT-X-DISCONTINUITY";
    static final String KEY = "EXT-X-KEY";
    static final String MAP = "EXT-X-MAP";
    static final String PROGRAM_DATE_TIME = "EXT-X-PROGRAM-DATE-TIME";
    static final String GAP = "EXT-X-GAP";
    static final String BITRATE = "EXT-X-BITRATE";
    static final String DATERANGE = "EXT-X-DATERANGE";
    static final String CUE_OUT = "EXT-X-CUE-OUT";
    static final String CUE_IN = "EXT-X-CUE-IN";
    static final String CUE_OUT_CONT = "EXT-X-CUE-OUT-CONT";

    static final String STREAM_INF = "EXT-X-STREAM-INF";
    static final String I_FRAME_STREAM_INF = "EXT-X-I-FRAME-STREAM-INF";
    static final String MEDIA = "EXT-X-MEDIA";
    static final String SESSION_DATA = "EXT-X-SESSION-DATA";
    static final String SESSION_KEY = "EXT-X-SESSION-KEY";

    static final String ALLOW_CACHE = "EXT-X-ALLOW-CACHE";

    /** Tags that may appear in either kind of playlist. */
    static final Set<String> COMMON = Set.of(EXTM3U, VERSION, INDEPENDENT_SEGMENTS, START);
    /** Tags that describe the whole media playlist, wherever they are written. */
    static final Set<String> MEDIA_HEADER = Set.of(TARGETDURATION, MEDIA_SEQUENCE, DISCONTINUITY_SEQUENCE,
            PLAYLIST_TYPE, ENDLIST, I_FRAMES_ONLY);
    /** Tags that belong to the next media segment. */
    static final Set<String> SEGMENT = Set.of(EXTINF, BYTERANGE, DISCONTINUITY, KEY, MAP, PROGRAM_DATE_TIME, GAP,
            BITRATE, DATERANGE, CUE_OUT, CUE_IN, CUE_OUT_CONT);
    static final Set<String> MASTER = Set.of(STREAM_INF, I_FRAME_STREAM_INF, MEDIA, SESSION_DATA, SESSION_KEY);

    private HlsTags() {
    }

    /** The tag name of a line that starts with {@code #EXT}, such as {@code EXT-X-KEY}; else null. */
    static String nameOf(String line) {
        if (!line.startsWith("#EXT")) {
            return null;
        }
        int colon = line.indexOf(':');
        return colon < 0 ? line.substring(1) : line.substring(1, colon);
    }

    /** Whether the parser gives this tag a meaning (and so would not keep it as a raw line). */
    static boolean isKnown(String name) {
        return COMMON.contains(name) || MEDIA_HEADER.contains(name) || SEGMENT.contains(name)
                || MASTER.contains(name);
    }

    /**
     * Checks a raw line kept for pass-through: a comment or an unknown tag, on one line, trimmed.
     *
     * @throws IllegalArgumentException if writing the line would change the playlist's meaning
     */
    static String requirePassthrough(String line) {
        requireRawLine(line, "pass-through line");
        String name = nameOf(line);
        if (name != null && isKnown(name)) {
            throw new IllegalArgumentException("pass-through line must not be a known tag: " + line);
        }
        return line;
    }

    /** Checks a raw tag or comment line: starts with '#', one line, no surrounding whitespace. */
    static String requireRawLine(String line, String what) {
        if (line == null || !line.startsWith("#")) {
            throw new IllegalArgumentException(what + " must start with '#': " + line);
        }
        requireSingleLine(line, what);
        if (!line.equals(line.strip())) {
            throw new IllegalArgumentException(what + " must not start or end with whitespace: '" + line + "'");
        }
        return line;
    }

    /** Checks that a value written into a playlist cannot start a new line. */
    static String requireSingleLine(String value, String what) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a line break");
        }
        return value;
    }

    /** Checks a URI line: not empty, not a comment, one line, no surrounding whitespace. */
    static String requireUri(String uri, String what) {
        if (uri == null || uri.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        requireSingleLine(uri, what);
        if (uri.startsWith("#") || !uri.equals(uri.strip())) {
            throw new IllegalArgumentException(what + " must not start with '#' or whitespace: '" + uri + "'");
        }
        return uri;
    }
}
