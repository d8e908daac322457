package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * Playlist-wide tags appear at most once (RFC 8216 §4.3.1.2, §4.3.3, §4.3.5). The parser keeps
 * the last; each repeat is reported on its line.
 */
final class DuplicateTagRule implements HlsRule {
    static final String ID = "duplicate-tag";
    private static final List<String> MEDIA = List.of(HlsTags.VERSION, HlsTags.TARGETDURATION,
            HlsTags.MEDIA_SEQUENCE, HlsTags.DISCONTINUITY_SEQUENCE, HlsTags.PLAYLIST_TYPE, HlsTags.ENDLIST,
            HlsTags.I_FRAMES_ONLY, HlsTags.INDEPENDENT_SEGMENTS, HlsTags.START);
    private static final List<String> MASTER = List.of(HlsTags.VERSION, HlsTags.INDEPENDENT_SEGMENTS,
            HlsTags.START);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        return repeats(MEDIA, source);
    }

    @Override
    public List<HlsProblem> checkMaster(MasterPlaylist p, SourceIndex source) {
        return repeats(MASTER, source);
    }

    private static List<HlsProblem> repeats(List<String> tags, SourceIndex source) {
        List<HlsProblem> out = new ArrayList<>();
        for (String tag : tags) {
            List<SourceLine> lines = source.tagLines(tag);
            for (SourceLine repeat : lines.subList(Math.min(1, lines.size()), lines.size())) {
                out.add(HlsProblem.error(ID, repeat.number(), tag + " appears again (first on line "
                        + lines.get(0).number() + "); a playlist must not repeat it (RFC 8216 §4.3)"));
            }
        }
        return out;
    }
}
