package io.podium.ssai.hls;

import java.util.function.Supplier;

/** Reads the attribute-list tags that both kinds of playlist share. */
final class TagReaders {
    private TagReaders() {
    }

    /** An EXT-X-KEY or EXT-X-SESSION-KEY; METHOD is required. */
    static EncryptionKey key(RawLine line) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        String method = r.enumerated("METHOD");
        if (method == null) {
            throw new HlsParseException(line.number(), "#" + line.tag() + " without the required attribute METHOD");
        }
        String uri = r.quoted("URI");
        String iv = r.hex("IV");
        String keyFormat = r.quoted("KEYFORMAT");
        String versions = r.quoted("KEYFORMATVERSIONS");
        return build(line, () -> new EncryptionKey(method, uri, iv, keyFormat, versions, r.others()));
    }

    /** An EXT-X-START; TIME-OFFSET is required. */
    static StartOffset start(RawLine line) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        DecimalSeconds offset = r.seconds("TIME-OFFSET", true);
        if (offset == null) {
            throw new HlsParseException(line.number(), "#" + line.tag() + " without the required attribute TIME-OFFSET");
        }
        Boolean precise = r.yesNo("PRECISE");
        return build(line, () -> new StartOffset(offset, precise, r.others()));
    }

    /** The attributes of an EXT-X-STREAM-INF or EXT-X-I-FRAME-STREAM-INF other than URI. */
    static StreamInfo streamInfo(RawLine line, AttributeReader r) throws HlsParseException {
        StreamInfo.Builder b = StreamInfo.builder()
                .bandwidth(r.integer("BANDWIDTH"))
                .averageBandwidth(r.integer("AVERAGE-BANDWIDTH"))
                .codecs(r.quoted("CODECS"))
                .resolution(r.resolution("RESOLUTION"))
                .frameRate(r.decimal("FRAME-RATE"))
                .hdcpLevel(r.enumerated("HDCP-LEVEL"))
                .audio(r.quoted("AUDIO"))
                .video(r.quoted("VIDEO"))
                .subtitles(r.quoted("SUBTITLES"))
                .closedCaptions(r.quotedOrNone("CLOSED-CAPTIONS"));
        AttributeList others = r.others();
        return build(line, () -> b.otherAttributes(others).build());
    }

    /** Runs {@code construction}, turning a refusal into a parse error on {@code line}. */
    static <T> T build(RawLine line, Supplier<T> construction) throws HlsParseException {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            String where = line.tag() == null ? "" : "#" + line.tag() + ": ";
            throw new HlsParseException(line.number(), where + e.getMessage());
        }
    }
}
