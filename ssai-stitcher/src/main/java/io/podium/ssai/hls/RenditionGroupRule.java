package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every AUDIO, VIDEO, SUBTITLES and CLOSED-CAPTIONS group a variant names exists as EXT-X-MEDIA
 * of that TYPE (RFC 8216 §4.3.4.2), and no group has more than one DEFAULT=YES (§4.3.4.1.1).
 */
final class RenditionGroupRule implements HlsRule {
    static final String ID = "rendition-group";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMaster(MasterPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        Map<String, Integer> defaults = new HashMap<>();
        for (int i = 0; i < p.entries().size(); i++) {
            MasterEntry e = p.entries().get(i);
            if (e instanceof Rendition) {
                Rendition r = (Rendition) e;
                if (Boolean.TRUE.equals(r.isDefault()) && r.type() != null && r.groupId() != null) {
                    String key = r.type().wire() + " group \"" + r.groupId() + "\"";
                    Integer first = defaults.putIfAbsent(key, source.lineOf(i));
                    if (first != null) {
                        out.add(HlsProblem.error(ID, source.lineOf(i), "second DEFAULT=YES in " + key + " (first on"
                                + " line " + first + "); at most one rendition of a group is the default"
                                + " (RFC 8216 §4.3.4.1.1)"));
                    }
                }
            }
            if (e instanceof Variant) {
                StreamInfo s = ((Variant) e).stream();
                int line = source.lineOf(i);
                missing(p, RenditionType.AUDIO, s.audio(), line, out);
                missing(p, RenditionType.VIDEO, s.video(), line, out);
                missing(p, RenditionType.SUBTITLES, s.subtitles(), line, out);
                if (!StreamInfo.NONE.equals(s.closedCaptions())) {
                    missing(p, RenditionType.CLOSED_CAPTIONS, s.closedCaptions(), line, out);
                }
            }
        }
        return out;
    }

    private static void missing(MasterPlaylist p, RenditionType type, String group, int line, List<HlsProblem> out) {
        if (group != null && p.renditions(type, group).isEmpty()) {
            out.add(HlsProblem.error(ID, line, "EXT-X-STREAM-INF names " + type.wire() + " group \"" + group
                    + "\", but no EXT-X-MEDIA of TYPE=" + type.wire() + " has that GROUP-ID (RFC 8216 §4.3.4.2)"));
        }
    }
}
