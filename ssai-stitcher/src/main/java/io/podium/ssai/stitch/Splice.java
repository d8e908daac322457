package io.podium.ssai.stitch;

import io.podium.ssai.hls.ByteRange;
import io.podium.ssai.hls.CueMarker;
import io.podium.ssai.hls.DateRange;
import io.podium.ssai.hls.DecimalSeconds;
import io.podium.ssai.hls.HlsDateTime;
import io.podium.ssai.hls.InitSection;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One stitch in progress: the stitched segments of one content playlist, appended in order (content
 * runs and breaks), and what the playlist header needs (version, target duration). Used once, by
 * one thread, then {@link #finish()}ed.
 *
 * <p>Prepared content and ad segments are reused as they are; a segment is rebuilt only where the
 * splice changes it: the first segment of each ad (discontinuity, cue tags, date range), the first
 * content segment after a break (discontinuity, CUE-IN, explicit date and byte range offset), a
 * content segment that lost its media sequence number as IV, and any segment the linker renames.
 */
final class Splice {
    private static final String CUE_IN_LINE = "#" + CueMarker.Kind.IN.tag();

    private final ContentMedia content;
    private final PreparedMedia media;
    private final Target target;
    private final String family;
    private final StitchOptions options;
    private final SegmentLinker linker;
    private final List<MediaSegment> out;
    private final List<SkippedAd> skipped = new ArrayList<>();
    private final List<StitchedBreak> breaks = new ArrayList<>();
    private int version;
    private long targetDuration;
    /** The duration of the ad and gap segments written so far, in µs. */
    private long insertedMicros;
    /** Whether the next content segment is the first after a break. */
    private boolean afterBreak;
    private boolean cueInPending;
    /** The boundary of the last break, the planned time of its breaks so far, and its content date. */
    private int boundary = -1;
    private long boundaryOffsetMicros;
    private HlsDateTime boundaryDate;

    Splice(ContentMedia content, Target target, StitchOptions options, SegmentLinker linker) {
        this.content = content;
        this.media = content.media();
        this.target = target;
        this.family = target.stream() == null ? null : CodecFamily.of(target.stream().codecs());
        this.options = options;
        this.linker = linker;
        this.out = new ArrayList<>(media.size() + 128);
        this.version = media.version();
        this.targetDuration = media.maxRoundedSeconds();
    }

    /** Appends the content segments {@code from} (inclusive) to {@code to} (exclusive). */
    void addContent(int from, int to) {
        for (int i = from; i < to; i++) {
            MediaSegment s = media.hasImplicitIv() && out.size() != i ? media.segmentWithExplicitIv(i)
                    : media.segment(i);
            String uri = linker.contentSegment(media.uri(i));
            if (afterBreak) {
                out.add(resume(i, s, uri));
                afterBreak = false;
                cueInPending = false;
            } else if (uri.equals(s.uri())) {
                out.add(s);
            } else {
                out.add(withUri(s, uri));
            }
        }
    }

    /**
     * Appends break {@code breakIndex} at {@code at}: its playable ads (or the slate), each as its
     * rendition for the target or as gap segments; nothing when none plays.
     */
    void addBreak(int breakIndex, Break brk, int at) {
        List<Item> items = items(breakIndex, brk);
        if (items.isEmpty()) {
            return;
        }
        long planned = 0;
        for (Item item : items) {
            planned = Math.addExact(planned, item.ad().stitchedDurationMicros());
        }
        if (at != boundary) {
            boundary = at;
            boundaryOffsetMicros = 0;
            boundaryDate = content.dateAt(at, 0);
        }
        HlsDateTime date = boundaryOffsetMicros == 0 ? boundaryDate : content.dateAt(at, boundaryOffsetMicros);
        boolean fragmented = content.needsMap(at);
        int first = out.size();
        long before = insertedMicros;
        Decor decor = decor(brk, planned, date);
        for (Item item : items) {
            AdRenditionMatcher.Choice choice = AdRenditionMatcher.choose(target, family, item.ad(), fragmented);
            if (choice.reason() != null && item.loop() == 0) {
                skipped.add(new SkippedAd(breakIndex, item.adIndex(), item.ad().adId(), choice.reason()));
            }
            if (choice.media() != null) {
                addAd(breakIndex, item, choice.media(), decor);
            } else {
                addGap(item.ad().reference(), content.mapAt(at), decor);
            }
            decor = null;
        }
        breaks.add(new StitchedBreak(breakIndex, brk.breakId(), media.start(at), media.start(at) + before,
                insertedMicros - before, planned, first, out.size() - first));
        boundaryOffsetMicros += planned;
        cueInPending = options.cueTags();
        afterBreak = true;
    }

    /** The stitched playlist: the content's header with version and target duration raised as needed. */
    StitchedMedia finish() {
        MediaPlaylist p = media.playlist();
        long duration = targetDuration;
        if (p.targetDuration() != null) {
            duration = Math.max(duration, p.targetDuration());
        }
        Integer v = p.version() == null ? (version > 1 ? Integer.valueOf(version) : null)
                : Integer.valueOf(Math.max(p.version(), version));
        List<String> trailing = p.trailingLines();
        if (cueInPending) {
            trailing = new ArrayList<>(trailing.size() + 1);
            trailing.add(CUE_IN_LINE);
            trailing.addAll(p.trailingLines());
        }
        MediaPlaylist stitched = new MediaPlaylist(v, duration, p.mediaSequence(), p.discontinuitySequence(),
                p.playlistType(), p.endList(), p.independentSegments(), false, p.start(), p.headerLines(), out,
                trailing);
        return new StitchedMedia(stitched, skipped, breaks);
    }

    /** One ad to play in a break: the break's ad {@code adIndex}, or one of {@code loops} plays of the slate. */
    private record Item(int adIndex, AdMedia ad, int loop, int loops) {
    }

    /** What the first segment of a break carries. */
    private record Decor(List<CueMarker> cues, List<DateRange> dateRanges, HlsDateTime programDateTime) {
    }

    private List<Item> items(int breakIndex, Break brk) {
        List<Item> items = new ArrayList<>(brk.ads().size());
        for (int a = 0; a < brk.ads().size(); a++) {
            AdMedia ad = brk.ads().get(a);
            if (ad.playable()) {
                items.add(new Item(a, ad, 0, 1));
            } else {
                skipped.add(new SkippedAd(breakIndex, a, ad.adId(), SkippedAd.Reason.NO_MEDIA));
            }
        }
        AdMedia slate = options.slate();
        if (items.isEmpty() && slate != null && brk.plannedDurationMicros() > 0) {
            if (!slate.playable()) {
                skipped.add(new SkippedAd(breakIndex, SegmentLinker.SLATE, slate.adId(), SkippedAd.Reason.NO_MEDIA));
            } else if (slate.stitchedDurationMicros() > 0) {
                int loops = Math.toIntExact(brk.plannedDurationMicros() / slate.stitchedDurationMicros());
                for (int k = 0; k < loops; k++) {
                    items.add(new Item(SegmentLinker.SLATE, slate, k, loops));
                }
            }
        }
        return items;
    }

    private Decor decor(Break brk, long plannedMicros, HlsDateTime date) {
        List<CueMarker> cues = new ArrayList<>(2);
        if (cueInPending) {
            cues.add(CueMarker.in());
        }
        DecimalSeconds planned = DecimalSeconds.ofMicros(plannedMicros);
        if (options.cueTags()) {
            cues.add(CueMarker.out(planned));
        }
        List<DateRange> ranges = options.dateRanges() && date != null
                ? List.of(DateRange.of(brk.breakId(), date, planned)) : List.of();
        return new Decor(cues, ranges, out.isEmpty() ? date : null);
    }

    private void addAd(int breakIndex, Item item, PreparedMedia rendition, Decor decor) {
        int n = rendition.size();
        int count = Math.multiplyExact(n, item.loops());
        String adId = item.ad().adId();
        for (int j = 0; j < n; j++) {
            MediaSegment s = rendition.segment(j);
            String uri = linker.adSegment(breakIndex, item.adIndex(), adId, item.loop() * n + j, count,
                    rendition.uri(j));
            if (j == 0) {
                s = first(s, uri, decor);
            } else if (!uri.equals(s.uri())) {
                s = withUri(s, uri);
            }
            out.add(s);
        }
        insertedMicros += rendition.durationMicros();
        version = Math.max(version, rendition.version());
        targetDuration = Math.max(targetDuration, rendition.maxRoundedSeconds());
    }

    /** Gap segments with the durations (and inner discontinuities) of {@code reference}. */
    private void addGap(PreparedMedia reference, InitSection map, Decor decor) {
        String uri = options.gapUri();
        for (int j = 0; j < reference.size(); j++) {
            MediaSegment r = reference.segment(j);
            boolean discontinuity = j == 0 ? !out.isEmpty() : r.discontinuity();
            out.add(new MediaSegment(r.duration(), "", uri, null, discontinuity, List.of(), map,
                    decor == null || j > 0 ? null : decor.programDateTime(), true, null,
                    decor == null || j > 0 ? List.of() : decor.dateRanges(),
                    decor == null || j > 0 ? List.of() : decor.cues(), List.of()));
        }
        insertedMicros += reference.durationMicros();
        version = Math.max(version, reference.decimalDurations() ? 3 : 1);
        targetDuration = Math.max(targetDuration, reference.maxRoundedSeconds());
    }

    /** The first segment of an ad: a discontinuity unless it starts the playlist; the break's tags if first in it. */
    private MediaSegment first(MediaSegment s, String uri, Decor decor) {
        return new MediaSegment(s.duration(), s.title(), uri, s.byteRange(), !out.isEmpty(), s.keys(), s.map(),
                decor == null ? null : decor.programDateTime(), s.gap(), s.bitrate(),
                decor == null ? List.of() : decor.dateRanges(), decor == null ? List.of() : decor.cues(), List.of());
    }

    /** The first content segment after a break. */
    private MediaSegment resume(int i, MediaSegment s, String uri) {
        List<CueMarker> cues = s.cues();
        if (cueInPending) {
            cues = new ArrayList<>(s.cues().size() + 1);
            cues.add(CueMarker.in());
            cues.addAll(s.cues());
        }
        HlsDateTime date = s.programDateTime();
        if (date == null && content.hasDates()) {
            date = i == boundary ? boundaryDate : content.dateAt(i, 0);
        }
        ByteRange range = s.byteRange();
        if (range != null && range.offset() == null && !continuesRange(uri)) {
            range = new ByteRange(range.length(), media.offset(i));
        }
        return new MediaSegment(s.duration(), s.title(), uri, range, true, s.keys(), s.map(), date, s.gap(),
                s.bitrate(), s.dateRanges(), cues, s.passthrough());
    }

    /** Whether a byte range of {@code uri} without offset would continue the last segment written. */
    private boolean continuesRange(String uri) {
        if (out.isEmpty()) {
            return false;
        }
        MediaSegment last = out.get(out.size() - 1);
        return last.byteRange() != null && last.uri().equals(uri);
    }

    private static MediaSegment withUri(MediaSegment s, String uri) {
        return new MediaSegment(s.duration(), s.title(), uri, s.byteRange(), s.discontinuity(), s.keys(), s.map(),
                s.programDateTime(), s.gap(), s.bitrate(), s.dateRanges(), s.cues(), s.passthrough());
    }
}
