package io.podium.ssai.stitch;

import io.podium.ssai.hls.ByteRange;
import io.podium.ssai.hls.DecimalSeconds;
import io.podium.ssai.hls.EncryptionKey;
import io.podium.ssai.hls.InitSection;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A media playlist made ready for splicing, once, so that stitching does no per-segment resolving,
 * parsing or formatting: segment, EXT-X-MAP and EXT-X-KEY URIs resolved to absolute ones, the
 * start time of every segment, the byte offset of every byte range, the highest rounded duration,
 * the protocol version the segments need, and the container (EXT-X-MAP or not).
 *
 * <p>Segments encrypted with AES-128 without an IV use their media sequence number as IV
 * (RFC 8216 §5.2), which splicing changes; for them a second version with the IV written out is
 * prepared. An <em>ad</em> playlist is prepared for being spliced anywhere: its IVs and byte range
 * offsets always written out, its dates, date ranges, cue tags, pass-through lines and leading
 * discontinuity dropped (the stitcher writes its own).
 *
 * <p>Immutable and thread-safe.
 */
final class PreparedMedia {
    private static final String AES_128 = "AES-128";
    private static final long MICROS = 1_000_000L;

    private final MediaPlaylist playlist;
    private final URI uri;
    private final MediaSegment[] segments;
    private final URI[] uris;
    private final long[] starts;
    private final long[] offsets;
    private final MediaSegment[] explicitIv;
    private final long maxRoundedSeconds;
    private final int version;
    private final boolean decimalDurations;
    private final boolean fragmented;
    private final boolean mixedContainer;

    private PreparedMedia(MediaPlaylist playlist, URI uri, boolean ad) {
        this.playlist = playlist;
        this.uri = Uris.requireAbsolute(uri, "media playlist URI");
        int n = playlist.segments().size();
        segments = new MediaSegment[n];
        uris = new URI[n];
        starts = new long[n + 1];
        offsets = new long[n];
        MediaSegment[] withIv = null;
        Resolver resolver = new Resolver(uri);
        long sequence = playlist.firstMediaSequence();
        long maxRounded = 0;
        boolean decimal = false;
        for (int i = 0; i < n; i++) {
            MediaSegment s = playlist.segments().get(i);
            URI absolute = Uris.resolve(uri, s.uri(), "segment " + i + " URI");
            offsets[i] = offset(playlist.segments(), i, offsets);
            ByteRange range = s.byteRange();
            if (ad && range != null && range.offset() == null) {
                range = new ByteRange(range.length(), offsets[i]);
            }
            MediaSegment prepared = ad
                    ? new MediaSegment(s.duration(), s.title(), absolute.toString(), range, i > 0 && s.discontinuity(),
                            resolver.keys(s.keys()), resolver.map(s.map()), null, s.gap(), s.bitrate(), List.of(),
                            List.of(), List.of())
                    : new MediaSegment(s.duration(), s.title(), absolute.toString(), range, s.discontinuity(),
                            resolver.keys(s.keys()), resolver.map(s.map()), s.programDateTime(), s.gap(), s.bitrate(),
                            s.dateRanges(), s.cues(), s.passthrough());
            if (needsExplicitIv(prepared.keys())) {
                MediaSegment ivSegment = prepared.toBuilder().keys(explicitIv(prepared.keys(), sequence + i)).build();
                if (ad) {
                    prepared = ivSegment;
                } else {
                    if (withIv == null) {
                        withIv = new MediaSegment[n];
                    }
                    withIv[i] = ivSegment;
                }
            }
            segments[i] = prepared;
            uris[i] = absolute;
            starts[i + 1] = Math.addExact(starts[i], s.durationMicros());
            maxRounded = Math.max(maxRounded, roundedSeconds(s.duration()));
            decimal |= s.duration().hasFraction();
        }
        if (withIv != null) {
            for (int i = 0; i < n; i++) {
                if (withIv[i] == null) {
                    withIv[i] = segments[i];
                }
            }
        }
        explicitIv = withIv;
        maxRoundedSeconds = maxRounded;
        decimalDurations = decimal;
        version = Math.max(neededVersion(segments, playlist.iFramesOnly()),
                withIv == null ? 1 : neededVersion(withIv, playlist.iFramesOnly()));
        fragmented = n > 0 && segments[0].map() != null;
        mixedContainer = n > 0 && segments[0].map() == null && segments[n - 1].map() != null;
    }

    /** Content: segments kept as they are but for absolute URIs. */
    static PreparedMedia content(MediaPlaylist playlist, URI uri) {
        return new PreparedMedia(playlist, uri, false);
    }

    /** An ad or slate rendition: ready to be spliced anywhere (see the class comment). */
    static PreparedMedia ad(MediaPlaylist playlist, URI uri) {
        return new PreparedMedia(playlist, uri, true);
    }

    MediaPlaylist playlist() {
        return playlist;
    }

    URI uri() {
        return uri;
    }

    int size() {
        return segments.length;
    }

    /** The prepared segment {@code i}: absolute URIs; for an ad, explicit IVs and offsets. */
    MediaSegment segment(int i) {
        return segments[i];
    }

    /** Segment {@code i} with its AES-128 IV written out, for when it no longer has its media sequence number. */
    MediaSegment segmentWithExplicitIv(int i) {
        return explicitIv == null ? segments[i] : explicitIv[i];
    }

    /** Whether some segment uses its media sequence number as IV (only ever true for content). */
    boolean hasImplicitIv() {
        return explicitIv != null;
    }

