package io.podium.ssai.stitch;

import static io.podium.ssai.stitch.StitchFixtures.ads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.hls.ByteRange;
import io.podium.ssai.hls.CueMarker;
import io.podium.ssai.hls.DateRange;
import io.podium.ssai.hls.DecimalSeconds;
import io.podium.ssai.hls.EncryptionKey;
import io.podium.ssai.hls.HlsDateTime;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import io.podium.ssai.hls.StreamInfo;
import io.podium.ssai.hls.Variant;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tags a stitched playlist needs around its breaks: MAP, KEY, IV, version, target, cues, dates. */
class StitchTagsTest {
    private static final Target TS = Target.variant(StreamInfo.builder().bandwidth(2_000_000L)
            .codecs("avc1.4d401f,mp4a.40.2").build());
    private static final Target CMAF = Target.variant(StreamInfo.builder().bandwidth(2_500_000L)
            .codecs("mp4a.40.2,avc1.4D401F").build());
    private final HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);

    private static List<String> lines(MediaPlaylist p) {
        return Arrays.asList(StitchAssertions.write(p).split("\n"));
    }

    /** The tag lines written between the URI of segment {@code index - 1} and that of segment {@code index}. */
    private static List<String> tagsBefore(MediaPlaylist p, int index) {
        List<String> all = lines(p);
        int uris = -1;
        List<String> out = new ArrayList<>();
        for (String line : all) {
            if (!line.startsWith("#")) {
                uris++;
                if (uris == index) {
                    return out;
                }
                out = new ArrayList<>();
            } else {
                out.add(line);
            }
        }
        throw new IllegalArgumentException("no segment " + index);
    }

    @Test
    void mapIsDeclaredForEachAdAndForTheContentAfterEveryBreak() {
        ContentMedia c = StitchFixtures.content("hls_cmaf_1/test-video=2500000.m3u8");
        List<Break> breaks = List.of(new Break("pre", 0, ads("ad-15s")), new Break("mid", 30_000_000L,
                ads("ad-15s", "ad-30s")));

        StitchedMedia s = stitcher.stitchMedia(c, CMAF, breaks, SegmentLinker.DIRECT);

        String contentMap = "#EXT-X-MAP:URI=\"https://origin.example.com/vod/hls_cmaf_1/test-video=2500000.m4s\"";
        for (StitchedBreak b : s.breaks()) {
            int after = b.firstSegment() + b.segmentCount();
            assertTrue(tagsBefore(s.playlist(), after).contains(contentMap), "content map after " + b.breakId());
            assertTrue(tagsBefore(s.playlist(), b.firstSegment()).stream()
                    .anyMatch(l -> l.startsWith("#EXT-X-MAP:URI=\"https://ads.example.com/ad-15s/cmaf/540p-init.mp4")),
                    "ad map before " + b.breakId());
        }
        int secondAd = s.breaks().get(1).firstSegment() + 4;
        assertEquals(List.of("#EXT-X-DISCONTINUITY",
                "#EXT-X-MAP:URI=\"https://ads.example.com/ad-30s/video/avc-720p-init.mp4\"", "#EXTINF:6.000,"),
                tagsBefore(s.playlist(), secondAd), "ad to ad: a discontinuity and the next ad's map");
        StitchAssertions.assertNoErrors(s.playlist(), "cmaf");
    }

    @Test
    void encryptedContentGetsKeyNoneBeforeTheAdAndItsKeyAgainAfter() {
        ContentMedia c = StitchFixtures.content("hls_fairplay_ts/video_index.m3u8");
        StitchedMedia s = stitcher.stitchMedia(c, TS, List.of(new Break("mid", 60_000_000L, ads("ad-15s"))),
                SegmentLinker.DIRECT);

        StitchedBreak b = s.breaks().get(0);
        String key = "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://twelve\",KEYFORMAT=\"com.apple.streamingkeydelivery\","
                + "KEYFORMATVERSIONS=\"1\"";
        assertTrue(tagsBefore(s.playlist(), b.firstSegment()).contains("#EXT-X-KEY:METHOD=NONE"));
        assertTrue(tagsBefore(s.playlist(), b.firstSegment() + b.segmentCount()).contains(key));
        assertEquals(List.of(), s.playlist().segments().get(b.firstSegment()).keys());
        assertEquals(2, lines(s.playlist()).stream().filter(key::equals).count(), "declared at the start and after");
    }

    @Test
    void aes128WithoutIvGetsItsMediaSequenceNumberAsExplicitIvOnceTheBreakShiftsIt() {
        EncryptionKey key = EncryptionKey.of("AES-128", "keys/k1.bin");
        List<MediaSegment> segments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            segments.add(MediaSegment.builder("s" + i + ".ts", DecimalSeconds.parse("6")).keys(List.of(key)).build());
        }
        MediaPlaylist p = MediaPlaylist.builder().targetDuration(6L).mediaSequence(100L).segments(segments)
                .endList(true).build();
        ContentMedia c = ContentMedia.of(p, URI.create("https://origin.example.com/aes/index.m3u8"));
        AdMedia encryptedAd = encryptedAd();

        StitchedMedia s = stitcher.stitchMedia(c, TS, List.of(new Break("mid", 12_000_000L, List.of(encryptedAd))),
                SegmentLinker.DIRECT);

        List<MediaSegment> out = s.playlist().segments();
        assertNull(out.get(0).keys().get(0).iv(), "before the break the sequence number is still right");
        assertNull(out.get(1).keys().get(0).iv());
        assertEquals("https://origin.example.com/aes/keys/k1.bin", out.get(0).keys().get(0).uri());
        assertEquals("0x00000000000000000000000000000066", out.get(3).keys().get(0).iv(), "content segment 2: 102");
        assertEquals("0x00000000000000000000000000000067", out.get(4).keys().get(0).iv(), "content segment 3: 103");
        assertEquals("0x00000000000000000000000000000007", out.get(2).keys().get(0).iv(),
                "the ad's segment 0 has sequence 7 in its own playlist");
        assertEquals("https://ads.example.com/aes-ad/k.bin", out.get(2).keys().get(0).uri());
        assertEquals(Integer.valueOf(3), s.playlist().version(), "IV needs 2, the ad's decimal durations 3");
        StitchAssertions.assertNoErrors(s.playlist(), "aes");
    }

    private static AdMedia encryptedAd() {
        EncryptionKey key = EncryptionKey.of("AES-128", "k.bin");
        MediaPlaylist media = MediaPlaylist.builder().version(3).targetDuration(5L).mediaSequence(7L).endList(true)
                .segments(List.of(MediaSegment.builder("a0.ts", DecimalSeconds.parse("5.005")).keys(List.of(key))
                        .build())).build();
        URI masterUri = StitchFixtures.ADS.resolve("aes-ad/master.m3u8");
        MasterPlaylist master = new MasterPlaylist(null, false, null, List.of(
                new Variant(StreamInfo.builder().bandwidth(1_000_000L).build(), "v.m3u8")));
        return new AdMedia("aes-ad", 5_000_000, master, masterUri, Map.of(masterUri.resolve("v.m3u8"),
                media));
    }

    @Test
    void versionIsRaisedForWhatTheAdsUse() {
        MediaPlaylist plain = SyntheticAd.media("c.m3u8", false, "6", "6").toBuilder().version(null).build();
        ContentMedia c = ContentMedia.of(plain, URI.create("https://origin.example.com/plain/index.m3u8"));
        AdMedia ranged = rangedAd();

        StitchedMedia none = stitcher.stitchMedia(c, TS, List.of(), SegmentLinker.DIRECT);
        StitchedMedia decimal = stitcher.stitchMedia(c, TS, List.of(new Break("b", 6_000_000L,
                ads("ad-20s-muxed"))), SegmentLinker.DIRECT);
        StitchedMedia byteRange = stitcher.stitchMedia(c, TS, List.of(new Break("b", 6_000_000L, List.of(ranged))),
                SegmentLinker.DIRECT);

        assertNull(none.playlist().version(), "nothing needs a version: none written");
        assertEquals(Integer.valueOf(3), decimal.playlist().version(), "6.006 needs 3");
        assertEquals(Integer.valueOf(4), byteRange.playlist().version(), "EXT-X-BYTERANGE needs 4");
        StitchAssertions.assertNoErrors(byteRange.playlist(), "byte range ad");
    }

    private static AdMedia rangedAd() {
        MediaPlaylist media = MediaPlaylist.builder().version(4).targetDuration(6L).endList(true).segments(List.of(
                MediaSegment.builder("all.ts", DecimalSeconds.parse("6")).byteRange(new ByteRange(1000, 0L)).build(),
                MediaSegment.builder("all.ts", DecimalSeconds.parse("6")).byteRange(new ByteRange(800, null)).build()))
                .build();
        URI masterUri = StitchFixtures.ADS.resolve("ranged/master.m3u8");
        MasterPlaylist master = new MasterPlaylist(null, false, null, List.of(
                new Variant(StreamInfo.builder().bandwidth(1_000_000L).build(), "v.m3u8")));
        return new AdMedia("ranged", 12_000_000, master, masterUri, Map.of(masterUri.resolve("v.m3u8"),
                media));
    }

    @Test
    void adByteRangesGetExplicitOffsetsSoThatRoutingCannotBreakThem() {
        ContentMedia c = ContentMedia.of(SyntheticAd.media("c.m3u8", false, "6", "6"),
                URI.create("https://origin.example.com/plain/index.m3u8"));

        StitchedMedia s = stitcher.stitchMedia(c, TS, List.of(new Break("b", 6_000_000L, List.of(rangedAd()))),
                TestLinkers.ROUTING);

        assertEquals(new ByteRange(800, 1000L), s.playlist().segments().get(2).byteRange());
        StitchAssertions.assertNoErrors(s.playlist(), "routed byte ranges");
    }

    @Test
    void targetDurationIsRaisedByLongerAdSegments() {
        ContentMedia c = ContentMedia.of(SyntheticAd.media("c.m3u8", false, "2", "2", "2"),
                URI.create("https://origin.example.com/short/index.m3u8"));

        StitchedMedia s = stitcher.stitchMedia(c, TS, List.of(new Break("b", 2_000_000L, ads("ad-20s-muxed"))),
                SegmentLinker.DIRECT);

        assertEquals(Long.valueOf(2), c.playlist().targetDuration());
        assertEquals(Long.valueOf(6), s.playlist().targetDuration(), "6.006 rounds to 6");
    }

    @Test
    void cueTagsMarkEachBreakAndEndAfterAPostRoll() {
        ContentMedia c = StitchFixtures.content("hls1/1497000.m3u8");
        StitchedMedia s = stitcher.stitchMedia(c, TS, List.of(new Break("mid", 90_000_000L, ads("ad-15s", "ad-30s")),
                new Break("post", Break.POST_ROLL, ads("ad-15s"))), SegmentLinker.DIRECT);

        List<MediaSegment> out = s.playlist().segments();
        StitchedBreak mid = s.breaks().get(0);
        assertEquals(List.of(CueMarker.out(DecimalSeconds.parse("45"))), out.get(mid.firstSegment()).cues());
        assertEquals(List.of(CueMarker.in()), out.get(mid.firstSegment() + mid.segmentCount()).cues());
        assertEquals(List.of("#EXT-X-CUE-IN"), s.playlist().trailingLines());
        List<String> text = lines(s.playlist());
        assertEquals("#EXT-X-ENDLIST", text.get(text.size() - 1));
        assertEquals("#EXT-X-CUE-IN", text.get(text.size() - 2));
    }

    @Test
    void cueTagsAndDateRangesCanBeLeftOut() {
        ContentMedia c = StitchFixtures.content("hls_subs7_demux/media7070700.m3u8");
        HlsStitcher bare = new HlsStitcher(StitchOptions.DEFAULTS.withCueTags(false).withDateRanges(false));

        StitchedMedia s = bare.stitchMedia(c, CMAF, List.of(new Break("mid", 60_000_000L, ads("ad-15s"))),
                SegmentLinker.DIRECT);

        assertTrue(s.playlist().segments().stream().allMatch(seg -> seg.cues().isEmpty() && seg.dateRanges().isEmpty()));
        assertTrue(s.playlist().trailingLines().isEmpty());
    }

    @Test
    void noDateRangeWithoutProgramDateTimeInTheContent() {
        ContentMedia c = StitchFixtures.content("hls1/1497000.m3u8");

        StitchedMedia s = stitcher.stitchMedia(c, TS, List.of(new Break("pre", 0, ads("ad-15s"))), SegmentLinker.DIRECT);

        assertTrue(s.playlist().segments().stream().allMatch(seg -> seg.dateRanges().isEmpty()
                && seg.programDateTime() == null), "RFC 8216 §4.3.2.7: a date range needs a program date-time");
    }

    @Test
    void datedContentGetsDateRangesAtTheContentDateAndExplicitDatesAfterBreaks() {
        ContentMedia c = StitchFixtures.content("hls_subs7_demux/media7070700.m3u8");
        long boundary = c.boundaryMicros(c.boundaryFor(60_000_000L));
        List<Break> breaks = List.of(new Break("pre", 0, ads("ad-15s")), new Break("mid", 60_000_000L,
                ads("ad-30s")));

        StitchedMedia s = stitcher.stitchMedia(c, CMAF, breaks, SegmentLinker.DIRECT);

        List<MediaSegment> out = s.playlist().segments();
        HlsDateTime start = c.playlist().segments().get(0).programDateTime();
        assertEquals(start, out.get(0).programDateTime(), "a pre-roll at the very start carries the content's date");
        assertEquals(List.of(DateRange.of("pre", start, DecimalSeconds.parse("15"))), out.get(0).dateRanges());
        StitchedBreak mid = s.breaks().get(1);
        HlsDateTime midDate = HlsDateTime.of(start.instant().plusNanos(boundary * 1000));
        assertEquals(List.of(DateRange.of("mid", midDate, DecimalSeconds.parse("30"))),
                out.get(mid.firstSegment()).dateRanges());
        assertNull(out.get(mid.firstSegment()).programDateTime(), "ad segments carry no date of their own");
        assertEquals(midDate, out.get(mid.firstSegment() + mid.segmentCount()).programDateTime(),
                "the content after the break is dated where it resumes");
        assertEquals(start, out.get(s.breaks().get(0).segmentCount()).programDateTime());
        StitchAssertions.assertNoErrors(s.playlist(), "dated");
    }

    @Test
    void secondBreakAtOneBoundaryStartsWhereTheFirstEnds() {
        ContentMedia c = StitchFixtures.content("hls_subs7_demux/media7070700.m3u8");
        List<Break> breaks = List.of(new Break("a", 60_000_000L, ads("ad-15s")), new Break("b", 60_000_000L,
                ads("ad-30s")));

        StitchedMedia s = stitcher.stitchMedia(c, CMAF, breaks, SegmentLinker.DIRECT);

        MediaSegment second = s.playlist().segments().get(s.breaks().get(1).firstSegment());
        assertEquals(List.of(CueMarker.in(), CueMarker.out(DecimalSeconds.parse("30"))), second.cues());
        HlsDateTime firstStart = s.playlist().segments().get(s.breaks().get(0).firstSegment()).dateRanges().get(0)
                .startDate();
        assertEquals(firstStart.instant().plusSeconds(15), second.dateRanges().get(0).startDate().instant());
    }

    @Test
    void linkerGetsBreakAdAndSegmentIndices() {
        ContentMedia c = StitchFixtures.content("hls1/1497000.m3u8");
        List<Break> breaks = List.of(new Break("mid", 90_000_000L, List.of(StitchFixtures.adWithoutMedia("ad-30s"),
                StitchFixtures.ad("ad-15s"))), new Break("pre", 0, ads("ad-20s-muxed")));

        StitchedMedia s = stitcher.stitchMedia(c, TS, breaks, TestLinkers.ROUTING);

        List<String> inserted = s.playlist().segments().stream().filter(StitchAssertions::isInserted)
                .map(MediaSegment::uri).collect(Collectors.toList());
        assertEquals(List.of("https://podium.test/ad/b0/a0/0of4/ad-20s-muxed/720p-0.ts",
                "https://podium.test/ad/b0/a0/1of4/ad-20s-muxed/720p-1.ts",
                "https://podium.test/ad/b0/a0/2of4/ad-20s-muxed/720p-2.ts",
                "https://podium.test/ad/b0/a0/3of4/ad-20s-muxed/720p-3.ts",
                "https://podium.test/ad/b1/a1/0of3/ad-15s/ts/360p-0.ts",
                "https://podium.test/ad/b1/a1/1of3/ad-15s/ts/360p-1.ts",
                "https://podium.test/ad/b1/a1/2of3/ad-15s/ts/360p-2.ts"), inserted,
                "break indices in position order; the ad keeps its index in the break though the first is skipped;"
                + " at 2 Mbit/s the 1.8 Mbit/s variant of one ad, the 0.8 Mbit/s one of the other (the next is 2.4)");
        assertEquals(List.of(new SkippedAd(1, 0, "ad-30s-unfetched", SkippedAd.Reason.NO_MEDIA)), s.skipped());
    }

    @Test
    void withoutBreaksTheContentOnlyGetsAbsoluteUris() {
        ContentMedia c = StitchFixtures.content("hls_abr7/master590000.m3u8");

        StitchedMedia s = stitcher.stitchMedia(c, CMAF, List.of(), SegmentLinker.DIRECT);

        assertEquals(c.playlist(), s.playlist(), "abr7 already has absolute URIs");
        assertFalse(s.playlist().segments().isEmpty());
        ContentMedia relative = StitchFixtures.content("hls_cmaf_1/test-video=2500000.m3u8");
        MediaPlaylist out = stitcher.stitchMedia(relative, CMAF, List.of(), SegmentLinker.DIRECT).playlist();
        assertEquals("https://origin.example.com/vod/hls_cmaf_1/test-video=2500000-1.m4s", out.segments().get(0).uri());
        assertEquals("https://origin.example.com/vod/hls_cmaf_1/test-video=2500000.m4s", out.segments().get(0).map().uri());
        assertEquals(relative.playlist().headerLines(), out.headerLines());
    }

    @Test
    void discontinuitySequenceIsKeptAndBreaksAddDiscontinuities() {
        ContentMedia c = StitchFixtures.content("hls_abr7/master590000.m3u8");

        StitchedMedia s = stitcher.stitchMedia(c, CMAF, List.of(new Break("pre", 0, ads("ad-15s")),
                new Break("mid", 60_000_000L, ads("ad-15s", "ad-30s"))), SegmentLinker.DIRECT);

        assertEquals(Long.valueOf(0), s.playlist().discontinuitySequence());
        assertEquals(Long.valueOf(1), s.playlist().mediaSequence());
        assertEquals(1 + 3, StitchAssertions.discontinuities(s.playlist()),
                "pre-roll: none before it, one after; mid-roll: content|ad, ad|ad, ad|content");
    }
}
