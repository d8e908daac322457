package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated content MPDs (one or two Periods; $Number$ or timeline templates at Period,
 * AdaptationSet or Representation level; timescales from 25 to 10^7; audio aligned with the
 * video or not) stitched with generated breaks and ads. Every stitched MPD must pass the checker,
 * read back equal, come out byte-identical a second time, and keep each content track's media
 * time: every part's segments are the source's, its offset is where the part starts, and the
 * next part takes over where it ends. Prints its seed; run again with {@code -Dpodium.dash.seed=N}.
 */
class RandomStitchTest {
    private static final int CASES = Integer.getInteger("podium.dash.cases", 300);
    private static final long[] VIDEO_TIMESCALES = {90_000, 30_000, 12_800, 1_000, 10_000_000, 25};
    private static final long[] AUDIO_TIMESCALES = {48_000, 44_100, 1_000};
    private static final List<XmlAttribute> OTHER = List.of(XmlAttribute.of("par", "16:9"),
            new XmlAttribute("urn:example:ext", "ext", "note", "a&b<c>\"é😀\t'"));
    private static final URI CONTENT_URI = URI.create("https://origin.example.com/vod/x/manifest.mpd");

    private final MpdParser parser = new MpdParser();
    private final MpdWriter writer = new MpdWriter();
    private final MpdChecker checker = new MpdChecker();

