package io.podium.ssai.dash;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Segment times of SegmentTemplates and SegmentBases, and the templates of a part of a Period.
 *
 * <p>Times given in microseconds are relative to the Period start; ticks are media times in the
 * template's timescale. A boundary is where a segment starts or the last one ends. Converting a
 * microsecond time to ticks rounds to the nearest tick, and a result within a microsecond of a
 * segment boundary of the template is moved onto it, so that tracks whose segments are aligned
 * are cut at the very same boundary. Stateless.
 */
final class SegmentWindow {
    /**
     * Consecutive segments of one timeline entry.
     *
     * @param start the media time of the first, in ticks
     * @param d the duration of each, in ticks
     * @param count how many
     * @param number the number of the first
     * @param attributes the entry's other attributes
     */
    record Run(long start, long d, long count, long number, List<XmlAttribute> attributes) {
        long end() {
            return start + d * count;
        }
    }

    private static final BigInteger MILLION = BigInteger.valueOf(Ticks.MICROS_PER_SECOND);

    private SegmentWindow() {
    }

    /**
     * The runs of a SegmentTimeline. A first S without {@code t} starts at 0; S@r = -1 repeats
     * until the next S@t, or until {@code periodEndTicks} for the last S. Entries with no
     * positive duration give no segments.
     */
    static List<Run> runs(SegmentTemplate t, long periodEndTicks) {
        List<TimelineEntry> entries = t.timeline();
        List<Run> runs = new ArrayList<>(entries.size());
        long time = 0;
        long number = t.startNumberOrDefault();
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry e = entries.get(i);
            time = e.t() != null ? e.t() : time;
            number = e.n() != null ? e.n() : number;
            if (e.d() <= 0) {
                continue;
            }
            long count;
            if (e.r() >= 0) {
                count = e.r() + 1;
            } else {
                Long next = i + 1 < entries.size() ? entries.get(i + 1).t() : null;
                long limit = next != null ? next : periodEndTicks;
                count = Math.max(0, ceilDiv(limit - time, e.d()));
            }
            runs.add(new Run(time, e.d(), count, number, e.otherAttributes()));
            time = Math.addExact(time, Math.multiplyExact(count, e.d()));
            number += count;
        }
        return runs;
    }

    /**
     * The segment boundary of {@code t} nearest to {@code targetMicros}, in microseconds from
     * the Period start, within [0, periodDurationMicros] (whose ends count as boundaries); on a
     * tie the earlier one. Distances are compared exactly, not in rounded ticks. A template with
     * neither timeline nor duration has no boundary inside the Period: the target is returned,
     * clamped.
     */
    static long nearestBoundaryMicros(SegmentTemplate t, long periodDurationMicros, long targetMicros) {
        long ts = t.timescaleOrDefault();
        long pto = t.presentationTimeOffsetOrDefault();
        long periodTicks = Ticks.fromMicros(periodDurationMicros, ts);
        long x = pto + Ticks.fromMicros(targetMicros, ts);
        // in millionths of a tick
        BigInteger target = BigInteger.valueOf(pto).multiply(MILLION)
                .add(BigInteger.valueOf(targetMicros).multiply(BigInteger.valueOf(ts)));
        Long boundary;
        if (t.timeline() != null) {
            boundary = nearest(runs(t, pto + periodTicks), x, target);
        } else if (t.duration() != null && t.duration() > 0) {
            boundary = nearestOnGrid(pto, t.duration(), x, target);
        } else {
            boundary = null;
        }
        if (boundary == null) {
            return Math.max(0, Math.min(targetMicros, periodDurationMicros));
        }
        // the Period's start and end are boundaries too, and none lies outside them
        long end = pto + periodTicks;
        long b = Math.max(pto, Math.min(boundary, end));
        b = closer(pto, b, x, target) ? pto : b;
        b = closer(end, b, x, target) ? end : b;
        long relative = b - pto;
        if (relative <= 0 || relative >= periodTicks) { // the Period's own edges, exactly
            return relative <= 0 ? 0 : periodDurationMicros;
        }
        return Math.min(Ticks.toMicros(relative, ts), periodDurationMicros);
    }

    /**
     * The template of the part [fromMicros, toMicros) of a Period of {@code periodDurationMicros}:
     * the presentation time offset moved to the part's start, the start number moved to its
     * first segment, and a timeline trimmed to the segments that overlap the part (the first
     * with an explicit {@code t}). The whole Period gives {@code t} itself. A start number or
     * offset the template leaves out stays out while it keeps its default.
     */
    static SegmentTemplate window(SegmentTemplate t, long fromMicros, long toMicros, long periodDurationMicros) {
        if (fromMicros == 0 && toMicros == periodDurationMicros) {
            return t;
        }
        long ts = t.timescaleOrDefault();
        long pto = t.presentationTimeOffsetOrDefault();
        long from = pto + Ticks.fromMicros(fromMicros, ts);
        if (t.timeline() != null) {
            List<Run> runs = runs(t, pto + Ticks.fromMicros(periodDurationMicros, ts));
            from = snap(nearest(runs, from, scaled(from)), from, ts);
            long toTicks = pto + Ticks.fromMicros(toMicros, ts);
            long to = snap(nearest(runs, toTicks, scaled(toTicks)), toTicks, ts);
            List<TimelineEntry> entries = new ArrayList<>();
            long firstNumber = trim(runs, from, to, entries);
            return t.withWindow(offset(t, from), number(t, entries.isEmpty() ? t.startNumberOrDefault() : firstNumber),
                    entries);
        }
        if (t.duration() != null && t.duration() > 0) {
            from = snap(nearestOnGrid(pto, t.duration(), from, scaled(from)), from, ts);
            long first = Math.floorDiv(from - pto, t.duration());
            return t.withWindow(offset(t, from), number(t, t.startNumberOrDefault() + first), null);
        }
        return t.withWindow(offset(t, from), t.startNumber(), t.timeline());
    }

    /** The SegmentBase of a part of a Period that starts {@code fromMicros} into it. */
    static SegmentBase window(SegmentBase b, long fromMicros) {
        if (fromMicros == 0) {
            return b;
        }
        long offset = b.presentationTimeOffsetOrDefault() + Ticks.fromMicros(fromMicros, b.timescaleOrDefault());
        return b.with(offset, b.initialization());
    }

    /** The longest segment of a template in microseconds (rounded up), or null when it cannot be told. */
    static Long maxSegmentMicros(SegmentTemplate t, long periodDurationMicros) {
        long ts = t.timescaleOrDefault();
        long longest;
        if (t.timeline() != null) {
            longest = runs(t, t.presentationTimeOffsetOrDefault() + Ticks.fromMicros(periodDurationMicros, ts))
                    .stream().filter(r -> r.count() > 0).mapToLong(Run::d).max().orElse(0);
        } else if (t.duration() != null) {
            longest = t.duration();
        } else {
            return null;
        }
        if (longest <= 0 || ts <= 0) {
            return null;
        }
        return Ticks.toMicrosRoundingUp(longest, ts);
    }

    /** Keeps the segments overlapping [from, to) as timeline entries; returns the first one's number. */
    private static long trim(List<Run> runs, long from, long to, List<TimelineEntry> out) {
        long firstNumber = 0;
        long previousEnd = Long.MIN_VALUE;
        long previousNumber = Long.MIN_VALUE;
        TimelineEntry current = null;
        for (Run run : runs) {
            long lo = from <= run.start() ? 0 : Math.floorDiv(from - run.start(), run.d());
            long hi = to <= run.start() ? 0 : ceilDiv(to - run.start(), run.d());
            lo = Math.max(0, Math.min(lo, run.count()));
            hi = Math.max(0, Math.min(hi, run.count()));
            if (hi <= lo) {
                continue;
            }
            long start = run.start() + lo * run.d();
            long number = run.number() + lo;
            long count = hi - lo;
            boolean contiguous = start == previousEnd;
            boolean numbered = number == previousNumber + 1;
            if (current == null) {
                firstNumber = number;
                current = new TimelineEntry(start, null, run.d(), count - 1, run.attributes());
            } else if (contiguous && numbered && run.d() == current.d()
                    && run.attributes().equals(current.otherAttributes())) {
                current = new TimelineEntry(current.t(), current.n(), current.d(), current.r() + count,
                        current.otherAttributes());
            } else {
                out.add(current);
                current = new TimelineEntry(contiguous ? null : start, numbered ? null : number, run.d(), count - 1,
                        run.attributes());
            }
            previousEnd = start + count * run.d();
            previousNumber = number + count - 1;
        }
        if (current != null) {
            out.add(current);
        }
        return firstNumber;
    }

    private static Long offset(SegmentTemplate t, long offset) {
        return t.presentationTimeOffset() == null && offset == 0 ? null : offset;
    }

    private static Long number(SegmentTemplate t, long number) {
        return t.startNumber() == null && number == 1 ? null : number;
    }

    /**
     * The boundary nearest to {@code target} (in millionths of a tick), looked for around
     * {@code x} (the target rounded to ticks), or null when there is none; on a tie the earlier one.
     */
    private static Long nearest(List<Run> runs, long x, BigInteger target) {
        long best = 0;
        boolean found = false;
        for (Run run : runs) {
            if (run.count() == 0) {
                continue;
            }
            long first;
            long last;
            if (x < run.start() - run.d()) { // only the run's first boundary can be the nearest
                first = 0;
                last = 0;
            } else if (x > run.end() + run.d()) { // only its last one
                first = run.count();
                last = run.count();
            } else {
                long i = Math.max(0, Math.min(Math.floorDiv(x - run.start(), run.d()), run.count()));
                first = Math.max(0, i - 1);
                last = Math.min(i + 2, run.count());
            }
            for (long j = first; j <= last; j++) {
                long b = run.start() + j * run.d();
                if (!found || closer(b, best, x, target)) {
                    best = b;
                    found = true;
                }
            }
        }
        return found ? best : null;
    }

    private static long nearestOnGrid(long origin, long d, long x, BigInteger target) {
        long lo = origin + Math.floorDiv(x - origin, d) * d;
        long best = lo - d;
        for (long b = lo; b <= lo + 2 * d; b += d) {
            best = closer(b, best, x, target) ? b : best;
        }
        return best;
    }

    /**
     * Whether {@code candidate} is nearer to {@code target} than {@code best}, or as near and
     * earlier. Compared in ticks from {@code x} when that tells (a difference over a tick),
     * exactly otherwise.
     */
    private static boolean closer(long candidate, long best, long x, BigInteger target) {
        long dc = Math.abs(candidate - x);
        long db = Math.abs(best - x);
        if (Math.abs(dc - db) > 1) {
            return dc < db;
        }
        int c = distance(candidate, target).compareTo(distance(best, target));
        return c < 0 || c == 0 && candidate < best;
    }

    private static BigInteger distance(long boundary, BigInteger target) {
        return BigInteger.valueOf(boundary).multiply(MILLION).subtract(target).abs();
    }

    private static BigInteger scaled(long ticks) {
        return BigInteger.valueOf(ticks).multiply(MILLION);
    }

    private static long snap(Long boundary, long x, long timescale) {
        return boundary != null && Ticks.withinMicrosecond(boundary, x, timescale) ? boundary : x;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
