package io.podium.vast.vmap;

/**
 * One problem found in a VMAP document by {@link VmapSchema}.
 *
 * @param line where it was found, 0 when not known
 * @param rule what was broken: {@code xml} (refused by {@code SafeXml} or not well-formed) or
 *     {@code schema} (the VMAP 1.0 schema)
 * @param message what is wrong
 */
public record VmapProblem(int line, String rule, String message) {
    @Override
    public String toString() {
        return line + ": " + rule + ": " + message;
    }
}
