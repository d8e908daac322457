package io.podium.exchange.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A typed, checked view of one mapping of the YAML configuration. Every getter names its
 * key and its default; a wrong type or an out-of-range value is recorded as a problem with
 * the key's full path instead of failing at once, so start-up reports every mistake
 * together. {@link #finish()} reports the keys nobody asked for (typos).
 */
public final class ConfigNode {
    private final JsonNode node;
    private final String path;
    private final List<String> problems;
    private final Set<String> read = new HashSet<>();

    private ConfigNode(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    static ConfigNode root(JsonNode node, List<String> problems) {
        if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
            problems.add("the configuration must be a YAML mapping at the top level");
            return new ConfigNode(MissingNode.getInstance(), "", problems);
        }
        return new ConfigNode(node == null || node.isNull() ? MissingNode.getInstance() : node, "", problems);
    }

    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode value(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    public void problem(String key, String message) {
        problems.add(path(key) + ": " + message);
    }

    public String string(String key, String defaultValue) {
        JsonNode v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isValueNode()) {
            problem(key, "must be a string");
            return defaultValue;
        }
        return v.asText();
    }

    public long integer(String key, long defaultValue, long min, long max) {
        JsonNode v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isIntegralNumber()) {
            problem(key, "must be an integer, got " + describe(v));
            return defaultValue;
        }
        if (!v.canConvertToLong()) {
            problem(key, "must be within " + min + ".." + max + ", got " + v.asText());
            return defaultValue;
        }
        long x = v.asLong();
        if (x < min || x > max) {
            problem(key, "must be within " + min + ".." + max + ", got " + x);
            return defaultValue;
        }
        return x;
    }

    public int int32(String key, int defaultValue, int min, int max) {
        return (int) integer(key, defaultValue, min, max);
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        JsonNode v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isNumber()) {
            problem(key, "must be a number, got " + describe(v));
            return defaultValue;
        }
        double x = v.asDouble();
        if (!(x >= min && x <= max)) {
            problem(key, "must be within " + min + ".." + max + ", got " + x);
            return defaultValue;
        }
        return x;
    }

    public boolean bool(String key, boolean defaultValue) {
        JsonNode v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            problem(key, "must be true or false, got " + describe(v));
            return defaultValue;
        }
        return v.asBoolean();
    }

    /** One of the allowed words, compared case-insensitively; the result is lower case. */
    public String choice(String key, String defaultValue, Set<String> allowed) {
        String s = string(key, defaultValue);
        if (s == null) {
            return null;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(lower)) {
            problem(key, "must be one of " + new java.util.TreeSet<>(allowed) + ", got \"" + s + "\"");
            return defaultValue;
        }
        return lower;
    }

    /** An absolute http or https URL. */
    public URI url(String key, URI defaultValue) {
        String s = string(key, null);
        if (s == null) {
            return defaultValue;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problem(key, "must be an absolute http(s) URL, got \"" + s + "\"");
                return defaultValue;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            problem(key, "is not a valid URL: " + e.getMessage());
            return defaultValue;
        }
    }

    public List<String> strings(String key, List<String> defaultValue) {
        JsonNode v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isArray()) {
            problem(key, "must be a list of strings");
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() && !e.isNumber()) {
                problems.add(path(key) + "[" + i + "]: must be a string");
            } else {
                out.add(e.asText());
            }
        }
        return List.copyOf(out);
    }

    /** A nested mapping; absent reads as empty, so every default applies. */
    public ConfigNode section(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return new ConfigNode(MissingNode.getInstance(), path(key), problems);
        }
        if (!v.isObject()) {
            problem(key, "must be a mapping");
            return new ConfigNode(MissingNode.getInstance(), path(key), problems);
        }
        return new ConfigNode(v, path(key), problems);
    }

    /** A list of mappings, each read by the function and then checked for unknown keys. */
    public <T> List<T> list(String key, Function<ConfigNode, T> reader) {
        JsonNode v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(key, "must be a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = path(key) + "[" + i + "]";
            if (!e.isObject()) {
                problems.add(p + ": must be a mapping");
                continue;
            }
            ConfigNode child = new ConfigNode(e, p, problems);
            T t = reader.apply(child);
            child.finish();
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** A mapping from names to numbers, e.g. a currency rate table. */
    public Map<String, Double> numberMap(String key) {
        JsonNode v = value(key);
        Map<String, Double> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            problem(key, "must be a mapping of names to numbers");
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                problems.add(path(key) + "." + e.getKey() + ": must be a number, got " + describe(e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return out;
    }

    /** Records every key of this mapping that no getter read: most likely a typo. */
    public void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                problems.add(path(name) + ": unknown key");
            }
        }
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        return v.isContainerNode() ? (v.isArray() ? "a list" : "a mapping") : v.toString();
    }
}
