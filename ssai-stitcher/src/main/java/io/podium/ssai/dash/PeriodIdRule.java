package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Period ids: unique in the MPD (ISO/IEC 23009-1 5.3.2), and present on every Period of a
 * multi-period MPD (DASH-IF IOP, so that players can tell Periods apart).
 */
final class PeriodIdRule implements MpdRule {
    @Override
    public String id() {
        return "period-ids";
    }

    @Override
    public List<MpdProblem> check(Mpd mpd, MpdLines lines) {
        List<MpdProblem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mpd.periods().size(); i++) {
            Period p = mpd.periods().get(i);
            int line = lines.lineOf(p);
            if (p.id() == null) {
                if (mpd.periods().size() > 1) {
                    out.add(MpdProblem.warning(id(), line, "Period " + i + " has no id in a multi-period MPD"));
                }
            } else if (!seen.add(p.id())) {
                out.add(MpdProblem.error(id(), line, "Period id \"" + p.id() + "\" is used twice"));
            }
        }
        return out;
    }
}
