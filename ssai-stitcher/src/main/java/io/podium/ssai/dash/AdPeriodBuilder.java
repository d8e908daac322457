package io.podium.ssai.dash;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the Period of one ad, from the ad's MPD, fitted to the content.
 *
 * <p>The rules. The ad MPD must be static with one Period. The ad Period lasts the ad's duration,
 * or the ad MPD's Period when that is shorter. For every video and audio AdaptationSet of the
 * content, in order, one AdaptationSet of the ad stands in, with the content's id:
 * <ul>
 *   <li>a Representation is a candidate when it is addressable (a SegmentTemplate with media and a
 *       duration or timeline, or a SegmentBase or single file with a BaseURL; no SegmentList),
 *       has the content's container (mimeType) when both tell it, a codec family of the content's
 *       when the content tells them, and, for video, no more pixels across or down than the
 *       content's largest;
 *   <li>video: the ad AdaptationSet with the most candidates (the first on a tie); audio: the
 *       first one in the content's language (primary subtags compared) with candidates, else the
 *       first with candidates;
 *   <li>of its candidates, those whose bandwidth is not above the content's highest; when none
 *       is, the lowest one alone;
 *   <li>an ad AdaptationSet chosen twice (two content languages, one ad language) appears once.
 * </ul>
 * The ad is skipped when content video (or audio) exists and no ad AdaptationSet could stand in
 * for any of it, or when the content has neither. Text and other content tracks get nothing. URLs are made absolute against the
 * ad MPD's URL and BaseURLs, then given to the {@link DashUrlRewriter}; the Representations
 * carry them in a SegmentTemplate of their own (or a BaseURL for a single file), so the ad Period
 * has no BaseURL. Immutable and thread-safe if the rewriter is.
 */
final class AdPeriodBuilder {
    /** A Period, or why there is none; the Period starts at 0 until placed. */
    record Outcome(Period period, SkippedAd skipped, Long maxSegmentMicros) {
    }

    /** A Representation of the ad that could play, with its absolute URLs. */
    private record Candidate(AdaptationSet set, Representation rep, SegmentTemplate template, SegmentBase base,
            String fileUrl, String mimeType, Set<String> families, Integer width, Integer height) {
    }

    private final DashUrlRewriter rewriter;

    AdPeriodBuilder(DashUrlRewriter rewriter) {
        this.rewriter = Objects.requireNonNull(rewriter, "rewriter");
    }

    Outcome build(DashBreak brk, int adIndex, List<ContentTrack> content, String periodId) {
        try {
            return fit(brk, adIndex, content, periodId);
        } catch (ArithmeticException e) {
            return skip(brk, adIndex, SkippedAd.Reason.UNSUPPORTED_MPD, "values too large to compute with");
        }
    }

    private Outcome fit(DashBreak brk, int adIndex, List<ContentTrack> content, String periodId) {
        DashAd ad = brk.ads().get(adIndex);
        Mpd mpd = ad.adMpd();
        if (!mpd.isStatic() || mpd.periods().size() != 1) {
            return skip(brk, adIndex, SkippedAd.Reason.UNSUPPORTED_MPD, "the ad MPD is " + (mpd.isStatic()
                    ? "static with " + mpd.periods().size() + " Periods" : "dynamic") + "; one static Period needed");
        }
        Period period = mpd.periods().get(0);
        Long sourceDuration = PeriodTimeline.of(mpd).get(0).durationMicros();
        if (sourceDuration != null && sourceDuration <= 0) {
            return skip(brk, adIndex, SkippedAd.Reason.UNSUPPORTED_MPD, "the ad Period has no duration");
        }
        long duration = sourceDuration == null ? ad.durationMicros() : Math.min(ad.durationMicros(), sourceDuration);
        long windowOf = sourceDuration == null ? duration : sourceDuration;
        List<BaseUrl> periodBases;
        try {
            periodBases = UrlResolver.resolveAll(UrlResolver.resolveAll(UrlResolver.documentBase(ad.adMpdUri()),
                    mpd.baseUrls()), period.baseUrls());
        } catch (IllegalArgumentException e) {
            return skip(brk, adIndex, SkippedAd.Reason.UNSUPPORTED_MPD, "a BaseURL does not resolve: " + e.getMessage());
        }
        boolean periodHasBase = !mpd.baseUrls().isEmpty() || !period.baseUrls().isEmpty();
        List<AdaptationSet> sets = new ArrayList<>();
        List<AdaptationSet> used = new ArrayList<>();
        List<List<Candidate>> usedReps = new ArrayList<>();
        Long maxSegment = null;
        for (TrackKind kind : List.of(TrackKind.VIDEO, TrackKind.AUDIO)) {
            boolean contentHasKind = false;
            boolean matched = false;
            for (ContentTrack track : content) {
                if (track.kind() != kind) {
                    continue;
                }
                contentHasKind = true;
                List<Candidate> chosen = choose(period, periodBases, periodHasBase, track, duration, windowOf);
                if (chosen.isEmpty()) {
                    continue;
                }
                matched = true;
                AdaptationSet adSet = chosen.get(0).set();
                boolean again = false;
                for (int i = 0; i < used.size(); i++) {
                    again |= used.get(i) == adSet && usedReps.get(i).equals(chosen);
                }
                if (again) {
                    continue;
                }
                used.add(adSet);
                usedReps.add(chosen);
                List<Representation> reps = new ArrayList<>();
                for (Candidate c : chosen) {
                    reps.add(rewrite(brk, adIndex, c, duration));
                    if (c.template() != null) {
                        maxSegment = max(maxSegment, SegmentWindow.maxSegmentMicros(c.template(), duration));
                    }
                }
                sets.add(adSet.with(track.setId(), List.of(), null, reps, adSet.otherElements()));
            }
            if (contentHasKind && !matched) {
                boolean video = kind == TrackKind.VIDEO;
                return skip(brk, adIndex, video ? SkippedAd.Reason.NO_MATCHING_VIDEO : SkippedAd.Reason.NO_MATCHING_AUDIO,
                        "no " + (video ? "video" : "audio") + " Representation fits the content's "
                                + describe(content, kind));
            }
        }
        if (sets.isEmpty()) {
            return skip(brk, adIndex, SkippedAd.Reason.UNSUPPORTED_MPD, "the content has no video or audio to stand in for");
        }
        Period out = new Period(periodId, 0L, duration, List.of(), null, List.of(), sets, List.of(), List.of());
        return new Outcome(out, null, maxSegment);
    }

