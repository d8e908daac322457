package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/** Every EXT-X-STREAM-INF and EXT-X-I-FRAME-STREAM-INF has BANDWIDTH (RFC 8216 §4.3.4.2). */
final class BandwidthRule implements HlsRule {
    static final String ID = "bandwidth";

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
            if (stream != null && stream.bandwidth() == null) {
                out.add(HlsProblem.error(ID, source.lineOf(i), MasterEntries.tag(e) + " without the required"
                        + " BANDWIDTH (RFC 8216 §4.3.4.2)"));
            }
        }
        return out;
    }
}
