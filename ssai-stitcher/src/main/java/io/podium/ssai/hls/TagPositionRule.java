package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * EXT-X-MEDIA-SEQUENCE and EXT-X-DISCONTINUITY-SEQUENCE appear before the first media segment, and
 * EXT-X-DISCONTINUITY-SEQUENCE before any EXT-X-DISCONTINUITY (RFC 8216 §4.3.3.2, §4.3.3.3).
 */
final class TagPositionRule implements HlsRule {
    static final String ID = "tag-position";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        int firstSegment = firstSegmentLine(source);
        int firstDiscontinuity = source.firstLine(HlsTags.DISCONTINUITY);
        for (String tag : List.of(HlsTags.MEDIA_SEQUENCE, HlsTags.DISCONTINUITY_SEQUENCE)) {
            for (SourceLine line : source.tagLines(tag)) {
                if (firstSegment > 0 && line.number() > firstSegment) {
                    out.add(HlsProblem.error(ID, line.number(), tag + " must appear before the first media segment,"
                            + " which starts on line " + firstSegment + " (RFC 8216 §4.3.3)"));
                } else if (tag.equals(HlsTags.DISCONTINUITY_SEQUENCE) && firstDiscontinuity > 0
                        && line.number() > firstDiscontinuity) {
                    out.add(HlsProblem.error(ID, line.number(), tag + " must appear before any EXT-X-DISCONTINUITY,"
                            + " the first of which is on line " + firstDiscontinuity + " (RFC 8216 §4.3.3.3)"));
                }
            }
        }
        return out;
    }

    /** The first line of the first segment's tags, or 0 when there is no segment. */
    private static int firstSegmentLine(SourceIndex source) {
        for (SourceLine line : source.lines()) {
            if (line.owner() == 0) {
                return line.number();
            }
        }
        return 0;
    }
}
