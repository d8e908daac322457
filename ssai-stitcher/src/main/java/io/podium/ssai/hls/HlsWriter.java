package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the model as playlist text: canonical and deterministic (the same model always gives the
 * same text), lines ended by {@code \n}, no blank lines. Reading the text back with
 * {@link HlsParser} gives an equal model.
 *
 * <p>Canonical form: playlist-wide tags first, in a fixed order, then header lines; each
 * segment's tags in a fixed order (DISCONTINUITY, KEY, MAP, PROGRAM-DATE-TIME, DATERANGE, cues,
 * GAP, BITRATE, pass-through lines, EXTINF, BYTERANGE, URI; a first segment without any of the
 * tags before EXTINF gets its pass-through lines after EXTINF, else they would read back as
 * header lines); EXT-X-KEY and EXT-X-MAP only where the state in force changes; trailing lines;
 * ENDLIST last. Attributes in the order of RFC 8216,
 * then the other attributes in the order read. Durations, dates and frame rates as they were read.
 *
 * <p>Stateless and thread-safe.
 */
public final class HlsWriter {
    private static final String NONE_KEY = "#" + HlsTags.KEY + ":METHOD=NONE";

    /** Writes a master or media playlist. */
    public String write(Playlist playlist) {
        Objects.requireNonNull(playlist, "playlist");
        if (playlist instanceof MasterPlaylist) {
            return write((MasterPlaylist) playlist);
        }
        return write((MediaPlaylist) playlist);
    }

    /** Writes a media playlist. */
    public String write(MediaPlaylist p) {
        Lines out = new Lines();
        out.add("#" + HlsTags.EXTM3U);
        if (p.version() != null) {
            out.tag(HlsTags.VERSION, p.version().toString());
        }
        if (p.targetDuration() != null) {
            out.tag(HlsTags.TARGETDURATION, p.targetDuration().toString());
        }
        if (p.mediaSequence() != null) {
            out.tag(HlsTags.MEDIA_SEQUENCE, p.mediaSequence().toString());
        }
        if (p.discontinuitySequence() != null) {
            out.tag(HlsTags.DISCONTINUITY_SEQUENCE, p.discontinuitySequence().toString());
        }
        if (p.playlistType() != null) {
            out.tag(HlsTags.PLAYLIST_TYPE, p.playlistType().name());
        }
        if (p.independentSegments()) {
            out.add("#" + HlsTags.INDEPENDENT_SEGMENTS);
        }
        if (p.iFramesOnly()) {
            out.add("#" + HlsTags.I_FRAMES_ONLY);
        }
        if (p.start() != null) {
            out.tag(HlsTags.START, start(p.start()));
        }
        p.headerLines().forEach(out::add);
        List<EncryptionKey> keys = List.of();
        InitSection map = null;
        for (int i = 0; i < p.segments().size(); i++) {
            MediaSegment s = p.segments().get(i);
            int before = out.size();
            if (s.discontinuity()) {
                out.add("#" + HlsTags.DISCONTINUITY);
            }
            keyLines(keys, s.keys()).forEach(out::add);
            keys = s.keys();
            if (s.map() != null && !s.map().equals(map)) {
                out.tag(HlsTags.MAP, new AttributeWriter().quoted("URI", s.map().uri())
                        .byteRange("BYTERANGE", s.map().byteRange()).others(s.map().otherAttributes()).toString());
            }
            map = s.map();
            if (s.programDateTime() != null) {
                out.tag(HlsTags.PROGRAM_DATE_TIME, s.programDateTime().text());
            }
            s.dateRanges().forEach(d -> out.tag(HlsTags.DATERANGE, dateRange(d)));
            s.cues().forEach(c -> out.add(c.value() == null ? "#" + c.kind().tag() : "#" + c.kind().tag() + ":"
                    + c.value()));
            if (s.gap()) {
                out.add("#" + HlsTags.GAP);
            }
            if (s.bitrate() != null) {
                out.tag(HlsTags.BITRATE, s.bitrate().toString());
            }
            String extinf = "#" + HlsTags.EXTINF + ":" + s.duration().text() + "," + s.title();
            if (i == 0 && out.size() == before) {
                // Before any segment tag, these lines would read back as header lines.
                out.add(extinf);
                s.passthrough().forEach(out::add);
            } else {
                s.passthrough().forEach(out::add);
                out.add(extinf);
            }
            if (s.byteRange() != null) {
                out.tag(HlsTags.BYTERANGE, s.byteRange().toString());
            }
            out.add(s.uri());
        }
        p.trailingLines().forEach(out::add);
        if (p.endList()) {
            out.add("#" + HlsTags.ENDLIST);
        }
        return out.toString();
    }

