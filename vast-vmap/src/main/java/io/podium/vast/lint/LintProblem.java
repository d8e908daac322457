package io.podium.vast.lint;

/**
 * One problem found in a VAST document.
 *
 * @param line where it was found, 0 when not known
 * @param rule what was broken: {@code xml} (not well-formed or refused), {@code version} (no
 *     or unknown VAST version), {@code schema} (the IAB schema of the declared version)
 * @param message what is wrong
 */
public record LintProblem(int line, String rule, String message) {
    @Override
    public String toString() {
        return line + ": " + rule + ": " + message;
    }
}
