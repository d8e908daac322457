package io.podium.ssai.hls;

import java.util.regex.Pattern;

/** Reads the values of media playlist tags; errors name the tag and the line. */
final class TagValues {
    private static final Pattern SIGNED_INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern DURATION = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

    private TagValues() {
    }

    /** A decimal-integer tag value; a leading '-' is accepted if {@code signed}, for the checker. */
    static long integer(RawLine line, boolean signed) throws HlsParseException {
        String v = required(line);
        if (!SIGNED_INTEGER.matcher(v).matches() || !signed && v.startsWith("-")) {
            throw new HlsParseException(line.number(), "#" + line.tag() + " must be a decimal-integer, not '" + v + "'");
        }
        return Long.parseLong(v);
    }

    /** An EXT-X-VERSION: a decimal-integer that fits an int. */
    static int version(RawLine line) throws HlsParseException {
        long v = integer(line, false);
        if (v > Integer.MAX_VALUE) {
            throw new HlsParseException(line.number(), "#" + line.tag() + " is too large: " + v);
        }
        return (int) v;
    }

    static PlaylistType playlistType(RawLine line) throws HlsParseException {
        String v = required(line);
        try {
            return PlaylistType.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new HlsParseException(line.number(), "#" + line.tag() + " must be VOD or EVENT, not '" + v + "'");
        }
    }

    /** The duration of {@code #EXTINF:<duration>,[<title>]}; the comma is tolerated when missing. */
    static DecimalSeconds extinfDuration(RawLine line) throws HlsParseException {
        String v = line.value();
        if (v == null || v.isEmpty() || v.startsWith(",")) {
            throw new HlsParseException(line.number(), "#EXTINF without a duration");
        }
        int comma = v.indexOf(',');
        String text = (comma < 0 ? v : v.substring(0, comma)).strip();
        if (text.startsWith("-")) {
            throw new HlsParseException(line.number(), "negative #EXTINF duration " + text);
        }
        if (!DURATION.matcher(text).matches()) {
            throw new HlsParseException(line.number(), "malformed #EXTINF duration '" + text
                    + "' (expected a decimal number of seconds)");
        }
        try {
            return DecimalSeconds.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HlsParseException(line.number(), "#EXTINF duration: " + e.getMessage());
        }
    }

    /** The title after the EXTINF comma, trimmed; empty when absent. */
    static String extinfTitle(RawLine line) {
        int comma = line.value().indexOf(',');
        return comma < 0 ? "" : line.value().substring(comma + 1).strip();
    }

    static ByteRange byteRange(RawLine line) throws HlsParseException {
        String v = required(line);
        try {
            return ByteRange.parse(v);
        } catch (IllegalArgumentException e) {
            throw new HlsParseException(line.number(), "#" + line.tag() + ": " + e.getMessage());
        }
    }

    static HlsDateTime dateTime(RawLine line) throws HlsParseException {
        String v = required(line);
        try {
            return HlsDateTime.parse(v);
        } catch (IllegalArgumentException e) {
            throw new HlsParseException(line.number(), "#" + line.tag() + ": " + e.getMessage());
        }
    }

    /** An EXT-X-MAP; URI is required. */
    static InitSection map(RawLine line) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        String uri = r.requiredQuoted("URI");
        ByteRange range = r.byteRange("BYTERANGE");
        return TagReaders.build(line, () -> new InitSection(uri, range, r.others()));
    }

    /** An EXT-X-DATERANGE; missing required attributes are left to the checker. */
    static DateRange dateRange(RawLine line) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        String id = r.quoted("ID");
        String rangeClass = r.quoted("CLASS");
        HlsDateTime start = r.dateTime("START-DATE");
        HlsDateTime end = r.dateTime("END-DATE");
        DecimalSeconds duration = r.seconds("DURATION", false);
        DecimalSeconds planned = r.seconds("PLANNED-DURATION", false);
        String cmd = r.hex("SCTE35-CMD");
        String out = r.hex("SCTE35-OUT");
        String in = r.hex("SCTE35-IN");
        Boolean endOnNext = r.yesNo("END-ON-NEXT");
        if (Boolean.FALSE.equals(endOnNext)) {
            throw new HlsParseException(line.number(), "#EXT-X-DATERANGE attribute END-ON-NEXT must be YES, not NO");
        }
        return TagReaders.build(line, () -> new DateRange(id, rangeClass, start, end, duration, planned, cmd, out, in,
                endOnNext != null, r.others()));
    }

    static CueMarker cue(RawLine line, CueMarker.Kind kind) throws HlsParseException {
        String v = line.value();
        return TagReaders.build(line, () -> new CueMarker(kind, v == null || v.isEmpty() ? null : v));
    }

    private static String required(RawLine line) throws HlsParseException {
        if (line.value() == null || line.value().isEmpty()) {
            throw new HlsParseException(line.number(), "#" + line.tag() + " needs a value after ':'");
        }
        return line.value();
    }
}
