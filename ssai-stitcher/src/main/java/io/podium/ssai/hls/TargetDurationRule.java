package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * EXT-X-TARGETDURATION is present and not negative, and every EXTINF duration, rounded to the
 * nearest integer, is at most the target (RFC 8216 §4.3.3.1).
 */
final class TargetDurationRule implements HlsRule {
    static final String ID = "target-duration";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        Long target = p.targetDuration();
        if (target == null) {
            out.add(HlsProblem.error(ID, source.firstLine(), "missing EXT-X-TARGETDURATION, which every media"
                    + " playlist must have (RFC 8216 §4.3.3.1)"));
            return out;
        }
        if (target < 0) {
            out.add(HlsProblem.error(ID, source.firstLine(HlsTags.TARGETDURATION), "EXT-X-TARGETDURATION " + target
                    + " is negative (RFC 8216 §4.3.3.1)"));
            return out;
        }
        for (int i = 0; i < p.segments().size(); i++) {
            DecimalSeconds d = p.segments().get(i).duration();
            if (d.roundedSeconds() > target) {
                out.add(HlsProblem.error(ID, source.lineOf(i), "EXTINF duration " + d.text() + " rounds to "
                        + d.roundedSeconds() + " s, above EXT-X-TARGETDURATION " + target + " (RFC 8216 §4.3.3.1)"));
            }
        }
        return out;
    }
}