    @Test
    void generatedStitchesKeepEveryRule() throws Exception {
        long seed = Long.getLong("podium.dash.seed", System.nanoTime());
        System.out.println("RandomStitchTest seed=" + seed);
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Mpd content = content(r);
            List<DashBreak> breaks = breaks(r, total(content));
            String context = "seed=" + seed + ", case " + i;
            assertEquals(List.of(), checker.check(content), context + ": generated content\n" + writer.write(content));

            DashStitched stitched = new DashStitcher().stitch(content, CONTENT_URI, breaks);
            String written = writer.write(stitched.mpd());
            String where = context + ":\n" + written;

            assertEquals(List.of(), checker.check(written), where);
            assertEquals(stitched.mpd(), parser.parse(written), where);
            assertArrayEquals(written.getBytes(StandardCharsets.UTF_8),
                    writer.writeBytes(new DashStitcher().stitch(content, CONTENT_URI, breaks).mpd()), where);
            checkDurationsAndIds(content, breaks, stitched, where);
            checkContentMediaTime(content, stitched.mpd(), where);
        }
    }

    private static void checkDurationsAndIds(Mpd content, List<DashBreak> breaks, DashStitched stitched, String where) {
        Mpd out = stitched.mpd();
        long contentTime = 0;
        long all = 0;
        Set<String> adIds = new HashSet<>();
        for (Period p : out.periods()) {
            all += p.durationMicros();
            if (p.id().startsWith("content-")) {
                contentTime += p.durationMicros();
            } else {
                adIds.add(p.id());
            }
        }
        assertEquals(total(content), contentTime, where);
        assertEquals(all, out.mediaPresentationDurationMicros(), where);
        int ads = 0;
        for (DashBreak b : breaks) {
            for (int a = 0; a < b.ads().size(); a++) {
                ads++;
                int index = a;
                boolean skipped = stitched.skipped().stream()
                        .anyMatch(s -> s.breakId().equals(b.breakId()) && s.adIndex() == index);
                assertEquals(!skipped, adIds.contains("ad-" + b.breakId() + "-" + a), where);
            }
        }
        assertEquals(ads, adIds.size() + stitched.skipped().size(), where);
    }

    /** Each content part's templates line up with the source Period's. */
    private static void checkContentMediaTime(Mpd content, Mpd out, String where) {
        List<Period> parts = out.periods().stream().filter(p -> p.id().startsWith("content-")).toList();
        List<PeriodTimeline.Span> spans = PeriodTimeline.of(content);
        long sourceStart = 0;
        int part = 0;
        for (int s = 0; s < content.periods().size(); s++) {
            Period source = content.periods().get(s);
            long sourceDuration = spans.get(s).durationMicros();
            long from = 0;
            Map<String, Long> previousEnd = new HashMap<>();
            while (from < sourceDuration) {
                Period p = parts.get(part++);
                for (int a = 0; a < source.adaptationSets().size(); a++) {
                    AdaptationSet sourceSet = source.adaptationSets().get(a);
                    AdaptationSet partSet = p.adaptationSets().get(a);
                    assertEquals(sourceSet.id(), partSet.id(), where);
                    for (int k = 0; k < sourceSet.representations().size(); k++) {
                        SegmentTemplate before = effective(source, sourceSet, sourceSet.representations().get(k));
                        SegmentTemplate after = effective(p, partSet, partSet.representations().get(k));
                        String key = a + "/" + k;
                        boolean reference = a == 0 && k == 0;
                        checkTemplate(before, after, from, p.durationMicros(), sourceDuration, reference,
                                previousEnd.get(key), where + "\n[" + p.id() + " set " + a + " rep " + k + "]");
                        previousEnd.put(key, after.presentationTimeOffsetOrDefault()
                                + Ticks.fromMicros(p.durationMicros(), after.timescaleOrDefault()));
                    }
                }
                from += p.durationMicros();
            }
            assertEquals(sourceDuration, from, where);
            sourceStart += sourceDuration;
        }
        assertEquals(parts.size(), part, where);
        assertTrue(sourceStart > 0);
    }

    private static void checkTemplate(SegmentTemplate source, SegmentTemplate part, long from, long duration,
            long sourceDuration, boolean reference, Long previousEnd, String where) {
        long ts = source.timescaleOrDefault();
        long pto0 = source.presentationTimeOffsetOrDefault();
        long pto = part.presentationTimeOffsetOrDefault();
        long slack = 1 + ts / 1_000_000;
        assertTrue(Math.abs(pto - pto0 - Ticks.fromMicros(from, ts)) <= slack, where + " offset " + pto);
        if (previousEnd != null) {
            assertTrue(Math.abs(previousEnd - pto) <= slack, where + " continues at " + pto + ", not " + previousEnd);
        }
        if (source.timeline() == null) {
            long first = Math.floorDiv(pto - pto0, source.duration());
            assertEquals(source.startNumberOrDefault() + first, part.startNumberOrDefault(), where);
            if (reference && from > 0) {
                assertEquals(0, (pto - pto0) % source.duration(), where + ": cut off a segment boundary");
            }
            return;
        }
        Map<Long, long[]> segments = new HashMap<>();
        for (SegmentWindow.Run run : SegmentWindow.runs(source, pto0 + Ticks.fromMicros(sourceDuration, ts))) {
            for (long i = 0; i < run.count(); i++) {
                segments.put(run.start() + i * run.d(), new long[] {run.d(), run.number() + i});
            }
        }
        List<SegmentWindow.Run> runs = SegmentWindow.runs(part, pto + Ticks.fromMicros(duration, ts));
        assertTrue(!runs.isEmpty() && runs.get(0).start() <= pto, where);
        if (reference && from > 0) {
            assertEquals(runs.get(0).start(), pto, where + ": cut off a segment boundary");
        }
        for (SegmentWindow.Run run : runs) {
            for (long i = 0; i < run.count(); i++) {
                long[] expected = segments.get(run.start() + i * run.d());
                if (expected == null || expected[0] != run.d() || expected[1] != run.number() + i) {
                    fail(where + ": segment at " + (run.start() + i * run.d()) + " is not the source's");
                }
            }
        }
    }

    private static SegmentTemplate effective(Period p, AdaptationSet a, Representation r) {
        return ContentSplitter.inherit(ContentSplitter.inherit(p.segmentTemplate(), a.segmentTemplate()),
                r.segmentTemplate());
    }

    // ---- generation ----

    private static Mpd content(Random r) {
        int periods = r.nextInt(4) == 0 ? 2 : 1;
        List<Period> list = new ArrayList<>();
        long total = 0;
        for (int p = 0; p < periods; p++) {
            long duration = (20 + r.nextInt(580)) * 1_000_000L + (r.nextBoolean() ? r.nextInt(1000) * 1000L : 0);
            list.add(contentPeriod(r, "p" + p, duration));
            total += duration;
        }
        return new Mpd("urn:mpeg:dash:profile:isoff-live:2011", "static", total, 2_000_000L, null, List.of(), list,
                List.of(), List.of(), List.of());
    }

    private static Period contentPeriod(Random r, String id, long duration) {
        long videoTs = VIDEO_TIMESCALES[r.nextInt(VIDEO_TIMESCALES.length)];
        long videoSegment = segmentTicks(r, videoTs);
        boolean periodLevel = r.nextInt(6) == 0;
        SegmentTemplate shared = periodLevel ? template(r, videoTs, videoSegment, duration, "$RepresentationID$") : null;
        List<AdaptationSet> sets = new ArrayList<>();
        sets.add(set(r, 1L, "video", null, shared, videoTs, videoSegment, duration, List.of(
                rep("v1", 3_000_000, 1280, 720, "avc1.64001f"), rep("v2", 1_200_000, 854, 480, "avc1.4d401e"),
                rep("v3", 600_000, 640, 360, "avc1.42c01e")).subList(0, 1 + r.nextInt(3))));
        int audios = r.nextInt(3);
        for (int a = 0; a < audios; a++) {
            long ts = shared != null ? videoTs : AUDIO_TIMESCALES[r.nextInt(AUDIO_TIMESCALES.length)];
            long seg = shared != null ? videoSegment : r.nextBoolean()
                    ? Math.max(1, Math.round((double) videoSegment / videoTs * ts)) : 1024L * (40 + r.nextInt(200));
            sets.add(set(r, 2L + a, "audio", a == 0 ? "en" : "es", shared, ts, seg, duration,
                    List.of(rep("a" + a, 128_000, null, null, "mp4a.40.2"))));
        }
        if (r.nextBoolean()) {
            sets.add(set(r, 9L, "text", "en", shared, 1000, 2000 + r.nextInt(4000), duration,
                    List.of(rep("t", 1000, null, null, "wvtt"))));
        }
        List<RawElement> raw = r.nextBoolean() ? List.of() : List.of(new RawElement(Mpd.NAMESPACE, "SupplementalProperty",
                "<SupplementalProperty schemeIdUri=\"urn:example:note\" value=\"a&amp;b &lt;c> &quot;é😀&quot;\"/>"));
        return new Period(id, null, duration, List.of(), shared, List.of(), sets, List.of(), raw);
    }

    private static AdaptationSet set(Random r, Long id, String type, String lang, SegmentTemplate shared, long ts,
            long segment, long duration, List<Representation> reps) {
        String mime = type.equals("text") ? "application/mp4" : type + "/mp4";
        if (shared != null) {
            return new AdaptationSet(id, type, mime, null, lang, "true", 1, List.of(), List.of(), List.of(), null, reps,
                    List.of(), List.of());
        }
        if (r.nextInt(4) == 0) { // a template of their own on every Representation
            SegmentTemplate t = template(r, ts, segment, duration, type);
            List<Representation> own = new ArrayList<>();
            for (Representation rep : reps) {
                own.add(rep.withAddressing(List.of(), null, t.withUrls(type + "/" + rep.id() + "/" + t.media(),
                        t.initialization())));
            }
            SegmentTemplate upper = r.nextBoolean() ? null
                    : new SegmentTemplate(null, type + "/init.mp4", null, null, null, null, null, List.of(), List.of());
            return new AdaptationSet(id, type, mime, null, lang, "true", 1, List.of(), List.of(), List.of(), upper, own,
                    OTHER, List.of());
        }
        return new AdaptationSet(id, type, mime, null, lang, "true", 1, List.of(), List.of(), List.of(),
                template(r, ts, segment, duration, type), reps, r.nextBoolean() ? OTHER : List.of(), List.of());
    }

    /** A template covering the Period: $Number$ with a duration, or a timeline with $Time$ (and maybe a short last segment). */
    private static SegmentTemplate template(Random r, long ts, long segment, long durationMicros, String path) {
        long pto = r.nextBoolean() ? 0 : ts * r.nextInt(100);
        Long startNumber = r.nextBoolean() ? null : (long) r.nextInt(1000);
        if (r.nextBoolean()) {
            return new SegmentTemplate(path + "/$Number%05d$.m4s", path + "/init.mp4", ts, startNumber, segment,
                    pto == 0 && r.nextBoolean() ? null : pto, null, List.of(), List.of());
        }
        long end = pto + Ticks.fromMicros(durationMicros, ts);
        List<TimelineEntry> entries = new ArrayList<>();
        long t = pto - (r.nextInt(3) == 0 ? r.nextInt((int) Math.min(Math.min(segment, 1000), pto + 1)) : 0);
        boolean first = true;
        while (t < end) {
            long d = !first && r.nextInt(8) == 0 ? Math.max(1, segment - r.nextInt((int) Math.min(segment, 100))) : segment;
            long count = Math.max(1, Math.min(SegmentWindow.ceilDiv(end - t, d), 1 + r.nextInt(40)));
            TimelineEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.d() == d) {
                entries.set(entries.size() - 1, new TimelineEntry(last.t(), null, d, last.r() + count, List.of()));
            } else {
                entries.add(new TimelineEntry(first || r.nextInt(5) == 0 ? t : null, null, d, count - 1, List.of()));
            }
            first = false;
            t += d * count;
        }
        return new SegmentTemplate(path + "/$Time$.m4s", path + "/init.mp4", ts, startNumber, null, pto, entries,
                List.of(), List.of());
    }

    private static long segmentTicks(Random r, long ts) {
        double seconds = new double[] {1, 2, 2.002, 4, 6.006, 10}[r.nextInt(6)];
        return Math.max(1, Math.round(seconds * ts));
    }

    private static Representation rep(String id, long bandwidth, Integer width, Integer height, String codecs) {
        return new Representation(id, bandwidth, width, height, null, codecs, null, null, List.of(), null, null,
                List.of(), List.of());
    }

    private static List<DashBreak> breaks(Random r, long total) {
        List<DashBreak> breaks = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            long position = switch (r.nextInt(6)) {
                case 0 -> 0;
                case 1 -> DashBreak.POST_ROLL;
                default -> (long) (r.nextDouble() * total);
            };
            List<DashAd> ads = new ArrayList<>();
            int count = r.nextInt(4);
            for (int a = 0; a < count; a++) {
                ads.add(ad(r, "ad" + i + "_" + a));
            }
            breaks.add(new DashBreak("b" + i, position, ads));
        }
        return breaks;
    }

    private static DashAd ad(Random r, String adId) {
        long seconds = 5 + r.nextInt(26);
        long duration = seconds * 1_000_000L;
        String codec = r.nextInt(5) == 0 ? "hvc1.1.6.L93.B0" : "avc1.64001f";
        List<Representation> video = new ArrayList<>();
        int rungs = 1 + r.nextInt(3);
        for (int k = 0; k < rungs; k++) {
            int height = new int[] {360, 540, 720, 1080}[r.nextInt(4)];
            video.add(rep("av" + k, 400_000L + r.nextInt(5_000_000), height * 16 / 9, height, codec));
        }
        long ts = VIDEO_TIMESCALES[r.nextInt(VIDEO_TIMESCALES.length)];
        boolean onDemand = r.nextInt(4) == 0;
        SegmentTemplate vt = onDemand ? null : template(r, ts, segmentTicks(r, ts), duration, "v");
        SegmentTemplate at = onDemand ? null : template(r, 48_000, 96_000, duration, "a");
        if (onDemand) {
            video.replaceAll(v -> v.withAddressing(List.of(BaseUrl.of(v.id() + ".mp4")), new SegmentBase(ts, null,
                    "800-999", null, new RangedUrl(null, "0-799"), List.of(), List.of()), null));
        }
        Representation audio = rep("aa", 128_000, null, null, "mp4a.40.2");
        if (onDemand) {
            audio = audio.withAddressing(List.of(BaseUrl.of("audio.mp4")), new SegmentBase(48_000L, null, "700-899",
                    null, new RangedUrl("audio-init.mp4", null), List.of(), List.of()), null);
        }
        List<AdaptationSet> sets = new ArrayList<>();
        sets.add(new AdaptationSet(null, "video", "video/mp4", null, null, "true", 1, List.of(), List.of(), List.of(),
                vt, video, List.of(), List.of()));
        if (r.nextInt(8) != 0) {
            sets.add(new AdaptationSet(null, "audio", "audio/mp4", null, r.nextBoolean() ? "en" : "es", "true", 1,
                    List.of(), List.of(), List.of(), at, List.of(audio), List.of(),
                    List.of()));
        }
        Mpd mpd = new Mpd("urn:mpeg:dash:profile:isoff-live:2011", "static", duration, 2_000_000L, null, List.of(),
                List.of(new Period("0", null, null, List.of(), null, List.of(), sets, List.of(), List.of())), List.of(),
                List.of(), List.of());
        long vast = r.nextBoolean() ? duration : (seconds + r.nextInt(5) - 2) * 1_000_000L;
        return new DashAd(adId, Math.max(1_000_000, vast), mpd, URI.create("https://ads.example.net/" + adId + "/m.mpd"));
    }

    private static long total(Mpd mpd) {
        return mpd.mediaPresentationDurationMicros();
    }
}
