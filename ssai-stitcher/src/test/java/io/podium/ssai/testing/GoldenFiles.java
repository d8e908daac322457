package io.podium.ssai.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: test resources compared with what the code writes now. Run the tests with
 * {@code -Dpodium.golden.update=true} to rewrite them from the current output, then review the diff.
 */
public final class GoldenFiles {
    public static final String UPDATE = "podium.golden.update";

    private GoldenFiles() {
    }

    /** Asserts that {@code actual} is the test resource {@code resource}, or rewrites it when updating. */
    public static void assertMatches(String resource, String actual) {
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
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource + " is missing; run with -D" + UPDATE + "=true to create it");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, resource
                    + " differs; if the change is intended, run with -D" + UPDATE + "=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
