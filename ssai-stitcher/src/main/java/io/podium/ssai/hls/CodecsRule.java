package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * Every EXT-X-STREAM-INF and EXT-X-I-FRAME-STREAM-INF should have CODECS, so that players can
 * skip variants they cannot decode (RFC 8216 §4.3.4.2: SHOULD, hence a warning).
 */
final class CodecsRule implements HlsRule {
    static final String ID = "codecs";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMaster(MasterPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        for (int i = 0; i < p.entries().size(); i++) {
            MasterEntry e = p.entries().get(i);
            StreamInfo stream = MasterEntries.stream(e);
            if (stream != null && stream.codecs() == null) {
                out.add(HlsProblem.warning(ID, source.lineOf(i), MasterEntries.tag(e) + " without CODECS; every"
                        + " variant should list its codecs (RFC 8216 §4.3.4.2)"));
            }
        }
        return out;
    }
}
