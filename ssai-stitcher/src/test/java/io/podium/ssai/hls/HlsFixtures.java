package io.podium.ssai.hls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real-world playlists copied into test resources from Eyevinn's hls-vodtolive test vectors
 * (MIT, see {@code fixtures/hls/SOURCE.md} and {@code LICENSE.hls-vodtolive}).
 */
final class HlsFixtures {
    private HlsFixtures() {
    }

    /** The fixture folder names, sorted. */
    static List<String> folders() {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The playlists of one folder, sorted by file name. */
    static List<Path> playlists(String folder) {
        try (Stream<Path> s = Files.list(root().resolve(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".m3u8")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every playlist, as "folder/file" names relative to the fixture root, sorted. */
    static List<String> allPlaylists() {
        return folders().stream().flatMap(f -> playlists(f).stream().map(p -> f + "/" + p.getFileName()))
                .collect(Collectors.toList());
    }

    /** The text of "folder/file". */
    static String read(String name) {
        try {
            return Files.readString(root().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path root() {
        URL url = HlsFixtures.class.getResource("/fixtures/hls");
        if (url == null) {
            throw new IllegalStateException("fixtures/hls missing from test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
