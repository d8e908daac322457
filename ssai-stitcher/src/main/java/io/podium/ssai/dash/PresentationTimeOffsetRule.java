package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Presentation time offsets: not negative, and, with a SegmentTimeline, consistent with the
 * Period's segments: the first segment holds the offset (it starts at or before it and ends after
 * it, or the Period would start in a gap or with a segment it does not play), and the last one
 * ends no earlier than the Period does (a warning; a tick and a microsecond of slack for
 * rounding).
 */
final class PresentationTimeOffsetRule implements MpdRule {
    @Override
    public String id() {
        return "presentation-time-offset";
    }

    @Override
    public List<MpdProblem> check(Mpd mpd, MpdLines lines) {
        Set<MpdProblem> out = new LinkedHashSet<>();
        for (RepresentationView v : RepresentationView.all(mpd, lines)) {
            String where = "Representation \"" + v.rep().id() + "\"";
            SegmentBase base = v.rep().segmentBase();
            if (base != null && base.presentationTimeOffsetOrDefault() < 0) {
                out.add(MpdProblem.error(id(), lines.lineOf(base), where + ": negative presentationTimeOffset"));
            }
            SegmentTemplate t = v.template();
            if (t == null) {
                continue;
            }
            long pto = t.presentationTimeOffsetOrDefault();
            if (pto < 0) {
                out.add(MpdProblem.error(id(), v.templateLine(), where + ": negative presentationTimeOffset"));
                continue;
            }
            if (t.timeline() == null || t.timescaleOrDefault() <= 0) {
                continue;
            }
            Long duration = v.span().durationMicros();
            long ts = t.timescaleOrDefault();
            long periodEnd = pto + (duration == null ? 0 : Ticks.fromMicros(duration, ts));
            List<SegmentWindow.Run> runs = SegmentWindow.runs(t, periodEnd).stream()
                    .filter(r -> r.count() > 0).toList();
            if (runs.isEmpty()) {
                continue;
            }
            SegmentWindow.Run first = runs.get(0);
            if (first.start() > pto) {
                out.add(MpdProblem.error(id(), v.templateLine(), where + ": the first segment starts at " + first.start()
                        + ", after presentationTimeOffset " + pto + ": the Period starts in a gap of "
                        + (first.start() - pto) + " ticks"));
            } else if (first.start() + first.d() <= pto) {
                out.add(MpdProblem.error(id(), v.templateLine(), where + ": the first segment ends at "
                        + (first.start() + first.d()) + ", not after presentationTimeOffset " + pto));
            }
            long lastEnd = runs.get(runs.size() - 1).end();
            if (duration != null && periodEnd - lastEnd > 1 + ts / Ticks.MICROS_PER_SECOND) {
                out.add(MpdProblem.warning(id(), v.templateLine(), where + ": the segments end at " + lastEnd
                        + ", " + (periodEnd - lastEnd) + " ticks before the Period does"));
            }
        }
        for (Period p : mpd.periods()) {
            for (EventStream s : p.eventStreams()) {
                if (s.presentationTimeOffsetOrDefault() < 0) {
                    out.add(MpdProblem.error(id(), lines.lineOf(s), "EventStream " + s.schemeIdUri()
                            + ": negative presentationTimeOffset"));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
