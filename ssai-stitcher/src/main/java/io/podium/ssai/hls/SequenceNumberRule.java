package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * EXT-X-MEDIA-SEQUENCE and EXT-X-DISCONTINUITY-SEQUENCE are decimal-integers, so not negative
 * (RFC 8216 §4.3.3.2, §4.3.3.3).
 */
final class SequenceNumberRule implements HlsRule {
    static final String ID = "sequence-number";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        if (p.mediaSequence() != null && p.mediaSequence() < 0) {
            out.add(HlsProblem.error(ID, source.firstLine(HlsTags.MEDIA_SEQUENCE), "EXT-X-MEDIA-SEQUENCE "
                    + p.mediaSequence() + " is negative (RFC 8216 §4.3.3.2)"));
        }
        if (p.discontinuitySequence() != null && p.discontinuitySequence() < 0) {
            out.add(HlsProblem.error(ID, source.firstLine(HlsTags.DISCONTINUITY_SEQUENCE),
                    "EXT-X-DISCONTINUITY-SEQUENCE " + p.discontinuitySequence() + " is negative (RFC 8216 §4.3.3.3)"));
        }
        return out;
    }
}
