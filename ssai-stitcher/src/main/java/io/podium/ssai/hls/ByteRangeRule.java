package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * An EXT-X-BYTERANGE without an offset follows a segment that is a byte range of the same
 * resource, since its range starts where that one ends (RFC 8216 §4.3.2.2).
 */
final class ByteRangeRule implements HlsRule {
    static final String ID = "byte-range";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        for (int i = 0; i < p.segments().size(); i++) {
            MediaSegment s = p.segments().get(i);
            if (s.byteRange() == null || s.byteRange().offset() != null) {
                continue;
            }
            String why = null;
            if (i == 0) {
                why = "the first segment";
            } else if (p.segments().get(i - 1).byteRange() == null) {
                why = "the previous segment is not a byte range";
            } else if (!p.segments().get(i - 1).uri().equals(s.uri())) {
                why = "the previous segment is a range of another resource (" + p.segments().get(i - 1).uri() + ")";
            }
            if (why != null) {
                int line = source.line(i, HlsTags.BYTERANGE);
                out.add(HlsProblem.error(ID, line > 0 ? line : source.lineOf(i), "EXT-X-BYTERANGE:" + s.byteRange()
                        + " has no offset, but " + why + " (RFC 8216 §4.3.2.2)"));
            }
        }
        return out;
    }
}
