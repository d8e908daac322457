package io.podium.exchange.testing;

import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.config.PodiumConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Configurations for tests: each gets its own fresh, small pacing data directory, deleted
 * when the test JVM exits (the embedded stores preallocate their files).
 */
public final class TestConfigs {
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TestConfigs::delete)));
    }

    private TestConfigs() {
    }

    public static PodiumConfig load(String yaml) {
        try {
            Path dir = Files.createTempDirectory("podium-test-data");
            CREATED.add(dir);
            return ConfigLoader.fromYaml(yaml, Map.of("PODIUM__PACING__DATA_DIR", dir.toString(),
                    "PODIUM__PACING__CAMPAIGN_CAPACITY", "200", "PODIUM__PACING__CHARGE_CAPACITY", "10000",
                    "PODIUM__PACING__JOURNAL_CAPACITY", "10000", "PODIUM__PACING__FLUSH_INTERVAL_SECONDS", "0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
