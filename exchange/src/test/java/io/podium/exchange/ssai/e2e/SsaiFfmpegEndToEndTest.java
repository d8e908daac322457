package io.podium.exchange.ssai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.config.PodiumConfig;
import io.podium.exchange.server.PodiumServer;
import io.podium.exchange.testing.TestConfigs;
import io.podium.ssai.hls.HlsChecker;
import io.podium.ssai.hls.HlsProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSAI end to end with real media: ffmpeg makes a 24 s content (640x360, 25 fps, 48 kHz stereo)
 * and two ads in other encoding profiles (8 s at 1280x720, 30 fps, 44.1 kHz stereo; 6 s at
 * 426x240, 24 fps, 22.05 kHz mono), each packaged as HLS VOD with 4 s segments both in MPEG-TS and
 * in fragmented MP4. A loopback origin serves them, a loopback DSP bids the ads with VAST 4.2 HLS
 * MediaFiles, and a real Podium stitches a pre-roll (the 8 s ad) and a mid-roll at 12 s (the 6 s
 * ad). ffmpeg and ffprobe then decode the stitched variant through Podium (following the 302 of
 * the beacon segments), each discontinuity sequence alone and, for TS, the whole variant in one
 * go: no error, every video and audio frame of content and ads decoded, the ads at their places,
 * the duration that of the sources (ffprobe) and of the EXTINF sum, and each ad's impression,
 * tracking events and billing notice reaching the DSP exactly once however often its segments
 * are fetched. Fails (never skips) when ffmpeg is missing: {@code ./podium test} installs it.
 */
class SsaiFfmpegEndToEndTest {
    private static final String SSAI_SECRET = "ssai-e2e-secret-0123456789";
    private static final String NOTICE_SECRET = "e2e-notice-secret-0123456789";
    private static final Duration ENCODE = Duration.ofSeconds(60);
    private static final Duration DECODE = Duration.ofSeconds(60);

    @TempDir
    static Path media;
    @TempDir
    Path scratch;

    /** One encoding profile, made once as a mezzanine MP4 and packaged twice. */
    record Profile(String name, int seconds, int width, int height, int fps, int sampleRate, int channels,
                   int bandwidth, String codecs) {
    }

    static final Profile CONTENT = new Profile("content", 24, 640, 360, 25, 48_000, 2, 900_000,
            "avc1.42c01e,mp4a.40.2");
    static final Profile AD_LONG = new Profile("ad-long", 8, 1280, 720, 30, 44_100, 2, 2_500_000,
            "avc1.42c01f,mp4a.40.2");
    static final Profile AD_SHORT = new Profile("ad-short", 6, 426, 240, 24, 22_050, 1, 400_000,
            "avc1.42c015,mp4a.40.2");

    /** What decoding a stream gave. */
    record Decoded(long videoFrames, long audioFrames, long audioSamples) {
        /** The audio's duration when all of it is at {@code p}'s sample rate. */
        double audioSeconds(Profile p) {
            return (double) audioSamples / p.sampleRate();
        }
    }

    /** A profile's measures: ffprobe on the mezzanine, and the same decode as the stitched stream per container. */
    record Measured(long probedFrames, double probedSeconds, Map<String, Decoded> packaged,
                    Map<String, BigDecimal> extinfSeconds) {
    }

