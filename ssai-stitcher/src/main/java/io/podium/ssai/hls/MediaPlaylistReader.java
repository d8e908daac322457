package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lines of a media playlist into a {@link MediaPlaylist}. One instance per playlist;
 * not thread-safe.
 *
 * <p>Playlist-wide tags are read wherever they are (the last one wins; the checker reports
 * repeats). Comments and unknown tags before the first segment tag become header lines; later
 * ones belong to the next segment, or are trailing lines when no segment follows.
 */
final class MediaPlaylistReader {
    private final List<RawLine> lines;
    private final List<SourceLine> source = new ArrayList<>();
    private final MediaPlaylist.Builder playlist = MediaPlaylist.builder();
    private final List<String> headerLines = new ArrayList<>();
    private final List<MediaSegment> segments = new ArrayList<>();
    /** Keys in force by key format, in the order their formats first appeared. */
    private final Map<String, EncryptionKey> keys = new LinkedHashMap<>();
    private InitSection map;
    private boolean segmentTagSeen;
    private Pending pending = new Pending();

    /** The tags and lines read since the previous segment's URI. */
    private static final class Pending {
        RawLine extinf;
        DecimalSeconds duration;
        String title;
        ByteRange byteRange;
        boolean discontinuity;
        HlsDateTime programDateTime;
        boolean gap;
        Long bitrate;
        final List<DateRange> dateRanges = new ArrayList<>();
        final List<CueMarker> cues = new ArrayList<>();
        final List<String> passthrough = new ArrayList<>();
        final List<String> raw = new ArrayList<>();
    }

    MediaPlaylistReader(List<RawLine> lines) {
        this.lines = lines;
    }

    SourcedPlaylist read() throws HlsParseException {
        source.add(lines.get(0).owned(SourceIndex.HEADER));
        for (RawLine line : lines.subList(1, lines.size())) {
            if (line.isUri()) {
                source.add(line.owned(segments.size()));
                endSegment(line);
            } else if (line.tag() != null && isHeaderTag(line.tag())) {
                source.add(line.owned(SourceIndex.HEADER));
                header(line);
            } else if (line.tag() != null && HlsTags.SEGMENT.contains(line.tag())) {
                source.add(line.owned(segments.size()));
                segmentTagSeen = true;
                pending.raw.add(line.text());
                segmentTag(line);
            } else if (line.tag() != null && HlsTags.MASTER.contains(line.tag())) {
                throw new HlsParseException(line.number(), "master playlist tag #" + line.tag()
                        + " in a media playlist");
            } else if (segmentTagSeen) {
                source.add(line.owned(segments.size()));
                pending.passthrough.add(line.text());
                pending.raw.add(line.text());
            } else {
                source.add(line.owned(SourceIndex.HEADER));
                headerLines.add(line.text());
            }
        }
        if (pending.extinf != null) {
            throw new HlsParseException(pending.extinf.number(), "#EXTINF without a segment URI after it");
        }
        RawLine first = lines.get(0);
        MediaPlaylist result = TagReaders.build(first, () -> playlist.headerLines(headerLines).segments(segments)
                .trailingLines(pending.raw).build());
        return new SourcedPlaylist(result, new SourceIndex(source));
    }

    private static boolean isHeaderTag(String tag) {
        return HlsTags.COMMON.contains(tag) || HlsTags.MEDIA_HEADER.contains(tag);
    }

    private void header(RawLine line) throws HlsParseException {
        switch (line.tag()) {
            case HlsTags.EXTM3U:
                break;
            case HlsTags.VERSION:
                playlist.version(TagValues.version(line));
                break;
            case HlsTags.TARGETDURATION:
                playlist.targetDuration(TagValues.integer(line, true));
                break;
            case HlsTags.MEDIA_SEQUENCE:
                playlist.mediaSequence(TagValues.integer(line, true));
                break;
            case HlsTags.DISCONTINUITY_SEQUENCE:
                playlist.discontinuitySequence(TagValues.integer(line, true));
                break;
            case HlsTags.PLAYLIST_TYPE:
                playlist.playlistType(TagValues.playlistType(line));
                break;
            case HlsTags.ENDLIST:
                playlist.endList(true);
                break;
            case HlsTags.INDEPENDENT_SEGMENTS:
                playlist.independentSegments(true);
                break;
            case HlsTags.I_FRAMES_ONLY:
                playlist.iFramesOnly(true);
                break;
            case HlsTags.START:
                playlist.start(TagReaders.start(line));
                break;
            default:
                throw new IllegalStateException("not a header tag: " + line.tag());
        }
    }

    private void segmentTag(RawLine line) throws HlsParseException {
        switch (line.tag()) {
            case HlsTags.EXTINF:
                if (pending.extinf != null) {
                    throw new HlsParseException(pending.extinf.number(),
                            "#EXTINF without a segment URI after it (next #EXTINF on line " + line.number() + ")");
                }
                pending.extinf = line;
                pending.duration = TagValues.extinfDuration(line);
                pending.title = TagValues.extinfTitle(line);
                break;
            case HlsTags.BYTERANGE:
                pending.byteRange = TagValues.byteRange(line);
                break;
            case HlsTags.DISCONTINUITY:
                pending.discontinuity = true;
                break;
            case HlsTags.KEY:
                EncryptionKey key = TagReaders.key(line);
                if (key.isNone()) {
                    keys.clear();
                } else {
                    keys.put(key.effectiveKeyFormat(), key);
                }
                break;
            case HlsTags.MAP:
                map = TagValues.map(line);
                break;
            case HlsTags.PROGRAM_DATE_TIME:
                pending.programDateTime = TagValues.dateTime(line);
                break;
            case HlsTags.GAP:
                pending.gap = true;
                break;
            case HlsTags.BITRATE:
                pending.bitrate = TagValues.integer(line, false);
                break;
            case HlsTags.DATERANGE:
                pending.dateRanges.add(TagValues.dateRange(line));
                break;
            case HlsTags.CUE_OUT:
                pending.cues.add(TagValues.cue(line, CueMarker.Kind.OUT));
                break;
            case HlsTags.CUE_IN:
                pending.cues.add(TagValues.cue(line, CueMarker.Kind.IN));
                break;
            case HlsTags.CUE_OUT_CONT:
                pending.cues.add(TagValues.cue(line, CueMarker.Kind.OUT_CONT));
                break;
            default:
                throw new IllegalStateException("not a segment tag: " + line.tag());
        }
    }

    private void endSegment(RawLine uri) throws HlsParseException {
        Pending p = pending;
        if (p.extinf == null) {
            throw new HlsParseException(uri.number(), "segment URI without an #EXTINF before it: " + uri.text());
        }
        List<EncryptionKey> inForce = new ArrayList<>(keys.values());
        InitSection initSection = map;
        segments.add(TagReaders.build(uri, () -> MediaSegment.builder(uri.text(), p.duration)
                .title(p.title)
                .byteRange(p.byteRange)
                .discontinuity(p.discontinuity)
                .keys(inForce)
                .map(initSection)
                .programDateTime(p.programDateTime)
                .gap(p.gap)
                .bitrate(p.bitrate)
                .dateRanges(p.dateRanges)
                .cues(p.cues)
                .passthrough(p.passthrough)
                .build()));
        pending = new Pending();
    }
}
