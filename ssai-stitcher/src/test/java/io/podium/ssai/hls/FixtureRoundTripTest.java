package io.podium.ssai.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real-world fixture parses, and writing is stable and faithful to the model. */
class FixtureRoundTripTest {
    private final HlsParser parser = new HlsParser();
    private final HlsWriter writer = new HlsWriter();

    static List<String> folders() {
        return HlsFixtures.folders();
    }

    @Test
    void allSixtyOneFixtureFoldersAreCopied() {
        assertEquals(61, folders().size());
    }

    static List<String> playlists() {
        return HlsFixtures.allPlaylists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playlists")
    void everyFixturePlaylistParsesWithAllItsSegments(String name) throws Exception {
        String text = HlsFixtures.read(name);
        Playlist parsed = parser.parse(text);

        assertEquals(text.contains("#EXT-X-STREAM-INF"), parsed instanceof MasterPlaylist, name);
        if (parsed instanceof MediaPlaylist) {
            long extinfs = text.lines().filter(l -> l.strip().startsWith("#EXTINF")).count();
            assertEquals(extinfs, ((MediaPlaylist) parsed).segments().size(), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void everyPlaylistOfTheFolderParsesAndSurvivesWriteThenParse(String folder) throws Exception {
        List<Path> playlists = HlsFixtures.playlists(folder);
        assertFalse(playlists.isEmpty(), folder);
        for (Path path : playlists) {
            String name = folder + "/" + path.getFileName();
            Playlist parsed = parser.parse(HlsFixtures.read(path));
            String written = writer.write(parsed);
            Playlist reparsed = parser.parse(written);
            assertEquals(parsed, reparsed, name + ": parse(write(parse(x))) differs from parse(x)");
            assertEquals(written, writer.write(reparsed), name + ": write(parse(write(parse(x)))) differs");
        }
    }
}
