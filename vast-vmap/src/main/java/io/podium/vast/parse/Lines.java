package io.podium.vast.parse;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each model object and each of its fields came from in the document, and how many times
 * a field's element appeared (the model keeps one; the validator reports repeats). Keyed by
 * object identity, so two equal objects from different places keep their own lines.
 */
public final class Lines {
    private final Map<Object, Integer> objects = new IdentityHashMap<>();
    private final Map<Object, Map<String, int[]>> fields = new IdentityHashMap<>();

    <T> T object(T owner, int line) {
        objects.put(owner, line);
        return owner;
    }

    void field(Object owner, String field, int line) {
        int[] seen = fields.computeIfAbsent(owner, k -> new HashMap<>()).get(field);
        if (seen == null) {
            fields.get(owner).put(field, new int[] {line, 1});
        } else {
            seen[1]++;
        }
    }

    /** The line of an object, 0 when unknown. */
    public int of(Object owner) {
        Integer line = objects.get(owner);
        return line == null ? 0 : line;
    }

    /** The line of a field's (first) element, else its owner's line. */
    public int of(Object owner, String field) {
        Map<String, int[]> f = fields.get(owner);
        int[] seen = f == null ? null : f.get(field);
        return seen == null ? of(owner) : seen[0];
    }

    /** How many times a field's element appeared in its owner. */
    public int count(Object owner, String field) {
        Map<String, int[]> f = fields.get(owner);
        int[] seen = f == null ? null : f.get(field);
        return seen == null ? 0 : seen[1];
    }

    /** Moves what was recorded for a builder-time placeholder onto the finished object. */
    void rekey(Object from, Object to) {
        Integer line = objects.remove(from);
        if (line != null) {
            objects.put(to, line);
        }
        Map<String, int[]> f = fields.remove(from);
        if (f != null) {
            fields.put(to, f);
        }
    }
}