    /** The Representations of the ad AdaptationSet chosen for a content track; empty when none fits. */
    private List<Candidate> choose(Period period, List<BaseUrl> periodBases, boolean periodHasBase,
            ContentTrack track, long duration, long windowOf) {
        List<Candidate> best = List.of();
        for (AdaptationSet a : period.adaptationSets()) {
            if (TrackKind.of(a) != track.kind()) {
                continue;
            }
            List<Candidate> candidates = new ArrayList<>();
            for (Representation r : a.representations()) {
                Candidate c = candidate(period, periodBases, periodHasBase, a, r, duration, windowOf);
                if (c != null && fits(c, track)) {
                    candidates.add(c);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            if (track.kind() == TrackKind.AUDIO) {
                if (sameLanguage(a.lang(), track.lang())) {
                    best = candidates;
                    break;
                }
                if (best.isEmpty()) {
                    best = candidates;
                }
            } else if (candidates.size() > best.size()) {
                best = candidates;
            }
        }
        if (best.isEmpty()) {
            return best;
        }
        List<Candidate> within = best.stream().filter(c -> c.rep().bandwidth() <= track.maxBandwidth()).toList();
        return within.isEmpty() ? List.of(best.stream().min(Comparator.comparingLong(c -> c.rep().bandwidth()))
                .orElseThrow()) : within;
    }

    private static boolean fits(Candidate c, ContentTrack track) {
        if (c.mimeType() != null && track.mimeType() != null
                && !c.mimeType().equalsIgnoreCase(track.mimeType())) {
            return false;
        }
        if (!track.families().isEmpty() && (c.families().isEmpty() || !track.families().containsAll(c.families()))) {
            return false;
        }
        if (track.kind() == TrackKind.VIDEO) {
            boolean tooWide = c.width() != null && track.maxWidth() != null && c.width() > track.maxWidth();
            boolean tooTall = c.height() != null && track.maxHeight() != null && c.height() > track.maxHeight();
            return !tooWide && !tooTall;
        }
        return true;
    }

    /** The Representation with its absolute URLs, or null when it cannot be addressed. */
    private static Candidate candidate(Period period, List<BaseUrl> periodBases, boolean periodHasBase,
            AdaptationSet a, Representation r, long duration, long windowOf) {
        if (hasSegmentList(period.otherElements()) || hasSegmentList(a.otherElements())
                || hasSegmentList(r.otherElements())) {
            return null;
        }
        URI base;
        try {
            List<BaseUrl> bases = UrlResolver.resolveAll(UrlResolver.resolveAll(periodBases, a.baseUrls()),
                    r.baseUrls());
            base = URI.create(bases.get(0).url());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String mime = r.mimeType() != null ? r.mimeType() : a.mimeType();
        Set<String> families = Codecs.families(r.codecs() != null ? r.codecs() : a.codecs());
        Integer width = ContentTrack.width(a, r);
        Integer height = ContentTrack.height(a, r);
        SegmentTemplate template = ContentSplitter.inherit(
                ContentSplitter.inherit(period.segmentTemplate(), a.segmentTemplate()), r.segmentTemplate());
        try {
            if (template != null) {
                boolean timed = template.duration() != null && template.duration() > 0
                        || template.timeline() != null && !template.timeline().isEmpty();
                if (template.media() == null || !timed || template.timescaleOrDefault() <= 0) {
                    return null;
                }
                String media = UrlResolver.resolveTemplate(base, template.media());
                String init = template.initialization() == null ? null
                        : UrlResolver.resolveTemplate(base, template.initialization());
                SegmentTemplate absolute = SegmentWindow.window(template.withUrls(media, init), 0, duration, windowOf);
                return new Candidate(a, r, absolute, null, null, mime, families, width, height);
            }
            boolean hasFile = periodHasBase || !a.baseUrls().isEmpty() || !r.baseUrls().isEmpty();
            if (!hasFile) {
                return null;
            }
            SegmentBase sb = r.segmentBase();
            if (sb != null && sb.initialization() != null && sb.initialization().sourceUrl() != null) {
                String init = UrlResolver.resolve(base, sb.initialization().sourceUrl()).toString();
                sb = sb.with(sb.presentationTimeOffset(), new RangedUrl(init, sb.initialization().range()));
            }
            return new Candidate(a, r, null, sb, base.toString(), mime, families, width, height);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Representation rewrite(DashBreak brk, int adIndex, Candidate c, long durationMicros) {
        String adId = brk.ads().get(adIndex).adId();
        String repId = c.rep().id();
        if (c.template() != null) {
            SegmentTemplate t = c.template();
            String media = call(new AdSegmentUrl(brk.breakId(), adIndex, adId, repId, AdSegmentUrl.Kind.MEDIA_TEMPLATE,
                    t.media(), t.startNumberOrDefault(), segmentCount(t, durationMicros)));
            String init = t.initialization() == null ? null : call(new AdSegmentUrl(brk.breakId(), adIndex, adId,
                    repId, AdSegmentUrl.Kind.INITIALIZATION, t.initialization()));
            return c.rep().withAddressing(List.of(), null, t.withUrls(media, init));
        }
        SegmentBase sb = c.base();
        if (sb != null && sb.initialization() != null && sb.initialization().sourceUrl() != null) {
            String init = call(new AdSegmentUrl(brk.breakId(), adIndex, adId, repId, AdSegmentUrl.Kind.INITIALIZATION,
                    sb.initialization().sourceUrl()));
            sb = sb.with(sb.presentationTimeOffset(), new RangedUrl(init, sb.initialization().range()));
        }
        String file = call(new AdSegmentUrl(brk.breakId(), adIndex, adId, repId, AdSegmentUrl.Kind.MEDIA_FILE,
                c.fileUrl()));
        return c.rep().withAddressing(List.of(BaseUrl.of(file)), sb, null);
    }

    /** How many segments of a (windowed) template the ad period plays: its timeline's, or duration / segment. */
    static int segmentCount(SegmentTemplate t, long durationMicros) {
        if (t.timeline() != null && !t.timeline().isEmpty()) {
            long n = 0;
            for (TimelineEntry e : t.timeline()) {
                n += 1 + Math.max(0, e.r());
            }
            return (int) Math.min(n, Integer.MAX_VALUE);
        }
        if (t.duration() == null || t.duration() <= 0 || durationMicros <= 0) {
            return 0;
        }
        long ticks = Math.multiplyHigh(durationMicros, t.timescaleOrDefault()) == 0
                ? durationMicros * t.timescaleOrDefault() / 1_000_000 : Long.MAX_VALUE;
        return (int) Math.min((ticks + t.duration() - 1) / t.duration(), Integer.MAX_VALUE);
    }

    private String call(AdSegmentUrl url) {
        String out = rewriter.rewrite(url);
        if (out == null || out.isBlank()) {
            throw new IllegalStateException("the URL rewriter gave no URL for " + url);
        }
        for (String identifier : List.of("$Number", "$Time")) {
            if (url.url().contains(identifier) && !out.contains(identifier)) {
                throw new IllegalStateException("the URL rewriter dropped " + identifier + "$ from " + url.url()
                        + ": " + out);
            }
        }
        return out;
    }

    private static boolean sameLanguage(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return primary(a).equals(primary(b));
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static boolean hasSegmentList(List<RawElement> elements) {
        return elements.stream().anyMatch(e -> e.isDash("SegmentList"));
    }

    private static String describe(List<ContentTrack> content, TrackKind kind) {
        List<String> parts = new ArrayList<>();
        for (ContentTrack t : content) {
            if (t.kind() == kind) {
                String size = t.maxWidth() != null && t.maxHeight() != null ? " up to " + t.maxWidth() + "x"
                        + t.maxHeight() : "";
                parts.add(t.mimeType() + " " + t.families().stream().sorted().toList() + size);
            }
        }
        return String.join(", ", parts);
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    private static Outcome skip(DashBreak brk, int adIndex, SkippedAd.Reason reason, String detail) {
        return new Outcome(null, new SkippedAd(brk.breakId(), adIndex, brk.ads().get(adIndex).adId(), reason, detail),
                null);
    }
}
