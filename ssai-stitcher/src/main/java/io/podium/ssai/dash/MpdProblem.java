package io.podium.ssai.dash;

import java.util.Objects;

/**
 * A problem the {@link MpdChecker} found.
 *
 * @param severity ERROR when ISO/IEC 23009-1 (or the DASH-IF guidelines it names) forbids it or a
 *     player cannot play it as meant, WARNING when it is advised against
 * @param rule the id of the rule that found it, such as {@code period-timing}
 * @param line the 1-based line of the element it concerns, 0 when not known
 * @param message what is wrong, naming the element
 */
public record MpdProblem(Severity severity, String rule, int line, String message) {
    /** How serious a problem is. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public MpdProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    static MpdProblem error(String rule, int line, String message) {
        return new MpdProblem(Severity.ERROR, rule, line, message);
    }

    static MpdProblem warning(String rule, int line, String message) {
        return new MpdProblem(Severity.WARNING, rule, line, message);
    }

    /** {@code line 12: ERROR period-timing: ...}. */
    @Override
    public String toString() {
        return "line " + line + ": " + severity + " " + rule + ": " + message;
    }
}
