package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks playlists against the rules of RFC 8216 and reports problems with line numbers, for the
 * stitcher's tests and for a command-line checker. Runs a list of small {@link HlsRule}s; see
 * {@link #standardRules()}.
 *
 * <p>Immutable and thread-safe if its rules are (the standard ones are).
 */
public final class HlsChecker {
    /** The rule id of a problem that stopped parsing. */
    public static final String SYNTAX = "syntax";

    private static final Comparator<HlsProblem> ORDER = Comparator.comparingInt(HlsProblem::line)
            .thenComparing(HlsProblem::severity).thenComparing(HlsProblem::rule);

    private final HlsParser parser;
    private final HlsWriter writer = new HlsWriter();
    private final List<HlsRule> rules;

    /** A checker with the default parser and the {@link #standardRules() standard rules}. */
    public HlsChecker() {
        this(new HlsParser(), standardRules());
    }

    /**
     * @param parser the parser for {@link #check(String)}, with its size cap
     * @param rules the rules to run, in order
     */
    public HlsChecker(HlsParser parser, List<HlsRule> rules) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.rules = List.copyOf(rules);
    }

    /** Every rule this package defines. */
    public static List<HlsRule> standardRules() {
        return List.of(new TargetDurationRule(), new VersionRule(), new SequenceNumberRule(), new TagPositionRule(),
                new DuplicateTagRule(), new InitSectionRule(), new ByteRangeRule(), new EndListRule(), new KeyRule(),
                new DateRangeRule(), new BandwidthRule(), new CodecsRule(), new RenditionRule(),
                new RenditionGroupRule(), new StrayLineRule());
    }

    /**
     * Checks playlist text. A text that cannot be parsed gives a single ERROR of rule
     * {@link #SYNTAX} on the line the parser stopped at (line 0 when the whole input is refused).
     *
     * @return the problems, ordered by line; empty when there are none
     */
    public List<HlsProblem> check(String text) {
        try {
            return check(parser.parseWithSource(text));
        } catch (HlsParseException e) {
            return List.of(HlsProblem.error(SYNTAX, e.line(), e.reason()));
        }
    }

    /**
     * Checks a model, such as the stitcher's output. Line numbers refer to the model as
     * {@link HlsWriter} writes it.
     */
    public List<HlsProblem> check(Playlist playlist) {
        return check(writer.write(playlist));
    }

    /** Checks a parsed playlist; line numbers refer to its source. */
    public List<HlsProblem> check(SourcedPlaylist sourced) {
        List<HlsProblem> out = new ArrayList<>();
        for (HlsRule rule : rules) {
            if (sourced.playlist() instanceof MediaPlaylist) {
                out.addAll(rule.checkMedia((MediaPlaylist) sourced.playlist(), sourced.source()));
            } else {
                out.addAll(rule.checkMaster((MasterPlaylist) sourced.playlist(), sourced.source()));
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** Whether any of the problems is an ERROR. */
    public static boolean hasErrors(List<HlsProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == HlsProblem.Severity.ERROR);
    }
}
