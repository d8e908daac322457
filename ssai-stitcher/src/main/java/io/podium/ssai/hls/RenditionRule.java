package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * Each EXT-X-MEDIA has TYPE, GROUP-ID and NAME; SUBTITLES have a URI; CLOSED-CAPTIONS have an
 * INSTREAM-ID and no URI; only SUBTITLES have FORCED; DEFAULT=YES is not AUTOSELECT=NO
 * (RFC 8216 §4.3.4.1).
 */
final class RenditionRule implements HlsRule {
    static final String ID = "rendition";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMaster(MasterPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        for (int i = 0; i < p.entries().size(); i++) {
            if (p.entries().get(i) instanceof Rendition) {
                check((Rendition) p.entries().get(i), source.lineOf(i), out);
            }
        }
        return out;
    }

    private static void check(Rendition r, int line, List<HlsProblem> out) {
        if (r.type() == null) {
            out.add(error(line, "EXT-X-MEDIA without the required TYPE"));
        }
        if (r.groupId() == null) {
            out.add(error(line, "EXT-X-MEDIA without the required GROUP-ID"));
        }
        if (r.name() == null) {
            out.add(error(line, "EXT-X-MEDIA without the required NAME"));
        }
        if (r.type() == RenditionType.SUBTITLES && r.uri() == null) {
            out.add(error(line, "EXT-X-MEDIA TYPE=SUBTITLES must have a URI"));
        }
        if (r.type() == RenditionType.CLOSED_CAPTIONS) {
            if (r.uri() != null) {
                out.add(error(line, "EXT-X-MEDIA TYPE=CLOSED-CAPTIONS must not have a URI"));
            }
            if (r.instreamId() == null) {
                out.add(error(line, "EXT-X-MEDIA TYPE=CLOSED-CAPTIONS must have an INSTREAM-ID"));
            }
        }
        if (r.forced() != null && r.type() != RenditionType.SUBTITLES) {
            out.add(error(line, "EXT-X-MEDIA FORCED is only for TYPE=SUBTITLES"));
        }
        if (Boolean.TRUE.equals(r.isDefault()) && Boolean.FALSE.equals(r.autoselect())) {
            out.add(error(line, "EXT-X-MEDIA with DEFAULT=YES must not have AUTOSELECT=NO"));
        }
    }

    private static HlsProblem error(int line, String message) {
        return HlsProblem.error(ID, line, message + " (RFC 8216 §4.3.4.1)");
    }
}
