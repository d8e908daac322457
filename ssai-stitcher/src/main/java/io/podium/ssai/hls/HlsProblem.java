package io.podium.ssai.hls;

import java.util.Objects;

/**
 * A problem the {@link HlsChecker} found.
 *
 * @param severity ERROR when RFC 8216 forbids it (a MUST), WARNING when it advises against it or
 *     when the check is a heuristic
 * @param rule the id of the rule that found it, such as {@code target-duration}
 * @param line the 1-based line it concerns
 * @param message what is wrong, naming the tag and the RFC section
 */
public record HlsProblem(Severity severity, String rule, int line, String message) {
    /** How serious a problem is. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public HlsProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    static HlsProblem error(String rule, int line, String message) {
        return new HlsProblem(Severity.ERROR, rule, line, message);
    }

    static HlsProblem warning(String rule, int line, String message) {
        return new HlsProblem(Severity.WARNING, rule, line, message);
    }

    /** {@code line 12: ERROR target-duration: ...}. */
    @Override
    public String toString() {
        return "line " + line + ": " + severity + " " + rule + ": " + message;
    }
}
