package io.podium.ssai.hls;

import java.util.List;

/**
 * One check of the {@link HlsChecker}. A rule looks at the model, and at the source lines for
 * line numbers and for what the model normalizes away (tag positions, repeated tags, the tags as
 * written). Implementations are stateless and thread-safe.
 */
public interface HlsRule {
    /** A short stable id, such as {@code target-duration}, used in problems and to select rules. */
    String id();

    /** The problems of a media playlist; none by default. */
    default List<HlsProblem> checkMedia(MediaPlaylist playlist, SourceIndex source) {
        return List.of();
    }

    /** The problems of a master playlist; none by default. */
    default List<HlsProblem> checkMaster(MasterPlaylist playlist, SourceIndex source) {
        return List.of();
    }
}
