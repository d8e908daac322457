package io.podium.ssai.stitch;

import static io.podium.ssai.stitch.StitchFixtures.ads;

import io.podium.ssai.hls.HlsParseException;
import io.podium.ssai.hls.HlsParser;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.Playlist;
import io.podium.ssai.hls.StreamInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every media playlist of the 61 real-world fixture folders stitches, as a variant, an audio and a
 * subtitle rendition, with a pre-roll, two mid-rolls and a post-roll, without an error the content
 * did not already have, and passes the general assertions.
 */
class FixtureSweepTest {
    private static final HlsParser PARSER = new HlsParser();
    private static final Target VARIANT = Target.variant(StreamInfo.builder().bandwidth(2_000_000L)
            .codecs("avc1.4d401f,mp4a.40.2").build());
    private static final Target AUDIO = new Target(Target.Kind.AUDIO, null, "en", "audio");
    private static final Target SUBTITLES = new Target(Target.Kind.SUBTITLES, null, "en", "subs");

    static Stream<String> mediaPlaylists() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureSweepTest.class.getResource("/fixtures/hls").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".m3u8")).filter(FixtureSweepTest::isMedia)
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    private static boolean isMedia(Path p) {
        try {
            Playlist playlist = PARSER.parse(Files.readString(p, StandardCharsets.UTF_8));
            return playlist instanceof MediaPlaylist && !((MediaPlaylist) playlist).iFramesOnly();
        } catch (HlsParseException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mediaPlaylists")
    void fixtureStitchesCleanly(String fixture) {
        ContentMedia content = StitchFixtures.content(fixture);
        List<Break> breaks = content.snap(List.of(new Break("pre", Break.PRE_ROLL, ads("ad-15s")),
                new Break("a", content.durationMicros() / 3, ads("ad-30s", "ad-20s-muxed")),
                new Break("b", content.durationMicros() / 2, ads("ad-15s")),
                new Break("post", Break.POST_ROLL, ads("ad-30s"))));
        HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);
        Set<String> contentErrors = StitchAssertions.errorRules(content.playlist());
        for (Target target : List.of(VARIANT, AUDIO, SUBTITLES)) {
            StitchedMedia s = stitcher.stitchMedia(content, target, breaks, SegmentLinker.DIRECT);
            StitchAssertions.assertWellFormed(content, contentErrors, s, fixture + " as " + target.kind());
            StitchAssertions.assertBreaksFromInputs(content, breaks, null, s, fixture + " as " + target.kind());
        }
    }
}