    /** Writes a master playlist. */
    public String write(MasterPlaylist p) {
        Lines out = new Lines();
        out.add("#" + HlsTags.EXTM3U);
        if (p.version() != null) {
            out.tag(HlsTags.VERSION, p.version().toString());
        }
        if (p.independentSegments()) {
            out.add("#" + HlsTags.INDEPENDENT_SEGMENTS);
        }
        if (p.start() != null) {
            out.tag(HlsTags.START, start(p.start()));
        }
        for (MasterEntry e : p.entries()) {
            if (e instanceof Variant) {
                Variant v = (Variant) e;
                out.tag(HlsTags.STREAM_INF, stream(v.stream(), new AttributeWriter())
                        .others(v.stream().otherAttributes()).toString());
                out.add(v.uri());
            } else if (e instanceof IFrameVariant) {
                IFrameVariant v = (IFrameVariant) e;
                out.tag(HlsTags.I_FRAME_STREAM_INF, stream(v.stream(), new AttributeWriter()).quoted("URI", v.uri())
                        .others(v.stream().otherAttributes()).toString());
            } else if (e instanceof Rendition) {
                out.tag(HlsTags.MEDIA, rendition((Rendition) e));
            } else if (e instanceof SessionData) {
                SessionData d = (SessionData) e;
                out.tag(HlsTags.SESSION_DATA, new AttributeWriter().quoted("DATA-ID", d.dataId())
                        .quoted("VALUE", d.value()).quoted("URI", d.uri()).quoted("LANGUAGE", d.language())
                        .others(d.otherAttributes()).toString());
            } else if (e instanceof SessionKey) {
                out.tag(HlsTags.SESSION_KEY, key(((SessionKey) e).key()));
            } else {
                out.add(((PassthroughLine) e).text());
            }
        }
        return out.toString();
    }

    /**
     * The EXT-X-KEY lines that change the keys in force from {@code before} to {@code after}: only
     * the keys that changed, unless the reader would then order the keys differently, or a key
     * format goes away; then METHOD=NONE and all keys.
     */
    private static List<String> keyLines(List<EncryptionKey> before, List<EncryptionKey> after) {
        List<String> lines = new ArrayList<>();
        if (before.equals(after)) {
            return lines;
        }
        if (after.isEmpty()) {
            lines.add(NONE_KEY);
            return lines;
        }
        Map<String, EncryptionKey> inForce = new LinkedHashMap<>();
        before.forEach(k -> inForce.put(k.effectiveKeyFormat(), k));
        List<EncryptionKey> changed = new ArrayList<>();
        for (EncryptionKey k : after) {
            if (!k.equals(inForce.get(k.effectiveKeyFormat()))) {
                changed.add(k);
                inForce.put(k.effectiveKeyFormat(), k);
            }
        }
        List<EncryptionKey> toWrite = changed;
        if (!new ArrayList<>(inForce.values()).equals(after)) {
            lines.add(NONE_KEY);
            toWrite = after;
        }
        toWrite.forEach(k -> lines.add("#" + HlsTags.KEY + ":" + key(k)));
        return lines;
    }

    private static String key(EncryptionKey k) {
        return new AttributeWriter().enumerated("METHOD", k.method()).quoted("URI", k.uri()).enumerated("IV", k.iv())
                .quoted("KEYFORMAT", k.keyFormat()).quoted("KEYFORMATVERSIONS", k.keyFormatVersions())
                .others(k.otherAttributes()).toString();
    }

    private static String start(StartOffset s) {
        return new AttributeWriter().seconds("TIME-OFFSET", s.timeOffset()).yesNo("PRECISE", s.precise())
                .others(s.otherAttributes()).toString();
    }

    private static String dateRange(DateRange d) {
        return new AttributeWriter().quoted("ID", d.id()).quoted("CLASS", d.rangeClass())
                .dateTime("START-DATE", d.startDate()).dateTime("END-DATE", d.endDate())
                .seconds("DURATION", d.duration()).seconds("PLANNED-DURATION", d.plannedDuration())
                .others(d.otherAttributes())
                .enumerated("SCTE35-CMD", d.scte35Cmd()).enumerated("SCTE35-OUT", d.scte35Out())
                .enumerated("SCTE35-IN", d.scte35In()).enumerated("END-ON-NEXT", d.endOnNext() ? "YES" : null)
                .toString();
    }

    private static AttributeWriter stream(StreamInfo s, AttributeWriter w) {
        return w.integer("BANDWIDTH", s.bandwidth()).integer("AVERAGE-BANDWIDTH", s.averageBandwidth())
                .quoted("CODECS", s.codecs()).resolution("RESOLUTION", s.resolution())
                .decimal("FRAME-RATE", s.frameRate()).enumerated("HDCP-LEVEL", s.hdcpLevel())
                .quoted("AUDIO", s.audio()).quoted("VIDEO", s.video()).quoted("SUBTITLES", s.subtitles())
                .quotedOrNone("CLOSED-CAPTIONS", s.closedCaptions());
    }

    private static String rendition(Rendition r) {
        return new AttributeWriter().enumerated("TYPE", r.type() == null ? null : r.type().wire())
                .quoted("URI", r.uri()).quoted("GROUP-ID", r.groupId()).quoted("LANGUAGE", r.language())
                .quoted("ASSOC-LANGUAGE", r.assocLanguage()).quoted("NAME", r.name())
                .yesNo("DEFAULT", r.isDefault()).yesNo("AUTOSELECT", r.autoselect()).yesNo("FORCED", r.forced())
                .quoted("INSTREAM-ID", r.instreamId()).quoted("CHARACTERISTICS", r.characteristics())
                .quoted("CHANNELS", r.channels()).others(r.otherAttributes()).toString();
    }

    /** The output, one line at a time. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();
        private int count;

        void add(String line) {
            text.append(line).append('\n');
            count++;
        }

        void tag(String name, String value) {
            add("#" + name + ":" + value);
        }

        int size() {
            return count;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
