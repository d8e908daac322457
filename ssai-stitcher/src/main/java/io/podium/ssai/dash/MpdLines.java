package io.podium.ssai.dash;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where the elements of a parsed MPD are in its text: the line of the start tag of the element
 * each model node (the very instance the parser made: an Mpd, Period, AdaptationSet,
 * Representation, SegmentTemplate, SegmentBase, EventStream or TimelineEntry) was read from.
 * Not thread-safe while the parser fills it; read-only afterwards.
 */
public final class MpdLines {
    private final Map<Object, Integer> lines = new IdentityHashMap<>();

    void put(Object node, int line) {
        lines.put(node, line);
    }

    /** The 1-based line of the node's element, or 0 when the node was not read from this text. */
    public int lineOf(Object node) {
        Integer line = node == null ? null : lines.get(node);
        return line == null ? 0 : line;
    }
}
