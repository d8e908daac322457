package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of a parsed playlist was written: the lines in order, each with its owner. Lets
 * the {@link HlsChecker} report problems by line, and check rules about position that the model,
 * which normalizes positions, cannot express. Immutable.
 */
public final class SourceIndex {
    /** The owner of playlist-wide tags and of lines before the first segment's tags. */
    public static final int HEADER = -1;

    private final List<SourceLine> lines;

    SourceIndex(List<SourceLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** All non-blank lines, in order. */
    public List<SourceLine> lines() {
        return lines;
    }

    /** The lines of one tag, in order. */
    public List<SourceLine> tagLines(String tag) {
        List<SourceLine> out = new ArrayList<>();
        for (SourceLine l : lines) {
            if (tag.equals(l.tag())) {
                out.add(l);
            }
        }
        return out;
    }

    /** The line of the first occurrence of {@code tag}, or 0 when it does not occur. */
    public int firstLine(String tag) {
        for (SourceLine l : lines) {
            if (tag.equals(l.tag())) {
                return l.number();
            }
        }
        return 0;
    }

    /** The line of {@code tag} among the lines of {@code owner}, or 0 when it has none. */
    public int line(int owner, String tag) {
        for (SourceLine l : lines) {
            if (l.owner() == owner && tag.equals(l.tag())) {
                return l.number();
            }
        }
        return 0;
    }

    /** The lines of {@code tag} among the lines of {@code owner}, in order. */
    public List<SourceLine> lines(int owner, String tag) {
        List<SourceLine> out = new ArrayList<>();
        for (SourceLine l : lines) {
            if (l.owner() == owner && tag.equals(l.tag())) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The line that stands for {@code owner}: a media segment's EXTINF, a master entry's tag (its
     * first line); 0 when the owner has no line.
     */
    public int lineOf(int owner) {
        int extinf = line(owner, HlsTags.EXTINF);
        if (extinf > 0) {
            return extinf;
        }
        for (SourceLine l : lines) {
            if (l.owner() == owner) {
                return l.number();
            }
        }
        return 0;
    }

    /** The number of the first line (that of {@code #EXTM3U}), or 1 for an empty index. */
    public int firstLine() {
        return lines.isEmpty() ? 1 : lines.get(0).number();
    }
}
