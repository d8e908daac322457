package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ids within a Period: AdaptationSet ids and Representation ids unique (ISO/IEC 23009-1 5.3.3
 * and 5.3.5); AdaptationSet ids present in a multi-period MPD (a warning: players match tracks
 * across Periods by them, DASH-IF IOP).
 */
final class AdaptationSetIdRule implements MpdRule {
    @Override
    public String id() {
        return "adaptation-set-ids";
    }

    @Override
    public List<MpdProblem> check(Mpd mpd, MpdLines lines) {
        List<MpdProblem> out = new ArrayList<>();
        for (Period p : mpd.periods()) {
            String period = "Period " + (p.id() == null ? "" : "\"" + p.id() + "\" ");
            Set<Long> sets = new HashSet<>();
            Set<String> reps = new HashSet<>();
            for (AdaptationSet a : p.adaptationSets()) {
                int line = lines.lineOf(a);
                if (a.id() == null) {
                    if (mpd.periods().size() > 1) {
                        out.add(MpdProblem.warning(id(), line, period + "has an AdaptationSet without id"));
                    }
                } else if (!sets.add(a.id())) {
                    out.add(MpdProblem.error(id(), line, period + "has two AdaptationSets with id " + a.id()));
                }
                for (Representation r : a.representations()) {
                    if (!reps.add(r.id())) {
                        out.add(MpdProblem.error(id(), lines.lineOf(r), period + "has two Representations with id \""
                                + r.id() + "\""));
                    }
                }
            }
        }
        return out;
    }
}