    private static Measured content;
    private static Measured adLong;
    private static Measured adShort;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void makeMedia() throws Exception {
        Ffmpeg.requireOnPath("ffmpeg", "ffprobe");
        Path work = Files.createDirectories(media.resolve("work"));
        Ffmpeg ff = new Ffmpeg(work);
        content = make(ff, CONTENT);
        adLong = make(ff, AD_LONG);
        adShort = make(ff, AD_SHORT);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** Encodes a profile from the lavfi test sources, packages it as TS and fMP4 HLS, and measures it. */
    private static Measured make(Ffmpeg ff, Profile p) throws Exception {
        Path mezzanine = media.resolve("work").resolve(p.name() + ".mp4");
        int gop = p.fps() * 4;
        ff.runOk(ENCODE, Ffmpeg.cmd("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + p.width() + "x" + p.height() + ":rate=" + p.fps()
                        + ":duration=" + p.seconds(),
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=" + p.sampleRate() + ":duration=" + p.seconds(),
                "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
                "-g", Integer.toString(gop), "-keyint_min", Integer.toString(gop), "-sc_threshold", "0",
                "-force_key_frames", "expr:gte(t,n_forced*4)",
                "-c:a", "aac", "-b:a", "64k", "-ac", Integer.toString(p.channels()), "-ar",
                Integer.toString(p.sampleRate()), mezzanine.toString()));
        Map<String, String> probe = Ffmpeg.keyValues(ff.runOk(ENCODE, Ffmpeg.cmd("ffprobe", "-v", "error",
                "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames:format=duration",
                "-of", "default=nw=1", mezzanine.toString())).stdout());
        long frames = Long.parseLong(probe.get("nb_read_frames"));
        double seconds = Double.parseDouble(probe.get("duration"));

        Map<String, Decoded> packaged = new java.util.HashMap<>();
        Map<String, BigDecimal> extinf = new java.util.HashMap<>();
        for (String container : List.of("ts", "fmp4")) {
            Path dir = Files.createDirectories(media.resolve(container).resolve(p.name()));
            List<String> c = Ffmpeg.cmd("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", mezzanine.toString(),
                    "-c", "copy", "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod");
            if (container.equals("ts")) {
                c.addAll(List.of("-hls_segment_type", "mpegts", "-hls_segment_filename",
                        dir.resolve("seg-%d.ts").toString()));
            } else {
                c.addAll(List.of("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
                        "-hls_segment_filename", dir.resolve("seg-%d.m4s").toString()));
            }
            c.add(dir.resolve("index.m3u8").toString());
            ff.runOk(ENCODE, c);
            Files.writeString(dir.resolve("master.m3u8"), "#EXTM3U\n#EXT-X-VERSION:" + (container.equals("ts") ? 3 : 7)
                    + "\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-STREAM-INF:BANDWIDTH=" + p.bandwidth() + ",RESOLUTION="
                    + p.width() + "x" + p.height() + ",FRAME-RATE=" + p.fps() + ".000,CODECS=\"" + p.codecs()
                    + "\"\nindex.m3u8\n", StandardCharsets.UTF_8);
            extinf.put(container, extinfSum(Files.readString(dir.resolve("index.m3u8"), StandardCharsets.UTF_8)));
            packaged.put(container, decode(ff, dir.resolve("index.m3u8").toString(), media.resolve("work")));
        }
        return new Measured(frames, seconds, Map.copyOf(packaged), Map.copyOf(extinf));
    }

    /**
     * Decodes an HLS media playlist twice, failing on anything written at {@code -v error} (decode
     * errors among it): {@code ffmpeg -f null} with every video frame passed through (none dropped
     * or duplicated), then {@code ffprobe -show_frames}, which decodes video and audio and gives
     * each audio frame's sample count, so the audio duration is measured whatever the timestamps
     * do at discontinuities.
     *
     * <p>The ffmpeg pass maps the video only: across an {@code EXT-X-DISCONTINUITY} between two
     * encodes whose audio outlasts their video by the AAC priming (every encode here), ffmpeg
     * 5.1's timestamp correction leaves the next part's audio a few milliseconds behind, and its
     * muxer (even {@code null}) logs "non monotonically increasing dts" at error level. A
     * hand-written two-part playlist without Podium does the same, so it says nothing about the
     * stitching; the ffprobe pass still decodes every audio frame.
     */
    private static Decoded decode(Ffmpeg ff, String url, Path work) throws Exception {
        Path progress = Files.createTempFile(work, "progress", ".txt");
        List<String> c = Ffmpeg.cmd("ffmpeg", "-nostdin", "-v", "error", "-y", "-progress", progress.toString(),
                "-protocol_whitelist", Ffmpeg.PROTOCOLS, "-http_persistent", "0", "-f", "hls");
        c.addAll(List.of("-i", url, "-map", "0:v:0", "-vsync", "passthrough", "-f", "null", "-"));
        ff.runOk(DECODE, c);
        long frames = Long.parseLong(Ffmpeg.keyValues(Files.readString(progress, StandardCharsets.UTF_8)).get("frame"));

        List<String> p = Ffmpeg.cmd("ffprobe", "-v", "error", "-protocol_whitelist", Ffmpeg.PROTOCOLS,
                "-http_persistent", "0", "-f", "hls");
        p.addAll(List.of("-show_entries", "frame=media_type,nb_samples", "-of", "compact", url));
        String out = ff.runOk(DECODE, p).stdout();
        long videoFrames = 0;
        long audioFrames = 0;
        long samples = 0;
        for (String line : out.split("\\R")) {
            Map<String, String> f = new java.util.HashMap<>();
            for (String field : line.split("\\|")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    f.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            if ("video".equals(f.get("media_type"))) {
                videoFrames++;
            } else if ("audio".equals(f.get("media_type"))) {
                audioFrames++;
                samples += Long.parseLong(f.get("nb_samples"));
            }
        }
        assertEquals(frames, videoFrames, "ffmpeg and ffprobe decode as many video frames of " + url);
        return new Decoded(frames, audioFrames, samples);
    }

    private static BigDecimal extinfSum(String playlist) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String line : playlist.split("\\R")) {
            if (line.startsWith("#EXTINF:")) {
                String v = line.substring("#EXTINF:".length());
                int comma = v.indexOf(',');
                sum = sum.add(new BigDecimal((comma < 0 ? v : v.substring(0, comma)).trim()));
            }
        }
        return sum;
    }

