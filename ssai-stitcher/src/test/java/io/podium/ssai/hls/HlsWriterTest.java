package io.podium.ssai.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HlsWriterTest {
    private static final EncryptionKey FAIRPLAY = new EncryptionKey("SAMPLE-AES", "skd://k1", null,
            "com.apple.streamingkeydelivery", "1", AttributeList.EMPTY);
    private static final EncryptionKey WIDEVINE = new EncryptionKey("SAMPLE-AES-CTR", "data:w", null,
            "urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed", "1", AttributeList.of(new Attribute("KEYID", "0x12AB")));

    private final HlsWriter writer = new HlsWriter();
    private final HlsParser parser = new HlsParser();

    private static MediaSegment.Builder segment(String uri, long micros) {
        return MediaSegment.builder(uri, DecimalSeconds.ofMicros(micros));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private void assertReadsBackEqual(Playlist model) throws HlsParseException {
        String written = writer.write(model);
        assertEquals(model, parser.parse(written), written);
    }

    @Test
    void newDurationsAreWrittenFromMicrosecondsWithUpToSixDecimals() {
        assertEquals("6", DecimalSeconds.ofMicros(6_000_000).text());
        assertEquals("6.006", DecimalSeconds.ofMicros(6_006_000).text());
        assertEquals("0.000001", DecimalSeconds.ofMicros(1).text());
        assertEquals("0", DecimalSeconds.ofMicros(0).text());
        assertEquals("10", DecimalSeconds.ofSeconds(10).text());
    }

    @Test
    void parsedDurationsAreWrittenAsTheyWereRead() throws Exception {
        String text = lines("#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:4", "#EXTINF:4.000,",
                "a.ts", "#EXTINF:3.9999999,", "b.ts");
        assertEquals(text, writer.write(parser.parse(text)));
    }

    @Test
    void writesAMediaPlaylistInCanonicalOrder() throws Exception {
        HlsDateTime start = HlsDateTime.of(Instant.parse("2024-05-01T10:00:00Z"));
        MediaPlaylist p = MediaPlaylist.builder().version(6).targetDuration(6L).mediaSequence(100L)
                .discontinuitySequence(2L).playlistType(PlaylistType.VOD).independentSegments(true)
                .headerLines(List.of("## made by a test"))
                .addSegment(segment("content-1.m4s", 6_000_000).map(InitSection.of("init.mp4")).programDateTime(start)
                        .build())
                .addSegment(segment("ad-1.m4s", 5_005_000).title("ad").discontinuity(true)
                        .map(InitSection.of("ad-init.mp4")).keys(List.of(FAIRPLAY, WIDEVINE))
                        .addCue(CueMarker.out(DecimalSeconds.ofSeconds(15)))
                        .addDateRange(DateRange.of("break-1", start, DecimalSeconds.ofSeconds(15)))
                        .passthrough(List.of("# ad 1 of 3")).build())
                .addSegment(segment("content.m4s", 6_000_000).byteRange(new ByteRange(1000, 0L)).discontinuity(true)
                        .map(InitSection.of("init.mp4")).addCue(CueMarker.in()).gap(true).bitrate(900L).build())
                .trailingLines(List.of("# end of content"))
                .endList(true).build();

        assertEquals(lines("#EXTM3U",
                "#EXT-X-VERSION:6",
                "#EXT-X-TARGETDURATION:6",
                "#EXT-X-MEDIA-SEQUENCE:100",
                "#EXT-X-DISCONTINUITY-SEQUENCE:2",
                "#EXT-X-PLAYLIST-TYPE:VOD",
                "#EXT-X-INDEPENDENT-SEGMENTS",
                "## made by a test",
                "#EXT-X-MAP:URI=\"init.mp4\"",
                "#EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:00.000Z",
                "#EXTINF:6,",
                "content-1.m4s",
                "#EXT-X-DISCONTINUITY",
                "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://k1\",KEYFORMAT=\"com.apple.streamingkeydelivery\","
                        + "KEYFORMATVERSIONS=\"1\"",
                "#EXT-X-KEY:METHOD=SAMPLE-AES-CTR,URI=\"data:w\",KEYFORMAT=\"urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed\","
                        + "KEYFORMATVERSIONS=\"1\",KEYID=0x12AB",
                "#EXT-X-MAP:URI=\"ad-init.mp4\"",
                "#EXT-X-DATERANGE:ID=\"break-1\",START-DATE=\"2024-05-01T10:00:00.000Z\",DURATION=15",
                "#EXT-X-CUE-OUT:DURATION=15",
                "# ad 1 of 3",
                "#EXTINF:5.005,ad",
                "ad-1.m4s",
                "#EXT-X-DISCONTINUITY",
                "#EXT-X-KEY:METHOD=NONE",
                "#EXT-X-MAP:URI=\"init.mp4\"",
                "#EXT-X-CUE-IN",
                "#EXT-X-GAP",
                "#EXT-X-BITRATE:900",
                "#EXTINF:6,",
                "#EXT-X-BYTERANGE:1000@0",
                "content.m4s",
                "# end of content",
                "#EXT-X-ENDLIST"), writer.write(p));
        assertReadsBackEqual(p);
    }

    @Test
    void theSameModelAlwaysGivesTheSameText() {
        MediaPlaylist a = MediaPlaylist.builder().targetDuration(4L).addSegment(segment("a.ts", 4_000_000).build())
                .build();
        MediaPlaylist b = MediaPlaylist.builder().targetDuration(4L).addSegment(segment("a.ts", 4_000_000).build())
                .build();
        assertEquals(writer.write(a), writer.write(b));
        assertEquals(writer.write(a), writer.write(a));
    }

    @Test
    void writesOnlyTheKeysThatChangeAndNoneWhenEncryptionEnds() throws Exception {
        EncryptionKey fairplay2 = new EncryptionKey("SAMPLE-AES", "skd://k2", "0x0F", "com.apple.streamingkeydelivery",
                "1", AttributeList.EMPTY);
        MediaPlaylist p = MediaPlaylist.builder().version(5).targetDuration(4L)
                .addSegment(segment("1.ts", 4_000_000).keys(List.of(FAIRPLAY, WIDEVINE)).build())
                .addSegment(segment("2.ts", 4_000_000).keys(List.of(FAIRPLAY, WIDEVINE)).build())
                .addSegment(segment("3.ts", 4_000_000).keys(List.of(fairplay2, WIDEVINE)).build())
                .addSegment(segment("4.ts", 4_000_000).build())
                .build();
        List<String> keyLines = writer.write(p).lines().filter(l -> l.startsWith("#EXT-X-KEY")).toList();

        assertEquals(4, keyLines.size(), keyLines::toString);
        assertTrue(keyLines.get(2).contains("skd://k2"), "only the changed key is written again");
        assertEquals("#EXT-X-KEY:METHOD=NONE", keyLines.get(3));
        assertReadsBackEqual(p);
    }

    @Test
    void startsAgainFromNoneWhenTheKeyOrderWouldOtherwiseChange() throws Exception {
        MediaPlaylist p = MediaPlaylist.builder().version(5).targetDuration(4L)
                .addSegment(segment("1.ts", 4_000_000).keys(List.of(FAIRPLAY)).build())
                .addSegment(segment("2.ts", 4_000_000).keys(List.of(WIDEVINE, FAIRPLAY)).build())
                .build();
        String written = writer.write(p);

        assertTrue(written.contains("1.ts\n#EXT-X-KEY:METHOD=NONE\n#EXT-X-KEY:METHOD=SAMPLE-AES-CTR"), written);
        assertReadsBackEqual(p);
    }

    @Test
    void writesTheMapOnlyWhereItChanges() {
        MediaPlaylist p = MediaPlaylist.builder().version(6).targetDuration(4L)
                .addSegment(segment("1.m4s", 4_000_000).map(InitSection.of("i.mp4")).build())
                .addSegment(segment("2.m4s", 4_000_000).map(InitSection.of("i.mp4")).build())
                .build();
        assertEquals(1, writer.write(p).lines().filter(l -> l.startsWith("#EXT-X-MAP")).count());
    }

    @Test
    void linesBeforeTheFirstSegmentWithoutTagsFollowItsExtinfSoTheyStayWithIt() throws Exception {
        MediaPlaylist p = MediaPlaylist.builder().targetDuration(4L).headerLines(List.of("# header"))
                .addSegment(segment("1.ts", 4_000_000).passthrough(List.of("# first segment")).build())
                .build();

        assertEquals(lines("#EXTM3U", "#EXT-X-TARGETDURATION:4", "# header", "#EXTINF:4,", "# first segment", "1.ts"),
                writer.write(p));
        assertReadsBackEqual(p);
    }

    @Test
    void writesAMasterPlaylistInEntryOrder() throws Exception {
        MasterPlaylist p = new MasterPlaylist(6, true, null, List.of(
                new PassthroughLine("# renditions"),
                Rendition.builder(RenditionType.AUDIO, "aac", "English").language("en").isDefault(true)
                        .autoselect(true).channels("2").uri("en/audio.m3u8").build(),
                Rendition.builder(RenditionType.SUBTITLES, "subs", "Svenska").language("sv").forced(false)
                        .uri("sv/subs.m3u8").build(),
                new Variant(StreamInfo.builder().bandwidth(2_000_000L).averageBandwidth(1_600_000L)
                        .codecs("avc1.640028,mp4a.40.2").resolution(new Resolution(1280, 720))
                        .frameRate(new BigDecimal("25.000")).audio("aac").subtitles("subs")
                        .closedCaptions(StreamInfo.NONE).build(), "720p/video.m3u8"),
                new IFrameVariant(StreamInfo.builder().bandwidth(90_000L).codecs("avc1.640028").build(),
                        "720p/iframes.m3u8")));

        assertEquals(lines("#EXTM3U",
                "#EXT-X-VERSION:6",
                "#EXT-X-INDEPENDENT-SEGMENTS",
                "# renditions",
                "#EXT-X-MEDIA:TYPE=AUDIO,URI=\"en/audio.m3u8\",GROUP-ID=\"aac\",LANGUAGE=\"en\",NAME=\"English\","
                        + "DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\"",
                "#EXT-X-MEDIA:TYPE=SUBTITLES,URI=\"sv/subs.m3u8\",GROUP-ID=\"subs\",LANGUAGE=\"sv\",NAME=\"Svenska\","
                        + "FORCED=NO",
                "#EXT-X-STREAM-INF:BANDWIDTH=2000000,AVERAGE-BANDWIDTH=1600000,CODECS=\"avc1.640028,mp4a.40.2\","
                        + "RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"aac\",SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE",
                "720p/video.m3u8",
                "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,CODECS=\"avc1.640028\",URI=\"720p/iframes.m3u8\""),
                writer.write(p));
        assertReadsBackEqual(p);
    }

    @Test
    void refusesModelsWhoseTextWouldMeanSomethingElse() {
        // An ad URI from a third party must not smuggle tags into the playlist.
        assertThrows(IllegalArgumentException.class, () -> segment("ad.ts\n#EXT-X-ENDLIST", 1).build());
        assertThrows(IllegalArgumentException.class, () -> segment("#ad.ts", 1).build());
        assertThrows(IllegalArgumentException.class, () -> segment("a.ts", 1).title("t\n#EXT-X-GAP").build());
        assertThrows(IllegalArgumentException.class, () -> InitSection.of("init.mp4\",BYTERANGE=\"1@0"));
        assertThrows(IllegalArgumentException.class, () -> segment("a.ts", 1).passthrough(List.of("#EXT-X-GAP"))
                .build());
        assertThrows(IllegalArgumentException.class, () -> segment("a.ts", 1).keys(List.of(FAIRPLAY, FAIRPLAY))
                .build());
        assertThrows(IllegalArgumentException.class, () -> StreamInfo.builder()
                .otherAttributes(AttributeList.of(new Attribute("BANDWIDTH", "1"))).build());
        IllegalArgumentException mapRemoved = assertThrows(IllegalArgumentException.class, () ->
                MediaPlaylist.builder().addSegment(segment("1.m4s", 1).map(InitSection.of("i.mp4")).build())
                        .addSegment(segment("2.ts", 1).build()).build());
        assertTrue(mapRemoved.getMessage().contains("HLS cannot remove it"), mapRemoved.getMessage());
    }
}
