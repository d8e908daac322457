package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.List;

/**
 * Period timing of a static MPD: every Period's start and duration can be told, each Period
 * starts where the previous one ends (no gap, no overlap), the first at 0 (a warning), and the
 * durations add up to {@code mediaPresentationDuration} when it is given.
 */
final class PeriodTimingRule implements MpdRule {
    @Override
    public String id() {
        return "period-timing";
    }

    @Override
    public List<MpdProblem> check(Mpd mpd, MpdLines lines) {
        List<MpdProblem> out = new ArrayList<>();
        if (!mpd.isStatic()) {
            return out;
        }
        List<PeriodTimeline.Span> spans = PeriodTimeline.of(mpd);
        long sum = 0;
        boolean known = true;
        Long previousEnd = null;
        for (int i = 0; i < spans.size(); i++) {
            PeriodTimeline.Span s = spans.get(i);
            Period p = mpd.periods().get(i);
            int line = lines.lineOf(p);
            String name = "Period " + (p.id() == null ? "#" + i : "\"" + p.id() + "\"");
            if (i == 0 && s.startMicros() != null && s.startMicros() != 0) {
                out.add(MpdProblem.warning(id(), line, name + " is the first but starts at "
                        + XsDuration.format(s.startMicros())));
            }
            if (s.startMicros() == null) {
                out.add(MpdProblem.error(id(), line, name + " has a start that cannot be told"));
            } else if (previousEnd != null && !previousEnd.equals(s.startMicros())) {
                long gap = s.startMicros() - previousEnd;
                out.add(MpdProblem.error(id(), line, name + " starts at " + XsDuration.format(s.startMicros())
                        + ", " + (gap > 0 ? "a gap of " + XsDuration.format(gap) + " after"
                                : "overlapping by " + XsDuration.format(-gap))
                        + " the end of the previous Period (" + XsDuration.format(previousEnd) + ")"));
            }
            if (s.durationMicros() == null) {
                known = false;
                out.add(MpdProblem.error(id(), line, name + " has a duration that cannot be told"
                        + (i + 1 == spans.size() ? " (no duration, no mediaPresentationDuration)" : "")));
            } else if (s.durationMicros() < 0) {
                known = false;
                out.add(MpdProblem.error(id(), line, name + " has a negative duration"));
            } else {
                sum += s.durationMicros();
            }
            previousEnd = s.endMicros();
        }
        Long total = mpd.mediaPresentationDurationMicros();
        if (known && total != null && total != sum) {
            out.add(MpdProblem.error(id(), lines.lineOf(mpd), "the Periods last " + XsDuration.format(sum)
                    + " in all but mediaPresentationDuration is " + XsDuration.format(total)));
        }
        return out;
    }
}
