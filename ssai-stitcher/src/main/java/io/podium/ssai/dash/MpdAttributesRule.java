package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.List;

/**
 * The MPD element: profiles and minBufferTime are required by the schema; the checker's timing
 * rules are for static MPDs (a dynamic one gets a warning, and no timing checks).
 */
final class MpdAttributesRule implements MpdRule {
    @Override
    public String id() {
        return "mpd-attributes";
    }

    @Override
    public List<MpdProblem> check(Mpd mpd, MpdLines lines) {
        List<MpdProblem> out = new ArrayList<>();
        int line = lines.lineOf(mpd);
        if (mpd.profiles() == null || mpd.profiles().isBlank()) {
            out.add(MpdProblem.error(id(), line, "MPD has no profiles"));
        }
        if (mpd.minBufferTimeMicros() == null) {
            out.add(MpdProblem.error(id(), line, "MPD has no minBufferTime"));
        }
        if (!mpd.isStatic()) {
            out.add(MpdProblem.warning(id(), line, "MPD is " + mpd.type() + "; Period timing is checked for static MPDs only"));
        }
        if (mpd.periods().isEmpty()) {
            out.add(MpdProblem.error(id(), line, "MPD has no Period"));
        }
        return out;
    }
}