    /**
     * Writes each discontinuity sequence of a media playlist as a playlist of its own, with the
     * EXT-X-MAP in force and every URI made absolute (so segments are still fetched over HTTP,
     * through Podium for the beacon ones): how a player that resets its decoder at a
     * discontinuity sees the stream.
     */
    private static List<Path> splitAtDiscontinuities(String playlist, URI base, Path dir) throws IOException {
        String target = "#EXT-X-TARGETDURATION:10";
        for (String line : playlist.split("\\R")) {
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = line;
            }
        }
        List<StringBuilder> parts = new ArrayList<>();
        StringBuilder part = null;
        String map = null;
        boolean newPart = true;
        for (String line : playlist.split("\\R")) {
            if (line.equals("#EXT-X-DISCONTINUITY")) {
                newPart = true;
            } else if (line.startsWith("#EXT-X-MAP:")) {
                map = absoluteMap(line, base);
                if (part != null && !newPart) {
                    part.append(map).append('\n');
                }
            } else if (line.startsWith("#EXTINF:")) {
                if (newPart) {
                    part = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n" + target
                            + "\n#EXT-X-PLAYLIST-TYPE:VOD\n");
                    if (map != null) {
                        part.append(map).append('\n');
                    }
                    parts.add(part);
                    newPart = false;
                }
                part.append(line).append('\n');
            } else if (!line.isBlank() && !line.startsWith("#") && part != null) {
                part.append(base.resolve(line.trim())).append('\n');
            }
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Path file = dir.resolve("part-" + i + ".m3u8");
            Files.writeString(file, parts.get(i) + "#EXT-X-ENDLIST\n", StandardCharsets.UTF_8);
            out.add(file);
        }
        return out;
    }

    private static String absoluteMap(String line, URI base) {
        Matcher m = Pattern.compile("URI=\"([^\"]*)\"").matcher(line);
        assertTrue(m.find(), line);
        return line.substring(0, m.start(1)) + base.resolve(m.group(1)) + line.substring(m.end(1));
    }

    private static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private PodiumServer podium(MediaOrigin origin, PodDsp dsp) {
        String yaml = "server: {port: 0, host: 127.0.0.1}\nnotices: {secret: '" + NOTICE_SECRET + "'}\n"
                + "video:\n  breaks: {preroll_seconds: " + (AD_LONG.seconds() + 1) + ", midroll_seconds: "
                + (AD_SHORT.seconds() + 1) + ", midroll_every_seconds: 0, postroll_seconds: 0}\n"
                + "ssai:\n  origins: ['" + origin.base + "/media/']\n  allow_private_ad_hosts: true\n"
                + "  secret: '" + SSAI_SECRET + "'\n"
                + "bidders:\n  - {id: e2e, endpoint: '" + dsp.base + "/bid'}\n";
        PodiumConfig config = TestConfigs.load(yaml);
        PodiumServer server = new PodiumServer(config, Clock.systemUTC()).start();
        closeables.add(0, server);
        return server;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "E2EPlayer/1.0")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (without asserting on time) until {@code n} DSP calls match, then a little longer for strays. */
    private static List<String> settle(PodDsp dsp, Predicate<String> which, int n) throws InterruptedException {
        for (int i = 0; i < 500 && dsp.calls.stream().filter(which).count() < n; i++) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        return dsp.calls.stream().filter(which).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ts", "fmp4"})
    void ffmpegDecodesTheStitchedStreamThroughPodium(String container) throws Exception {
        MediaOrigin origin = new MediaOrigin(media.resolve(container));
        closeables.add(origin);
        PodDsp dsp = new PodDsp(AD_LONG.seconds() + 1);
        closeables.add(dsp);
        dsp.ads(new PodDsp.AdSpec("AdLong", AD_LONG.seconds(), AD_LONG.width(), AD_LONG.height(),
                        origin.base + "/media/" + AD_LONG.name() + "/master.m3u8"),
                new PodDsp.AdSpec("AdShort", AD_SHORT.seconds(), AD_SHORT.width(), AD_SHORT.height(),
                        origin.base + "/media/" + AD_SHORT.name() + "/master.m3u8"));
        PodiumServer server = podium(origin, dsp);
        String podiumBase = "http://127.0.0.1:" + server.port();

        String contentUrl = origin.base + "/media/" + CONTENT.name() + "/master.m3u8";
        HttpResponse<String> master = get(podiumBase + "/ssai/v1/hls/master.m3u8?content="
                + URLEncoder.encode(contentUrl, StandardCharsets.UTF_8) + "&duration=" + CONTENT.seconds()
                + "&cues=12&uid=e2e-user&ifa=e2e-ifa");
        assertEquals(200, master.statusCode(), master.body());
        List<String> variants = uris(master.body());
        assertEquals(1, variants.size(), master.body());
        String variantUrl = podiumBase + variants.get(0);

        HttpResponse<String> variant = get(variantUrl);
        assertEquals(200, variant.statusCode(), variant.body());
        String playlist = variant.body();
        List<HlsProblem> problems = new HlsChecker().check(playlist);
        assertFalse(HlsChecker.hasErrors(problems), problems + "\n" + playlist);
        assertEquals(List.of(), dsp.callsTo("/err/"), "no ad was refused:\n" + playlist);
        assertEquals(2, playlist.split("#EXT-X-CUE-OUT", -1).length - 1, "a pre-roll and a mid-roll:\n" + playlist);
        assertTrue(uris(playlist).get(0).startsWith("/ssai/v1/seg/"), "the pre-roll plays first:\n" + playlist);

        // the stitched playlist lasts exactly the content and the two ads
        BigDecimal expectedExtinf = content.extinfSeconds().get(container).add(adLong.extinfSeconds().get(container))
                .add(adShort.extinfSeconds().get(container));
        assertEquals(0, expectedExtinf.compareTo(extinfSum(playlist)), "EXTINF sum, expected " + expectedExtinf
                + ":\n" + playlist);

        System.out.println(container + " stitched variant:\n" + playlist);
        Ffmpeg ff = new Ffmpeg(scratch);
        Decoded contentAlone = content.packaged().get(container);
        Decoded adLongAlone = adLong.packaged().get(container);
        Decoded adShortAlone = adShort.packaged().get(container);
        long expectedFrames = content.probedFrames() + adLong.probedFrames() + adShort.probedFrames();
        assertEquals(expectedFrames, contentAlone.videoFrames() + adLongAlone.videoFrames()
                + adShortAlone.videoFrames(), "the packages hold every frame of their sources");
        double sourceSeconds = content.probedSeconds() + adLong.probedSeconds() + adShort.probedSeconds();
        double frameS = 1.0 / Math.min(CONTENT.fps(), Math.min(AD_LONG.fps(), AD_SHORT.fps()));
        // each part's AAC priming and last-frame padding, which the MP4 edit list trims and
        // MPEG-TS cannot signal: up to two AAC frames of each part at its own rate
        double priming = 0;
        for (Profile p : List.of(CONTENT, AD_LONG, AD_SHORT)) {
            priming += 2 * 1024.0 / p.sampleRate();
        }

        // each discontinuity sequence, decoded alone through Podium: ad, content, ad, content
        List<Decoded> parts = new ArrayList<>();
        for (Path part : splitAtDiscontinuities(playlist, URI.create(variantUrl), scratch)) {
            parts.add(decode(ff, part.toString(), scratch));
        }
        String where = container + " parts " + parts + ", alone: content " + contentAlone + " ads " + adLongAlone
                + " " + adShortAlone + "\n" + playlist;
        assertEquals(4, parts.size(), where);
        assertEquals(adLongAlone, parts.get(0), "the pre-roll, every video and audio frame: " + where);
        assertEquals(adShortAlone, parts.get(2), "the mid-roll, every video and audio frame: " + where);
        assertEquals(contentAlone.videoFrames(), parts.get(1).videoFrames() + parts.get(3).videoFrames(),
                "the content, every video frame: " + where);
        assertEquals(contentAlone.audioFrames(), parts.get(1).audioFrames() + parts.get(3).audioFrames(),
                "the content, every audio frame: " + where);
        double decodedSeconds = parts.get(0).audioSeconds(AD_LONG) + parts.get(1).audioSeconds(CONTENT)
                + parts.get(2).audioSeconds(AD_SHORT) + parts.get(3).audioSeconds(CONTENT);
        assertEquals(sourceSeconds + priming / 2, decodedSeconds, priming / 2,
                "decoded duration against the sources (ffprobe " + sourceSeconds + " s): " + where);
        double videoSeconds = parts.get(0).videoFrames() / (double) AD_LONG.fps()
                + (parts.get(1).videoFrames() + parts.get(3).videoFrames()) / (double) CONTENT.fps()
                + parts.get(2).videoFrames() / (double) AD_SHORT.fps();
        assertEquals(CONTENT.seconds() + AD_LONG.seconds() + AD_SHORT.seconds(), videoSeconds, 1e-9, where);
        assertEquals(expectedExtinf.doubleValue(), videoSeconds, frameS, "decoded video against EXTINF: " + where);

        if (container.equals("ts")) {
            // and the whole stitched variant in one go, as ffmpeg plays it: one demuxer and decoder
            // across the discontinuities and every resolution, frame rate and sample rate change.
            // (Not for fMP4: ffmpeg 5.1's HLS demuxer keeps the first EXT-X-MAP's codec
            // configuration after a discontinuity with another, so a hand-written playlist
            // without Podium fails to decode too; players re-initialise there.)
            Decoded whole = decode(ff, variantUrl, scratch);
            assertEquals(expectedFrames, whole.videoFrames(), "every video frame decoded: " + whole + " " + where);
            assertEquals(parts.stream().mapToLong(Decoded::audioFrames).sum(), whole.audioFrames(),
                    "every audio frame decoded: " + whole + " " + where);
            assertEquals(parts.stream().mapToLong(Decoded::audioSamples).sum(), whole.audioSamples(),
                    "every audio sample decoded: " + whole + " " + where);
        }

        // ffprobe agrees on the stitched stream's duration
        List<String> probe = Ffmpeg.cmd("ffprobe", "-v", "error", "-protocol_whitelist", Ffmpeg.PROTOCOLS,
                "-http_persistent", "0", "-f", "hls");
        probe.addAll(List.of("-show_entries", "format=duration", "-of", "default=nw=1", variantUrl));
        Map<String, String> probed = Ffmpeg.keyValues(ff.runOk(DECODE, probe).stdout());
        assertEquals(expectedExtinf.doubleValue(), Double.parseDouble(probed.get("duration")), frameS,
                "ffprobe duration of the stitched stream: " + where);

        // every ad segment came from the origin (the beacon ones through Podium's 302), each
        // several times: the two decodes of the parts, of the whole TS variant, and ffprobe
        for (Profile ad : List.of(AD_LONG, AD_SHORT)) {
            String first = "/media/" + ad.name() + "/seg-0." + (container.equals("ts") ? "ts" : "m4s");
            assertTrue(origin.hits.stream().filter(first::equals).count() >= 2, first + " " + origin.hits);
        }
        // yet each ad played once: its impression, tracking events and billing notice reached the DSP once
        List<String> beacons = new ArrayList<>();
        for (String ad : List.of("AdLong", "AdShort")) {
            beacons.addAll(List.of("/imp/" + ad + "?", "/ev/" + ad + "/start?", "/ev/" + ad + "/firstQuartile?",
                    "/ev/" + ad + "/midpoint?", "/ev/" + ad + "/thirdQuartile?", "/ev/" + ad + "/complete?",
                    "/burl/" + ad + "?"));
        }
        settle(dsp, c -> beacons.stream().anyMatch(c::startsWith), beacons.size());
        for (String beacon : beacons) {
            assertEquals(1, dsp.callsTo(beacon).size(), beacon + " " + dsp.calls);
        }
        assertEquals(List.of(), dsp.callsTo("/err/"), "no ad error reported: " + dsp.calls);
        assertEquals(2, dsp.bidRequests.size(), "one pod auction per break");
    }
}
