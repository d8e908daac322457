package io.podium.ssai.stitch;

import io.podium.ssai.hls.HlsParseException;
import io.podium.ssai.hls.HlsParser;
import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Test inputs: the real-world content playlists of {@code fixtures/hls/} (served, for the tests,
 * from {@link #ORIGIN}) and the synthetic ad packages of {@code stitch/ads/} (served from
 * {@link #ADS}).
 *
 * <p>Ad packages: {@code ad-15s} (TS muxed 360p/720p first, then CMAF 540p/1080p with English and
 * Swedish audio), {@code ad-30s} (CMAF HEVC 1080p and AVC 720p with English and French, French the
 * default, then TS 540p), {@code ad-20s-muxed} (TS only, no separate audio) and {@code slate} (5 s,
 * TS, and CMAF with audio).
 */
final class StitchFixtures {
    static final URI ORIGIN = URI.create("https://origin.example.com/vod/");
    static final URI ADS = URI.create("https://ads.example.com/");
    private static final HlsParser PARSER = new HlsParser();
    private static final Map<String, Long> DECLARED = Map.of("ad-15s", 15_000_000L, "ad-30s", 30_000_000L,
            "ad-20s-muxed", 20_000_000L, "slate", 5_000_000L);

    private StitchFixtures() {
    }

    /** The URI a content fixture ("folder/file.m3u8") is served from in tests. */
    static URI contentUri(String fixture) {
        return ORIGIN.resolve(fixture);
    }

    static MediaPlaylist contentPlaylist(String fixture) {
        return parseMedia(read("/fixtures/hls/" + fixture));
    }

    static ContentMedia content(String fixture) {
        return ContentMedia.of(contentPlaylist(fixture), contentUri(fixture));
    }

    static MasterPlaylist contentMaster(String fixture) {
        try {
            return PARSER.parseMaster(read("/fixtures/hls/" + fixture));
        } catch (HlsParseException e) {
            throw new IllegalStateException(fixture, e);
        }
    }

    /** The ad package {@code stitch/ads/<name>/} with its declared duration and every playlist its master names. */
    static AdMedia ad(String name) {
        return ad(name, name);
    }

    /** The ad package {@code name} under another ad id. */
    static AdMedia ad(String name, String adId) {
        URI masterUri = ADS.resolve(name + "/master.m3u8");
        MasterPlaylist master;
        try {
            master = PARSER.parseMaster(read("/stitch/ads/" + name + "/master.m3u8"));
        } catch (HlsParseException e) {
            throw new IllegalStateException(name, e);
        }
        Map<URI, MediaPlaylist> media = new LinkedHashMap<>();
        for (MasterEntry e : master.entries()) {
            String uri = e instanceof Variant ? ((Variant) e).uri() : e instanceof Rendition ? ((Rendition) e).uri()
                    : null;
            if (uri != null) {
                URI absolute = masterUri.resolve(uri);
                media.put(absolute, parseMedia(read("/stitch/ads/" + ADS.relativize(absolute))));
            }
        }
        return new AdMedia(adId, DECLARED.get(name), master, masterUri, media);
    }

    /** An ad whose media playlists were not fetched: it cannot play. */
    static AdMedia adWithoutMedia(String name) {
        AdMedia full = ad(name);
        return new AdMedia(name + "-unfetched", full.durationMicros(), full.master(), full.masterUri(), Map.of());
    }

    /**
     * The fixture file of a master entry's URI in {@code folder}: by file name, else by bandwidth
     * (hls1 names its files so); null when there is none.
     */
    static String fixtureOf(String folder, String uri, Long bandwidth) {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        for (String candidate : new String[] {folder + "/" + name, folder + "/" + bandwidth + ".m3u8"}) {
            if (StitchFixtures.class.getResource("/fixtures/hls/" + candidate) != null) {
                return candidate;
            }
        }
        return null;
    }

    static MediaPlaylist parseMedia(String text) {
        try {
            return PARSER.parseMedia(text);
        } catch (HlsParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String resource) {
        try (InputStream in = StitchFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<AdMedia> ads(String... names) {
        return Arrays.stream(names).map(StitchFixtures::ad).collect(Collectors.toList());
    }
}
