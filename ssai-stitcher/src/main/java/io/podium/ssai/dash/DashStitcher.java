package io.podium.ssai.dash;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stitches ad breaks into a static content MPD as a multi-period MPD (ISO/IEC 23009-1, with the
 * multi-period ad insertion practice of the DASH-IF interoperability guidelines).
 *
 * <p>What it does:
 * <ul>
 *   <li>places each break: a pre-roll at 0, a post-roll (or any position at or past the end) at
 *       the end, a mid-roll at the segment boundary of the content nearest to its position (on a
 *       tie the earlier): the boundaries of the first Representation of the first video
 *       AdaptationSet (else of the first AdaptationSet); content addressed by SegmentBase, whose
 *       boundaries the MPD does not tell, is cut at the position itself. Breaks that land on the
 *       same position play in the order given;
 *   <li>builds each ad's Period ({@link AdPeriodBuilder}: ad Representations fitted to the
 *       content's, URLs absolute through the {@link DashUrlRewriter}); an ad that cannot be made
 *       a Period is reported in {@link DashStitched#skipped()} and takes no time;
 *   <li>cuts the content Period at each position where an ad plays ({@link ContentSplitter}:
 *       presentation time offset, start number and timeline of each part lined up with the
 *       source; AdaptationSet ids kept; period-continuity descriptors) and puts the ad Periods in
 *       between; a break with no ad left cuts nothing;
 *   <li>names the Periods {@code content-<k>} (k counting content parts from 0) and
 *       {@code ad-<breakId>-<n>} (n the ad's index in its break), writes an explicit start and
 *       duration on every Period, so that they are contiguous, and makes
 *       {@code mediaPresentationDuration} their sum;
 *   <li>moves the content's BaseURLs, resolved against the content MPD's URL (its directory when
 *       there are none), onto every content Period, so that the stitched MPD can be served from
 *       anywhere; drops the content's Location and PatchLocation (they would send the player
 *       back to the unstitched MPD); lists the inserted ads' profiles after the content's;
 *       takes the larger minBufferTime, and the larger maxSegmentDuration when the content has one.
 * </ul>
 *
 * <p>A pure function of its arguments: the same arguments give an equal MPD, which
 * {@link MpdWriter} writes to the same bytes. Immutable and thread-safe if the rewriter is.
 */
public final class DashStitcher {
    private final AdPeriodBuilder ads;

    /** A stitcher writing ad URLs absolute, as they are. */
    public DashStitcher() {
        this(DashUrlRewriter.NONE);
    }

    public DashStitcher(DashUrlRewriter rewriter) {
        this.ads = new AdPeriodBuilder(rewriter);
    }

    /** A break placed on the content's timeline, with the Periods of its ads (start still 0). */
    private record Placed(DashBreak brk, int order, long positionMicros, List<AdPeriodBuilder.Outcome> outcomes) {
        boolean plays() {
            return outcomes.stream().anyMatch(o -> o.period() != null);
        }
    }

    /**
     * The content with the breaks stitched in.
     *
     * @param content a static content MPD, every Period of which has a known duration
     * @param contentUri the absolute URL the content MPD was read from
     * @param breaks the breaks, with ids unique among them, in any order
     * @throws IllegalArgumentException when the content MPD is dynamic, has no Period or one of
     *     unknown duration, a BaseURL that does not resolve, or, where it must be cut, a
     *     Representation with neither SegmentTemplate nor SegmentBase, or values too large to compute
     *     with; or when two breaks share an id
     * @throws IllegalStateException when the rewriter gives no URL, or drops a template's identifier
     */
    public DashStitched stitch(Mpd content, URI contentUri, List<DashBreak> breaks) {
        try {
            return stitchChecked(content, contentUri, breaks);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the content MPD has values too large to compute with", e);
        }
    }

    private DashStitched stitchChecked(Mpd content, URI contentUri, List<DashBreak> breaks) {
        Objects.requireNonNull(content, "content");
        if (!contentUri.isAbsolute()) {
            throw new IllegalArgumentException("content URL " + contentUri + " is not absolute");
        }
        if (!content.isStatic()) {
            throw new IllegalArgumentException("the content MPD is dynamic; only static MPDs are stitched");
        }
        if (content.periods().isEmpty()) {
            throw new IllegalArgumentException("the content MPD has no Period");
        }
        Set<String> ids = new HashSet<>();
        for (DashBreak b : breaks) {
            if (!ids.add(b.breakId())) {
                throw new IllegalArgumentException("two breaks have the id " + b.breakId());
            }
        }
        List<ContentSplitter> splitters = splitters(content, contentUri);
        long total = 0;
        for (ContentSplitter s : splitters) {
            total += s.durationMicros();
        }

        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            DashBreak b = breaks.get(i);
            long position = align(splitters, total, b.positionMicros());
            ContentSplitter context = splitters.get(periodAt(splitters, position));
            List<ContentTrack> tracks = ContentTrack.of(context.source(), context.setIds());
            List<AdPeriodBuilder.Outcome> outcomes = new ArrayList<>();
            for (int a = 0; a < b.ads().size(); a++) {
                outcomes.add(ads.build(b, a, tracks, "ad-" + b.breakId() + "-" + a));
            }
            placed.add(new Placed(b, i, position, outcomes));
        }
        List<SkippedAd> skipped = new ArrayList<>();
        placed.forEach(p -> p.outcomes().stream().filter(o -> o.skipped() != null)
                .forEach(o -> skipped.add(o.skipped())));

        List<Placed> inOrder = new ArrayList<>(placed);
        inOrder.sort(Comparator.comparingLong(Placed::positionMicros).thenComparingInt(Placed::order));
        List<Period> periods = assemble(splitters, inOrder);
        long duration = periods.stream().mapToLong(Period::durationMicros).sum();
        return new DashStitched(mpd(content, inOrder, periods, duration), skipped);
    }

    /**
     * The Periods in play order: each content Period cut where a break with an ad plays inside
     * it, the ads of every break before the part that starts at its position (or last).
     */
    private static List<Period> assemble(List<ContentSplitter> splitters, List<Placed> inOrder) {
        List<Period> periods = new ArrayList<>();
        long clock = 0;
        int next = 0;
        int part = 0;
        long sourceStart = 0;
        for (ContentSplitter splitter : splitters) {
            long sourceEnd = sourceStart + splitter.durationMicros();
            List<Long> cuts = new ArrayList<>();
            cuts.add(sourceStart);
            for (Placed p : inOrder) {
                long at = p.positionMicros();
                if (p.plays() && at > sourceStart && at < sourceEnd && !cuts.contains(at)) {
                    cuts.add(at);
                }
            }
            cuts.add(sourceEnd);
            String previous = null;
            for (int c = 0; c + 1 < cuts.size(); c++) {
                long from = cuts.get(c);
                for (; next < inOrder.size() && inOrder.get(next).positionMicros() <= from; next++) {
                    clock = insert(periods, inOrder.get(next), clock);
                }
                String id = "content-" + part++;
                Period p = splitter.part(id, clock, from - sourceStart, cuts.get(c + 1) - sourceStart, previous);
                periods.add(p);
                clock += p.durationMicros();
                previous = id;
            }
            sourceStart = sourceEnd;
        }
        for (; next < inOrder.size(); next++) {
            clock = insert(periods, inOrder.get(next), clock);
        }
        return periods;
    }

    private static List<ContentSplitter> splitters(Mpd content, URI contentUri) {
        List<PeriodTimeline.Span> spans = PeriodTimeline.of(content);
        List<BaseUrl> mpdBases = UrlResolver.resolveAll(UrlResolver.documentBase(contentUri), content.baseUrls());
        List<ContentSplitter> splitters = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Long duration = spans.get(i).durationMicros();
            if (duration == null || duration <= 0) {
                throw new IllegalArgumentException("content Period " + i + " has " + (duration == null
                        ? "no known duration" : "duration " + duration + " µs"));
            }
            Period period = content.periods().get(i);
            splitters.add(new ContentSplitter(period, duration, UrlResolver.resolveAll(mpdBases, period.baseUrls())));
        }
        return splitters;
    }

    /** Where a break goes on the content's timeline (see the class comment). */
    private static long align(List<ContentSplitter> splitters, long total, long position) {
        if (position <= 0 || position >= total) {
            return position <= 0 ? 0 : total;
        }
        int index = periodAt(splitters, position);
        long start = 0;
        for (int i = 0; i < index; i++) {
            start += splitters.get(i).durationMicros();
        }
        ContentSplitter s = splitters.get(index);
        SegmentTemplate reference = referenceTemplate(s.source());
        if (reference == null) {
            return position;
        }
        return start + SegmentWindow.nearestBoundaryMicros(reference, s.durationMicros(), position - start);
    }

    /** The index of the content Period holding a position (the last one for the end). */
    private static int periodAt(List<ContentSplitter> splitters, long position) {
        long start = 0;
        for (int i = 0; i < splitters.size(); i++) {
            start += splitters.get(i).durationMicros();
            if (position < start) {
                return i;
            }
        }
        return splitters.size() - 1;
    }

    /** The template of the first Representation of the first video AdaptationSet (else of the first), or null. */
    private static SegmentTemplate referenceTemplate(Period period) {
        AdaptationSet reference = period.adaptationSets().stream().filter(a -> TrackKind.of(a) == TrackKind.VIDEO)
                .findFirst().orElse(period.adaptationSets().isEmpty() ? null : period.adaptationSets().get(0));
        if (reference == null || reference.representations().isEmpty()) {
            return null;
        }
        Representation first = reference.representations().get(0);
        return ContentSplitter.inherit(ContentSplitter.inherit(period.segmentTemplate(), reference.segmentTemplate()),
                first.segmentTemplate());
    }

    private static long insert(List<Period> periods, Placed placed, long clock) {
        for (AdPeriodBuilder.Outcome o : placed.outcomes()) {
            Period p = o.period();
            if (p != null) {
                periods.add(new Period(p.id(), clock, p.durationMicros(), p.baseUrls(), p.segmentTemplate(),
                        p.eventStreams(), p.adaptationSets(), p.otherAttributes(), p.otherElements()));
                clock += p.durationMicros();
            }
        }
        return clock;
    }

    private static Mpd mpd(Mpd content, List<Placed> placed, List<Period> periods, long duration) {
        Set<String> profiles = new LinkedHashSet<>();
        Long minBuffer = content.minBufferTimeMicros();
        Long maxSegment = content.maxSegmentDurationMicros();
        addProfiles(profiles, content.profiles());
        for (Placed p : placed) {
            for (int a = 0; a < p.outcomes().size(); a++) {
                AdPeriodBuilder.Outcome o = p.outcomes().get(a);
                if (o.period() == null) {
                    continue;
                }
                Mpd ad = p.brk().ads().get(a).adMpd();
                addProfiles(profiles, ad.profiles());
                minBuffer = max(minBuffer, ad.minBufferTimeMicros());
                if (maxSegment != null) {
                    maxSegment = max(maxSegment, o.maxSegmentMicros() != null ? o.maxSegmentMicros()
                            : ad.maxSegmentDurationMicros());
                }
            }
        }
        List<RawElement> other = content.otherElements().stream()
                .filter(e -> !e.isDash("Location") && !e.isDash("PatchLocation")).toList();
        return new Mpd(profiles.isEmpty() ? null : String.join(",", profiles), content.type(), duration, minBuffer,
                maxSegment, List.of(), periods, content.namespaces(), content.otherAttributes(), other);
    }

    private static void addProfiles(Set<String> profiles, String list) {
        if (list != null) {
            for (String p : list.split(",")) {
                if (!p.isBlank()) {
                    profiles.add(p.strip());
                }
            }
        }
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
