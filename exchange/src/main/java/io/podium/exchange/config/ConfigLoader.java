package io.podium.exchange.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML configuration, applies environment overrides and checks everything at
 * once. Environment: {@code PODIUM__SERVER__PORT=9090} sets {@code server.port} (path
 * segments joined by two underscores, case-insensitive; the value is read as YAML).
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "PODIUM__";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    /** Embedded defaults: no file, no Redis, no bidders. */
    public static PodiumConfig defaults() {
        return fromYaml("{}", Map.of());
    }

    /** @param file the YAML file, or null for embedded defaults (environment overrides still apply) */
    public static PodiumConfig load(Path file, Map<String, String> env) {
        if (file == null) {
            return fromYaml("{}", env);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
        return fromYaml(text, env, file.toString());
    }

    public static PodiumConfig fromYaml(String yaml, Map<String, String> env) {
        return fromYaml(yaml, env, "configuration");
    }

    private static PodiumConfig fromYaml(String yaml, Map<String, String> env, String source) {
        JsonNode tree;
        try {
            tree = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigException(List.of(source + ": not valid YAML" + where + ": " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = YAML.createObjectNode();
        }
        if (tree.isObject()) {
            applyEnvironment((ObjectNode) tree, env, problems);
        }
        PodiumConfig config = PodiumConfig.read(ConfigNode.root(tree, problems), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static void applyEnvironment(ObjectNode root, Map<String, String> env, List<String> problems) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String[] parts = e.getKey().substring(ENV_PREFIX.length()).toLowerCase(java.util.Locale.ROOT).split("__");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = node.get(parts[i]);
                if (child == null || !child.isObject()) {
                    child = node.putObject(parts[i]);
                }
                node = (ObjectNode) child;
            }
            try {
                JsonNode value = YAML.readTree(e.getValue());
                node.set(parts[parts.length - 1], value == null ? YAML.nullNode() : value);
            } catch (JsonProcessingException ex) {
                problems.add(e.getKey() + ": not a valid YAML value");
            }
        }
    }
}
