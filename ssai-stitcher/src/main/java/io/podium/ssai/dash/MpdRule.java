package io.podium.ssai.dash;

import java.util.List;

/**
 * One check of the {@link MpdChecker}. Implementations are stateless and thread-safe.
 */
public interface MpdRule {
    /** A short stable id, such as {@code period-timing}, used in problems. */
    String id();

    /**
     * The problems of an MPD.
     *
     * @param lines where its elements are in the checked text, for the problems' lines
     */
    List<MpdProblem> check(Mpd mpd, MpdLines lines);
}
