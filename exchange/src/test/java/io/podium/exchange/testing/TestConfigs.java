package io.podium.exchange.testing;

import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.config.PodiumConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Configurations for tests: each gets its own fresh pacing data directory. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static PodiumConfig load(String yaml) {
        try {
            String dir = Files.createTempDirectory("podium-test-data").toString();
            return ConfigLoader.fromYaml(yaml, Map.of("PODIUM__PACING__DATA_DIR", dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