    /** The absolute URI of segment {@code i}; its text is that segment's URI. */
    URI uri(int i) {
        return uris[i];
    }

    /** The time at which segment {@code i} starts, in µs; {@code start(size())} is the duration. */
    long start(int i) {
        return starts[i];
    }

    long durationMicros() {
        return starts[segments.length];
    }

    /** The first byte of segment {@code i}'s byte range, resolved when the playlist left it out. */
    long offset(int i) {
        return offsets[i];
    }

    /** The highest EXTINF duration rounded to whole seconds (RFC 8216 §4.3.3.1). */
    long maxRoundedSeconds() {
        return maxRoundedSeconds;
    }

    /** The lowest EXT-X-VERSION the prepared segments need (RFC 8216 §7), explicit IVs included. */
    int version() {
        return version;
    }

    /** Whether some EXTINF duration has a decimal point (version 3). */
    boolean decimalDurations() {
        return decimalDurations;
    }

    /** Whether the segments are fragmented MP4 or another format with an EXT-X-MAP. */
    boolean fragmented() {
        return fragmented;
    }

    /** Whether the first segments have no EXT-X-MAP and later ones have: fits no splice. */
    boolean mixedContainer() {
        return mixedContainer;
    }

    /**
     * A duration rounded to whole seconds, halves up, as RFC 8216 §4.3.3.1 compares it with the
     * target duration; from the microseconds unless they sit exactly on a half, where the text
     * decides (it may have had more digits).
     */
    static long roundedSeconds(DecimalSeconds d) {
        long micros = d.micros();
        if (micros >= 0 && micros % MICROS != MICROS / 2) {
            return (micros + MICROS / 2) / MICROS;
        }
        return d.roundedSeconds();
    }

    /** The lowest version these segments need: IV 2, decimal EXTINF 3, byte ranges 4, KEYFORMAT 5, EXT-X-MAP 6. */
    static int neededVersion(MediaSegment[] segments, boolean iFramesOnly) {
        int version = 1;
        List<EncryptionKey> keys = null;
        for (MediaSegment s : segments) {
            if (s.duration().hasFraction()) {
                version = Math.max(version, 3);
            }
            if (s.byteRange() != null) {
                version = Math.max(version, 4);
            }
            if (s.map() != null) {
                version = Math.max(version, iFramesOnly ? 5 : 6);
            }
            if (s.keys() != keys) {
                keys = s.keys();
                for (EncryptionKey k : keys) {
                    if (k.iv() != null) {
                        version = Math.max(version, 2);
                    }
                    if (k.keyFormat() != null || k.keyFormatVersions() != null) {
                        version = Math.max(version, 5);
                    }
                }
            }
        }
        return version;
    }

    private static long offset(List<MediaSegment> segments, int i, long[] offsets) {
        ByteRange range = segments.get(i).byteRange();
        if (range == null) {
            return -1;
        }
        if (range.offset() != null) {
            return range.offset();
        }
        if (i > 0) {
            MediaSegment previous = segments.get(i - 1);
            if (previous.byteRange() != null && previous.uri().equals(segments.get(i).uri())) {
                return offsets[i - 1] + previous.byteRange().length();
            }
        }
        return 0;
    }

    private static boolean needsExplicitIv(List<EncryptionKey> keys) {
        for (EncryptionKey k : keys) {
            if (AES_128.equals(k.method()) && k.iv() == null) {
                return true;
            }
        }
        return false;
    }

    private static List<EncryptionKey> explicitIv(List<EncryptionKey> keys, long sequence) {
        String iv = "0x" + String.format(Locale.ROOT, "%032X", sequence);
        List<EncryptionKey> out = new ArrayList<>(keys.size());
        for (EncryptionKey k : keys) {
            out.add(AES_128.equals(k.method()) && k.iv() == null
                    ? new EncryptionKey(k.method(), k.uri(), iv, k.keyFormat(), k.keyFormatVersions(),
                            k.otherAttributes())
                    : k);
        }
        return out;
    }

    /** Resolves EXT-X-MAP and EXT-X-KEY URIs, reusing the last result while the tags in force repeat. */
    private static final class Resolver {
        private final URI base;
        private InitSection mapIn;
        private InitSection mapOut;
        private List<EncryptionKey> keysIn;
        private List<EncryptionKey> keysOut;

        Resolver(URI base) {
            this.base = base;
        }

        InitSection map(InitSection map) {
            if (map == null) {
                return null;
            }
            if (!map.equals(mapIn)) {
                mapIn = map;
                mapOut = new InitSection(Uris.resolve(base, map.uri(), "EXT-X-MAP URI").toString(), map.byteRange(),
                        map.otherAttributes());
            }
            return mapOut;
        }

        List<EncryptionKey> keys(List<EncryptionKey> keys) {
            if (keys.isEmpty()) {
                return List.of();
            }
            if (!keys.equals(keysIn)) {
                keysIn = keys;
                List<EncryptionKey> out = new ArrayList<>(keys.size());
                for (EncryptionKey k : keys) {
                    out.add(k.uri() == null ? k : new EncryptionKey(k.method(),
                            Uris.resolve(base, k.uri(), "EXT-X-KEY URI").toString(), k.iv(), k.keyFormat(),
                            k.keyFormatVersions(), k.otherAttributes()));
                }
                keysOut = List.copyOf(out);
            }
            return keysOut;
        }
    }
}
