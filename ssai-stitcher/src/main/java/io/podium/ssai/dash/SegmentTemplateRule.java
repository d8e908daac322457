package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every SegmentTemplate in force for a Representation can be resolved to segments
 * (ISO/IEC 23009-1 5.3.9.4): a positive timescale; a media template using only the identifiers
 * of the standard ({@code $Time$} only with a timeline); segment durations from either
 * {@code @duration} or a SegmentTimeline (both: a warning, the timeline wins); timeline entries
 * with positive durations that do not go back in time (a gap is a warning), and an S@r of -1
 * only where its end can be told.
 */
final class SegmentTemplateRule implements MpdRule {
    private static final Pattern IDENTIFIER = Pattern.compile("\\$([^$]*)\\$");
    private static final Pattern VALID = Pattern.compile("|RepresentationID|(Number|Bandwidth|Time|SubNumber)(%0\\d+[dxXo])?");

    @Override
    public String id() {
        return "segment-template";
    }

    @Override
    public List<MpdProblem> check(Mpd mpd, MpdLines lines) {
        Set<MpdProblem> out = new LinkedHashSet<>();
        for (RepresentationView v : RepresentationView.all(mpd, lines)) {
            SegmentTemplate t = v.template();
            if (t == null) {
                continue;
            }
            String where = "the SegmentTemplate of Representation \"" + v.rep().id() + "\"";
            int line = v.templateLine();
            if (t.timescale() != null && t.timescale() <= 0) {
                out.add(MpdProblem.error(id(), line, where + " has timescale 0"));
            }
            if (t.media() == null) {
                out.add(MpdProblem.error(id(), line, where + " has no media template"));
            } else {
                Matcher m = IDENTIFIER.matcher(t.media());
                while (m.find()) {
                    if (!VALID.matcher(m.group(1)).matches()) {
                        out.add(MpdProblem.error(id(), line, where + " uses an unknown identifier " + m.group()));
                    } else if (m.group(1).startsWith("Time") && t.timeline() == null) {
                        out.add(MpdProblem.error(id(), line, where + " uses $Time$ without a SegmentTimeline"));
                    }
                }
            }
            boolean hasDuration = t.duration() != null;
            if (t.timeline() == null && !hasDuration) {
                out.add(MpdProblem.error(id(), line, where + " has neither @duration nor a SegmentTimeline"));
            } else if (t.timeline() != null && hasDuration) {
                out.add(MpdProblem.warning(id(), line, where + " has both @duration and a SegmentTimeline"));
            }
            if (t.timeline() == null && hasDuration && t.duration() == 0) {
                out.add(MpdProblem.error(id(), line, where + " has duration 0"));
            }
            if (t.timeline() != null) {
                timeline(t.timeline(), where, line, lines, out);
            }
        }
        return new ArrayList<>(out);
    }

    private void timeline(List<TimelineEntry> entries, String where, int line, MpdLines lines, Set<MpdProblem> out) {
        if (entries.isEmpty()) {
            out.add(MpdProblem.error(id(), line, where + " has an empty SegmentTimeline"));
            return;
        }
        Long end = null;
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry s = entries.get(i);
            int at = lines.lineOf(s) > 0 ? lines.lineOf(s) : line;
            if (s.d() <= 0) {
                out.add(MpdProblem.error(id(), at, where + ": S " + i + " has duration 0"));
                return;
            }
            long start = s.t() != null ? s.t() : end == null ? 0 : end;
            if (end != null && start < end) {
                out.add(MpdProblem.error(id(), at, where + ": S " + i + " starts at " + start
                        + ", before the previous segment ends (" + end + ")"));
            } else if (end != null && start > end) {
                out.add(MpdProblem.warning(id(), at, where + ": S " + i + " leaves a gap of " + (start - end)
                        + " ticks"));
            }
            if (s.r() < 0) {
                boolean last = i + 1 == entries.size();
                if (!last && entries.get(i + 1).t() == null) {
                    out.add(MpdProblem.error(id(), at, where + ": S " + i
                            + " repeats until the next S, which has no t"));
                }
                end = last ? null : entries.get(i + 1).t();
                if (last) {
                    return;
                }
                continue;
            }
            end = start + s.d() * (s.r() + 1);
        }
    }
}
