package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/** The MPDs under {@code src/test/resources/dash/}, and golden files under {@code dash/golden/}. */
final class DashFixtures {
    static final List<String> CONTENT = List.of("content/number.mpd", "content/timeline.mpd");
    static final List<String> ADS = List.of("ads/ad-avc.mpd", "ads/ad-ondemand.mpd", "ads/ad-hevc.mpd",
            "ads/ad-timeline.mpd");
    static final URI NUMBER_URI = URI.create("https://origin.example.com/vod/show/manifest.mpd");
    static final URI TIMELINE_URI = URI.create("https://origin.example.com/vod/movie42/manifest.mpd?token=t1");

    private DashFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = DashFixtures.class.getResourceAsStream("/dash/" + name)) {
            assertNotNull(in, "dash/" + name + " is missing");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mpd mpd(String name) {
        try {
            return new MpdParser().parse(bytes(name));
        } catch (MpdParseException e) {
            throw new AssertionError("dash/" + name + ": " + e.getMessage(), e);
        }
    }

    /** An ad whose MPD is the fixture, served from a URL of its own. */
    static DashAd ad(String adId, long durationMicros, String fixture) {
        return new DashAd(adId, durationMicros, mpd(fixture),
                URI.create("https://ads.example.net/" + adId + "/v1/manifest.mpd"));
    }

    static long seconds(double s) {
        return Math.round(s * 1_000_000);
    }

    /** Asserts that {@code actual} is the golden file {@code dash/golden/<name>} (see {@link io.podium.ssai.testing.GoldenFiles}). */
    static void assertGolden(String name, String actual) {
        io.podium.ssai.testing.GoldenFiles.assertMatches("dash/golden/" + name, actual);
    }
}
