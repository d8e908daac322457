package io.podium.ssai.stitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/stitch/golden/}. Run the tests with
 * {@code -Dpodium.golden.update=true} to rewrite them from the current output, then review the diff.
 */
final class StitchGolden {
    static final String UPDATE = "podium.golden.update";

    private StitchGolden() {
    }

    /** Asserts that {@code actual} is the golden file {@code stitch/golden/<name>}, or rewrites it when updating. */
    static void assertMatches(String name, String actual) {
        String resource = "stitch/golden/" + name;
        if (Boolean.getBoolean(UPDATE)) {
            Path file = Path.of(System.getProperty("basedir", "."), "src", "test", "resources").resolve(resource);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("golden file updated: " + file);
            return;
        }
        try (InputStream in = StitchGolden.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource + " is missing; run with -D" + UPDATE + "=true to create it");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, resource
                    + " differs; if the change is intended, run with -D" + UPDATE + "=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
