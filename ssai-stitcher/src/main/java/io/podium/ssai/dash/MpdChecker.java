package io.podium.ssai.dash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks static MPDs against rules of ISO/IEC 23009-1 and the DASH-IF guidelines that a stitched
 * MPD must keep, and reports problems with severities and line numbers; see
 * {@link #standardRules()}. Used by the stitcher's tests and by a command-line checker.
 *
 * <p>Immutable and thread-safe if its rules are (the standard ones are).
 */
public final class MpdChecker {
    /** The rule id of a problem that stopped parsing. */
    public static final String SYNTAX = "syntax";

    private static final Comparator<MpdProblem> ORDER = Comparator.comparingInt(MpdProblem::line)
            .thenComparing(MpdProblem::severity).thenComparing(MpdProblem::rule);

    private final MpdParser parser;
    private final MpdWriter writer = new MpdWriter();
    private final List<MpdRule> rules;

    /** A checker with the default parser and the {@link #standardRules() standard rules}. */
    public MpdChecker() {
        this(new MpdParser(), standardRules());
    }

    /**
     * @param parser the parser for text, with its size cap
     * @param rules the rules to run, in order
     */
    public MpdChecker(MpdParser parser, List<MpdRule> rules) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.rules = List.copyOf(rules);
    }

    /**
     * Every rule of this package: {@code mpd-attributes}, {@code period-ids}, {@code period-timing},
     * {@code adaptation-set-ids}, {@code segment-template}, {@code presentation-time-offset}.
     */
    public static List<MpdRule> standardRules() {
        return List.of(new MpdAttributesRule(), new PeriodIdRule(), new PeriodTimingRule(), new AdaptationSetIdRule(),
                new SegmentTemplateRule(), new PresentationTimeOffsetRule());
    }

    /**
     * Checks MPD text. A text that cannot be parsed gives a single ERROR of rule {@link #SYNTAX}
     * on the line the parser stopped at (0 when the whole document is refused).
     *
     * @return the problems, ordered by line; empty when there are none
     */
    public List<MpdProblem> check(byte[] document) {
        try {
            ParsedMpd parsed = parser.parseWithLines(document);
            return run(parsed.mpd(), parsed.lines());
        } catch (MpdParseException e) {
            return List.of(MpdProblem.error(SYNTAX, e.line(), e.reason()));
        }
    }

    /** Checks MPD text; see {@link #check(byte[])}. */
    public List<MpdProblem> check(String document) {
        return check(document.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks a model, such as the stitcher's output; lines refer to it as {@link MpdWriter} writes it. */
    public List<MpdProblem> check(Mpd mpd) {
        return check(writer.writeBytes(mpd));
    }

    /** Whether any problem is an ERROR. */
    public static boolean hasErrors(List<MpdProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == MpdProblem.Severity.ERROR);
    }

    private List<MpdProblem> run(Mpd mpd, MpdLines lines) {
        List<MpdProblem> out = new ArrayList<>();
        for (MpdRule rule : rules) {
            try {
                out.addAll(rule.check(mpd, lines));
            } catch (ArithmeticException e) {
                out.add(MpdProblem.error(rule.id(), lines.lineOf(mpd), "values too large to compute with: "
                        + e.getMessage()));
            }
        }
        out.sort(ORDER);
        return out;
    }
}
