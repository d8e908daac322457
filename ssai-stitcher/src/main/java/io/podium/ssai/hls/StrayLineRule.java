package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * A master playlist has no line that is neither a tag nor a comment, other than the URI after an
 * EXT-X-STREAM-INF (RFC 8216 §4.3.4.2). The parser keeps such lines so that this rule can
 * report them.
 */
final class StrayLineRule implements HlsRule {
    static final String ID = "stray-line";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMaster(MasterPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        for (int i = 0; i < p.entries().size(); i++) {
            if (p.entries().get(i) instanceof PassthroughLine && ((PassthroughLine) p.entries().get(i)).isStray()) {
                out.add(HlsProblem.error(ID, source.lineOf(i), "line '" + ((PassthroughLine) p.entries().get(i)).text()
                        + "' is neither a tag, a comment, nor the URI after an EXT-X-STREAM-INF (RFC 8216 §4.3.4.2)"));
            }
        }
        return out;
    }
}
