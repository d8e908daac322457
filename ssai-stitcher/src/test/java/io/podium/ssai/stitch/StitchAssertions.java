package io.podium.ssai.stitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.podium.ssai.hls.HlsChecker;
import io.podium.ssai.hls.HlsParseException;
import io.podium.ssai.hls.HlsParser;
import io.podium.ssai.hls.HlsProblem;
import io.podium.ssai.hls.HlsWriter;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks every stitched playlist must pass, whatever the inputs: valid HLS by the checker, a stable
 * round trip, the content intact and in order, breaks where {@link StitchedMedia#breaks()} says,
 * discontinuities at every edge and nowhere else new, sequence numbers kept, target duration and
 * version right. Expects content and ad segments to be told apart by {@link #isInserted}: ads
 * served from {@link StitchFixtures#ADS} (or other hosts in {@code adHosts}), gaps marked EXT-X-GAP.
 */
final class StitchAssertions {
    private static final HlsChecker CHECKER = new HlsChecker();
    private static final HlsWriter WRITER = new HlsWriter();
    private static final HlsParser PARSER = new HlsParser();

    private StitchAssertions() {
    }

    /** The rule ids of the ERRORs the checker finds in {@code playlist}. */
    static Set<String> errorRules(MediaPlaylist playlist) {
        return CHECKER.check(playlist).stream().filter(p -> p.severity() == HlsProblem.Severity.ERROR)
                .map(HlsProblem::rule).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Asserts that the checker finds no ERROR, listing the problems otherwise. */
    static void assertNoErrors(MediaPlaylist playlist, String what) {
        List<HlsProblem> problems = CHECKER.check(playlist);
        if (HlsChecker.hasErrors(problems)) {
            fail(what + ": the checker found errors:\n" + problems.stream().map(HlsProblem::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    /** Whether a stitched segment is an ad or gap segment (not content). */
    static boolean isInserted(MediaSegment s) {
        return s.gap() || s.uri().startsWith(StitchFixtures.ADS.toString()) || s.uri().startsWith("https://podium.test/");
    }

    /**
     * The general checks. {@code contentErrors} are the checker's error rules on the content itself
     * (some real-world fixtures break rules): the stitched playlist may have those, no others.
     */
    static void assertWellFormed(ContentMedia content, StitchedMedia stitched, String what) {
        assertWellFormed(content, errorRules(content.playlist()), stitched, what);
    }

    /** {@link #assertWellFormed(ContentMedia, StitchedMedia, String)} with the content's error rules known. */
    static void assertWellFormed(ContentMedia content, Set<String> contentErrors, StitchedMedia stitched, String what) {
        MediaPlaylist in = content.playlist();
        MediaPlaylist out = stitched.playlist();
        Set<String> before = contentErrors;
        Set<String> after = errorRules(out);
        after.removeAll(before);
        if (!after.isEmpty()) {
            assertNoErrors(out, what + " (content itself had errors " + before + ")");
        }
        String text = WRITER.write(out);
        try {
            assertEquals(out, PARSER.parseMedia(text), what + ": the written playlist reads back differently");
        } catch (HlsParseException e) {
            fail(what + ": the written playlist does not parse: " + e.getMessage());
        }

        List<MediaSegment> segments = out.segments();
        List<MediaSegment> contentSegments = new ArrayList<>();
        for (MediaSegment s : segments) {
            if (!isInserted(s)) {
                contentSegments.add(s);
            }
        }
        assertEquals(in.segments().size(), contentSegments.size(), what + ": content segment count");
        long[] inOffsets = resolvedOffsets(in.segments());
        long[] outOffsets = resolvedOffsets(segments);
        int c0 = 0;
        for (int k = 0; k < segments.size(); k++) {
            if (!isInserted(segments.get(k))) {
                assertEquals(inOffsets[c0], outOffsets[k], what + ": byte range of content segment " + c0
                        + " starts where it did");
                c0++;
            }
        }
        for (int i = 0; i < contentSegments.size(); i++) {
            MediaSegment c = contentSegments.get(i);
            assertEquals(in.segments().get(i).duration(), c.duration(), what + ": duration of content segment " + i);
            assertEquals(content.uri().resolve(in.segments().get(i).uri()).toString(), c.uri(),
                    what + ": content segment " + i + " is absolute, in order");
        }

        long inserted = 0;
        int expectedDiscontinuities = 0;
        boolean[] inBreak = new boolean[segments.size()];
        for (StitchedBreak b : stitched.breaks()) {
            assertTrue(b.segmentCount() > 0, what + ": a listed break has segments");
            long sum = 0;
            for (int k = b.firstSegment(); k < b.firstSegment() + b.segmentCount(); k++) {
                assertTrue(isInserted(segments.get(k)), what + ": segment " + k + " of break " + b.breakId()
                        + " is an ad or a gap");
                inBreak[k] = true;
                sum += segments.get(k).durationMicros();
            }
            assertEquals(sum, b.durationMicros(), what + ": duration of break " + b.breakId());
            assertEquals(b.firstSegment() == 0, !segments.get(b.firstSegment()).discontinuity(),
                    what + ": a break starts with a discontinuity unless it starts the playlist");
            int end = b.firstSegment() + b.segmentCount();
            if (end < segments.size()) {
                assertTrue(segments.get(end).discontinuity(), what + ": discontinuity after break " + b.breakId());
            }
            assertEquals(contentBefore(segments, b.firstSegment()), b.contentMicros(),
                    what + ": content time of break " + b.breakId());
            inserted += sum;
        }
        for (int k = 0; k < segments.size(); k++) {
            assertEquals(inBreak[k], isInserted(segments.get(k)), what + ": segment " + k
                    + " is inserted exactly when a listed break covers it");
            boolean breakEdge = k > 0 && inBreak[k] != inBreak[k - 1];
            if (breakEdge) {
                assertTrue(segments.get(k).discontinuity(), what + ": discontinuity at the edge before segment " + k);
            }
            if (segments.get(k).discontinuity()) {
                expectedDiscontinuities++;
            }
        }
        assertEquals(content.durationMicros() + inserted, out.totalDurationMicros(),
                what + ": total duration is content plus breaks");
        long ownDiscontinuities = in.segments().stream().filter(MediaSegment::discontinuity).count();
        assertTrue(expectedDiscontinuities >= ownDiscontinuities, what + ": content discontinuities kept");

        assertEquals(in.mediaSequence(), out.mediaSequence(), what + ": EXT-X-MEDIA-SEQUENCE kept");
        assertEquals(in.discontinuitySequence(), out.discontinuitySequence(), what + ": EXT-X-DISCONTINUITY-SEQUENCE kept");
        assertEquals(in.endList(), out.endList(), what + ": EXT-X-ENDLIST kept");
        assertEquals(in.playlistType(), out.playlistType(), what + ": EXT-X-PLAYLIST-TYPE kept");
        long maxRounded = segments.stream().mapToLong(s -> s.duration().roundedSeconds()).max().orElse(0);
        long declared = in.targetDuration() == null ? 0 : in.targetDuration();
        assertEquals(Long.valueOf(Math.max(maxRounded, declared)), out.targetDuration(),
                what + ": target duration is the highest of the content's and every rounded duration");
        if (in.version() != null) {
            assertTrue(out.version() >= in.version(), what + ": version never lowered");
        }
        assertFalse(out.iFramesOnly(), what);
    }

    /**
     * Checks what the inputs alone say about the result: which breaks play and in which order, how
     * long they last on the shared timeline (the playable ads' reference durations, or whole plays
     * of the slate), and the exact number of discontinuities (the content's own, plus one before
     * each ad unless it starts the playlist, plus one where content resumes after a break). Ads
     * here have no inner discontinuities.
     */
    static void assertBreaksFromInputs(ContentMedia content, List<Break> breaks, AdMedia slate, StitchedMedia stitched,
            String what) {
        List<MediaSegment> out = stitched.playlist().segments();
        List<Break> ordered = ContentMedia.ordered(breaks);
        int placed = 0;
        long discontinuities = content.playlist().segments().stream().filter(MediaSegment::discontinuity).count();
        for (int i = 0; i < ordered.size(); i++) {
            Break b = ordered.get(i);
            int items = 0;
            long planned = 0;
            for (AdMedia ad : b.ads()) {
                if (ad.playable()) {
                    items++;
                    planned += ad.stitchedDurationMicros();
                }
            }
            if (items == 0 && slate != null && slate.playable() && b.plannedDurationMicros() > 0) {
                items = (int) (b.plannedDurationMicros() / slate.stitchedDurationMicros());
                planned = items * slate.stitchedDurationMicros();
            }
            if (items == 0) {
                continue;
            }
            StitchedBreak sb = stitched.breaks().get(placed++);
            assertEquals(b.breakId(), sb.breakId(), what + ": breaks play in order of position then id");
            assertEquals(i, sb.breakIndex(), what);
            assertEquals(planned, sb.plannedMicros(), what + ": planned duration of " + b.breakId());
            assertEquals(content.boundaryMicros(content.boundaryFor(b.positionMicros())), sb.contentMicros(), what);
            int after = sb.firstSegment() + sb.segmentCount();
            boolean contentFollows = after < out.size() && !isInserted(out.get(after));
            discontinuities += items - (sb.firstSegment() == 0 ? 1 : 0);
            if (contentFollows) {
                discontinuities += contentIndex(out, after) >= 0
                        && content.playlist().segments().get(contentIndex(out, after)).discontinuity() ? 0 : 1;
            }
        }
        assertEquals(placed, stitched.breaks().size(), what + ": breaks with a playable ad or the slate, no others");
        assertEquals(discontinuities, discontinuities(stitched.playlist()), what + ": discontinuity count");
    }

    /** The index in the content of stitched segment {@code index}, which must be a content segment. */
    private static int contentIndex(List<MediaSegment> out, int index) {
        int c = 0;
        for (int k = 0; k < index; k++) {
            if (!isInserted(out.get(k))) {
                c++;
            }
        }
        return c;
    }

    /** The content time before segment {@code index}: the durations of the content segments before it. */
    static long contentBefore(List<MediaSegment> segments, int index) {
        long t = 0;
        for (int k = 0; k < index; k++) {
            if (!isInserted(segments.get(k))) {
                t += segments.get(k).durationMicros();
            }
        }
        return t;
    }

    /** The content times at which runs of inserted segments start, read from the playlist alone. */
    static List<Long> insertionTimes(MediaPlaylist p) {
        List<Long> out = new ArrayList<>();
        long t = 0;
        boolean inside = false;
        for (MediaSegment s : p.segments()) {
            boolean inserted = isInserted(s);
            if (inserted && !inside) {
                out.add(t);
            }
            if (!inserted) {
                t += s.durationMicros();
            }
            inside = inserted;
        }
        return out;
    }

    /** The first byte of each segment's byte range as a player works it out (-1 without one). */
    static long[] resolvedOffsets(List<MediaSegment> segments) {
        long[] out = new long[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            MediaSegment s = segments.get(i);
            if (s.byteRange() == null) {
                out[i] = -1;
            } else if (s.byteRange().offset() != null) {
                out[i] = s.byteRange().offset();
            } else if (i > 0 && segments.get(i - 1).byteRange() != null && segments.get(i - 1).uri().equals(s.uri())) {
                out[i] = out[i - 1] + segments.get(i - 1).byteRange().length();
            } else {
                out[i] = 0;
            }
        }
        return out;
    }

    static long discontinuities(MediaPlaylist p) {
        return p.segments().stream().filter(MediaSegment::discontinuity).count();
    }

    static String write(MediaPlaylist p) {
        return WRITER.write(p);
    }
}
