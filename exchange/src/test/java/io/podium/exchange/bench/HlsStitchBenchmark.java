package io.podium.exchange.bench;

import io.podium.ssai.hls.HlsParseException;
import io.podium.ssai.hls.HlsParser;
import io.podium.ssai.hls.HlsWriter;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.StreamInfo;
import io.podium.ssai.stitch.AdMedia;
import io.podium.ssai.stitch.Break;
import io.podium.ssai.stitch.ContentMedia;
import io.podium.ssai.stitch.HlsStitcher;
import io.podium.ssai.stitch.SegmentLinker;
import io.podium.ssai.stitch.StitchOptions;
import io.podium.ssai.stitch.StitchedMedia;
import io.podium.ssai.stitch.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stitching one 2-hour VOD variant (1,200 transport stream segments of 6 s, relative URIs) with 4
 * mid-rolls of 4 ads each (16 different ad packages of 15 to 30 s in 6 s segments, each with three
 * TS variants, two CMAF variants and CMAF audio), the SSAI budget being 50 µs per variant.
 *
 * <ul>
 *   <li>{@code stitchMedia}: the service's path, content prepared once ({@link ContentMedia}, cached
 *       with the playlist) and ads prepared once ({@link AdMedia}, cached with the package), every
 *       URI written as it is ({@link SegmentLinker#DIRECT});</li>
 *   <li>{@code stitchMediaRoutingAds}: the same with ad segment URIs built per segment, as the
 *       service does to route them through itself for beacons;</li>
 *   <li>{@code stitchMediaUnprepared}: from the parsed playlist, preparing the content on every call
 *       (resolving 1,200 URIs): what not caching {@link ContentMedia} costs;</li>
 *   <li>{@code writeStitched} and {@code stitchAndWrite}: the text the player receives;</li>
 *   <li>same-run baselines: {@code baselineCopySegments} copies the content's segment list into a
 *       new {@link MediaPlaylist} (the least any splice producing a new playlist pays) and
 *       {@code baselineWriteContent} writes the unstitched content.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class HlsStitchBenchmark {
    private static final URI CONTENT_URI = URI.create("https://origin.example.com/vod/movie-4711/1080p/index.m3u8");
    private static final URI ADS = URI.create("https://ads.example.com/creatives/");
    private static final Target TARGET = Target.variant(StreamInfo.builder().bandwidth(2_500_000L)
            .codecs("avc1.4d401f,mp4a.40.2").build());
    private static final SegmentLinker ROUTING = new SegmentLinker() {
        @Override
        public String contentSegment(URI absolute) {
            return absolute.toString();
        }

        @Override
        public String adSegment(int breakIndex, int adIndex, String adId, int segmentIndex, int segmentCount,
                URI absolute) {
            return "https://ssai.podium.example/v1/seg/" + breakIndex + "/" + adIndex + "/" + segmentIndex + "/"
                    + segmentCount + "/" + adId + ".ts";
        }
    };

    private final HlsParser parser = new HlsParser();
    private final HlsWriter writer = new HlsWriter();
    private final HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);
    private MediaPlaylist contentPlaylist;
    private ContentMedia content;
    private List<Break> breaks;
    private MediaPlaylist stitched;

    @Setup
    public void setUp() throws HlsParseException {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n"
                + "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (int i = 0; i < 1200; i++) {
            text.append("#EXTINF:6.000,\nsegment-").append(String.format("%05d", i)).append(".ts\n");
        }
        text.append("#EXT-X-ENDLIST\n");
        contentPlaylist = parser.parseMedia(text.toString());
        content = ContentMedia.of(contentPlaylist, CONTENT_URI);
        int[] seconds = {15, 20, 30, 15, 30, 20, 15, 25, 30, 15, 20, 30, 25, 15, 30, 20};
        breaks = new ArrayList<>();
        long[] minutes = {20, 45, 70, 95};
        for (int b = 0; b < 4; b++) {
            List<AdMedia> ads = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                ads.add(ad("creative-" + (b * 4 + a), seconds[b * 4 + a]));
            }
            breaks.add(new Break("break-" + b, minutes[b] * 60_000_000L, ads));
        }
        stitched = stitcher.stitchMedia(content, TARGET, breaks, SegmentLinker.DIRECT).playlist();
        long ads = 0;
        for (int s : seconds) {
            ads += s * 1_000_000L;
        }
        if (stitched.totalDurationMicros() != 7_200_000_000L + ads) {
            throw new IllegalStateException("stitched " + stitched.totalDurationMicros() + " µs, expected 2 h + ads");
        }
    }

    /** An ad package of {@code seconds}: TS 800k/2M/4M, CMAF 1.5M/3M with audio; 6 s segments. */
    private AdMedia ad(String id, int seconds) throws HlsParseException {
        URI master = ADS.resolve(id + "/master.m3u8");
        String masterText = "#EXTM3U\n#EXT-X-VERSION:6\n"
                + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",LANGUAGE=\"en\",NAME=\"English\",DEFAULT=YES,URI=\"audio.m3u8\"\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS=\"avc1.4d401e,mp4a.40.2\"\nts-360.m3u8\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=2000000,RESOLUTION=1280x720,CODECS=\"avc1.4d401f,mp4a.40.2\"\nts-720.m3u8\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=4000000,RESOLUTION=1920x1080,CODECS=\"avc1.640028,mp4a.40.2\"\nts-1080.m3u8\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=1500000,RESOLUTION=960x540,CODECS=\"avc1.4d401f,mp4a.40.2\",AUDIO=\"a\"\n"
                + "cmaf-540.m3u8\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1920x1080,CODECS=\"avc1.640028,mp4a.40.2\",AUDIO=\"a\"\n"
                + "cmaf-1080.m3u8\n";
        MasterPlaylist m = parser.parseMaster(masterText);
        Map<URI, MediaPlaylist> media = new HashMap<>();
        for (String name : new String[] {"ts-360", "ts-720", "ts-1080", "cmaf-540", "cmaf-1080", "audio"}) {
            boolean cmaf = !name.startsWith("ts");
            StringBuilder t = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:" + (cmaf ? 6 : 3)
                    + "\n#EXT-X-TARGETDURATION:6\n#EXT-X-PLAYLIST-TYPE:VOD\n");
            if (cmaf) {
                t.append("#EXT-X-MAP:URI=\"").append(name).append("-init.mp4\"\n");
            }
            for (int left = seconds, i = 0; left > 0; left -= 6, i++) {
                t.append("#EXTINF:").append(Math.min(6, left)).append(".000,\n").append(name).append('-').append(i)
                        .append(cmaf ? ".m4s\n" : ".ts\n");
            }
            t.append("#EXT-X-ENDLIST\n");
            media.put(master.resolve(name + ".m3u8"), parser.parseMedia(t.toString()));
        }
        return new AdMedia(id, seconds * 1_000_000L, m, master, media);
    }

    @Benchmark
    public StitchedMedia stitchMedia() {
        return stitcher.stitchMedia(content, TARGET, breaks, SegmentLinker.DIRECT);
    }

    @Benchmark
    public StitchedMedia stitchMediaRoutingAds() {
        return stitcher.stitchMedia(content, TARGET, breaks, ROUTING);
    }

    @Benchmark
    public StitchedMedia stitchMediaUnprepared() {
        return stitcher.stitchMedia(contentPlaylist, CONTENT_URI, TARGET, breaks, SegmentLinker.DIRECT);
    }

    @Benchmark
    public String writeStitched() {
        return writer.write(stitched);
    }

    @Benchmark
    public String stitchAndWrite() {
        return writer.write(stitcher.stitchMedia(content, TARGET, breaks, ROUTING).playlist());
    }

    @Benchmark
    public MediaPlaylist baselineCopySegments() {
        return contentPlaylist.toBuilder().build();
    }

    @Benchmark
    public String baselineWriteContent() {
        return writer.write(contentPlaylist);
    }
}
