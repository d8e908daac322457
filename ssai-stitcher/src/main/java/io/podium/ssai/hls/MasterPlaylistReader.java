package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a master playlist into a {@link MasterPlaylist}, keeping the order of its
 * entries. One instance per playlist; not thread-safe.
 */
final class MasterPlaylistReader {
    private final List<RawLine> lines;
    private final List<SourceLine> source = new ArrayList<>();
    private final List<MasterEntry> entries = new ArrayList<>();
    private Integer version;
    private boolean independentSegments;
    private StartOffset start;

    MasterPlaylistReader(List<RawLine> lines) {
        this.lines = lines;
    }

    SourcedPlaylist read() throws HlsParseException {
        source.add(lines.get(0).owned(SourceIndex.HEADER));
        for (int i = 1; i < lines.size(); i++) {
            RawLine line = lines.get(i);
            String tag = line.tag();
            if (tag != null && HlsTags.COMMON.contains(tag)) {
                source.add(line.owned(SourceIndex.HEADER));
                header(line);
                continue;
            }
            int owner = entries.size();
            source.add(line.owned(owner));
            if (HlsTags.STREAM_INF.equals(tag)) {
                RawLine uri = i + 1 < lines.size() ? lines.get(i + 1) : null;
                if (uri == null || !uri.isUri()) {
                    throw new HlsParseException(line.number(), "#EXT-X-STREAM-INF without a URI on the next line");
                }
                source.add(uri.owned(owner));
                i++;
                entries.add(variant(line, uri));
            } else if (HlsTags.I_FRAME_STREAM_INF.equals(tag)) {
                entries.add(iFrameVariant(line));
            } else if (HlsTags.MEDIA.equals(tag)) {
                entries.add(rendition(line));
            } else if (HlsTags.SESSION_DATA.equals(tag)) {
                entries.add(sessionData(line));
            } else if (HlsTags.SESSION_KEY.equals(tag)) {
                entries.add(new SessionKey(TagReaders.key(line)));
            } else if (tag != null && HlsTags.isKnown(tag)) {
                throw new HlsParseException(line.number(), "media playlist tag #" + tag + " in a master playlist");
            } else {
                // Comments, unknown tags and stray URI lines are kept; the checker reports the last.
                entries.add(new PassthroughLine(line.text()));
            }
        }
        MasterPlaylist playlist = new MasterPlaylist(version, independentSegments, start, entries);
        return new SourcedPlaylist(playlist, new SourceIndex(source));
    }

    private void header(RawLine line) throws HlsParseException {
        switch (line.tag()) {
            case HlsTags.VERSION:
                version = TagValues.version(line);
                break;
            case HlsTags.INDEPENDENT_SEGMENTS:
                independentSegments = true;
                break;
            case HlsTags.START:
                start = TagReaders.start(line);
                break;
            default:
                break;
        }
    }

    private static Variant variant(RawLine line, RawLine uri) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        StreamInfo stream = TagReaders.streamInfo(line, r);
        return TagReaders.build(uri, () -> new Variant(stream, uri.text()));
    }

    private static IFrameVariant iFrameVariant(RawLine line) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        String uri = r.requiredQuoted("URI");
        StreamInfo stream = TagReaders.streamInfo(line, r);
        return TagReaders.build(line, () -> new IFrameVariant(stream, uri));
    }

    private static Rendition rendition(RawLine line) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        String typeText = r.enumerated("TYPE");
        RenditionType type = typeText == null ? null : RenditionType.fromWire(typeText);
        if (typeText != null && type == null) {
            throw new HlsParseException(line.number(), "#EXT-X-MEDIA attribute TYPE must be AUDIO, VIDEO, SUBTITLES"
                    + " or CLOSED-CAPTIONS, not " + typeText);
        }
        Rendition.Builder b = Rendition.builder(type, r.quoted("GROUP-ID"), r.quoted("NAME"))
                .uri(r.quoted("URI"))
                .language(r.quoted("LANGUAGE"))
                .assocLanguage(r.quoted("ASSOC-LANGUAGE"))
                .isDefault(r.yesNo("DEFAULT"))
                .autoselect(r.yesNo("AUTOSELECT"))
                .forced(r.yesNo("FORCED"))
                .instreamId(r.quoted("INSTREAM-ID"))
                .characteristics(r.quoted("CHARACTERISTICS"))
                .channels(r.quoted("CHANNELS"));
        AttributeList others = r.others();
        return TagReaders.build(line, () -> b.otherAttributes(others).build());
    }

    private static SessionData sessionData(RawLine line) throws HlsParseException {
        AttributeReader r = AttributeReader.of(line.tag(), line.value(), line.number());
        String id = r.quoted("DATA-ID");
        String value = r.quoted("VALUE");
        String uri = r.quoted("URI");
        String language = r.quoted("LANGUAGE");
        return TagReaders.build(line, () -> new SessionData(id, value, uri, language, r.others()));
    }
}
