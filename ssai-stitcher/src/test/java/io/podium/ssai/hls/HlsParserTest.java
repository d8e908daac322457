package io.podium.ssai.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HlsParserTest {
    private final HlsParser parser = new HlsParser();

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private MediaPlaylist media(String... lines) throws HlsParseException {
        return parser.parseMedia(lines(lines));
    }

    private HlsParseException failure(String text) {
        return assertThrows(HlsParseException.class, () -> parser.parse(text));
    }

    // --- detection and tolerance ---

    @Test
    void tellsMasterFromMediaByTheirTags() throws Exception {
        assertInstanceOf(MasterPlaylist.class, parser.parse(lines("#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=1", "a.m3u8")));
        assertInstanceOf(MediaPlaylist.class, parser.parse(lines("#EXTM3U", "#EXT-X-TARGETDURATION:6")));
        assertInstanceOf(MediaPlaylist.class, parser.parse(lines("#EXTM3U")));
    }

    @Test
    void toleratesBomCrlfBlankLinesAndSurroundingWhitespace() throws Exception {
        String messy = "\uFEFF#EXTM3U\r\n\r\n  #EXT-X-TARGETDURATION:6  \r\n\t#EXTINF:5.5,\ttitle \r\n  a.ts \r\n";
        MediaPlaylist p = parser.parseMedia(messy);

        assertEquals(6L, p.targetDuration());
        assertEquals("a.ts", p.segments().get(0).uri());
        assertEquals("title", p.segments().get(0).title());
        assertEquals(p, media("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXTINF:5.5,title", "a.ts"));
    }

    @Test
    void countsLinesAcrossCrlfLoneCrAndBlankLines() {
        HlsParseException e = failure("#EXTM3U\r\n\r\n#EXT-X-TARGETDURATION:6\r#EXTINF:-1,\na.ts\n");
        assertEquals(4, e.line());
    }

    @Test
    void keepsTheDurationTextAndItsMicroseconds() throws Exception {
        MediaPlaylist p = media("#EXTM3U", "#EXT-X-TARGETDURATION:16", "#EXTINF:6.000,", "a.ts", "#EXTINF:15.120000000000001",
                "b.ts", "#EXTINF:4,", "c.ts");

        assertEquals(new DecimalSeconds("6.000", 6_000_000), p.segments().get(0).duration());
        assertEquals("15.120000000000001", p.segments().get(1).duration().text());
        assertEquals(15_120_000, p.segments().get(1).durationMicros());
        assertFalse(p.segments().get(2).duration().hasFraction());
    }

    // --- media playlist model ---

    @Test
    void readsPlaylistWideTagsWhereverTheyAre() throws Exception {
        MediaPlaylist p = media("#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-MEDIA-SEQUENCE:12",
                "#EXT-X-DISCONTINUITY-SEQUENCE:3", "#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-INDEPENDENT-SEGMENTS",
                "#EXT-X-START:TIME-OFFSET=-12.5,PRECISE=YES", "#EXTINF:4,", "a.ts", "#EXT-X-TARGETDURATION:4",
                "#EXT-X-ENDLIST");

        assertEquals(7, p.version());
        assertEquals(4L, p.targetDuration());
        assertEquals(12L, p.mediaSequence());
        assertEquals(3L, p.discontinuitySequence());
        assertEquals(PlaylistType.EVENT, p.playlistType());
        assertTrue(p.independentSegments() && p.endList());
        assertEquals(-12_500_000, p.start().timeOffset().micros());
        assertEquals(Boolean.TRUE, p.start().precise());
    }

    @Test
    void keepsEachSegmentsKeysAndMapInForce() throws Exception {
        MediaPlaylist p = media("#EXTM3U", "#EXT-X-TARGETDURATION:4",
                "#EXTINF:4,", "clear.ts",
                "#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"720@0\"",
                "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://k1\",KEYFORMAT=\"com.apple.streamingkeydelivery\"",
                "#EXT-X-KEY:METHOD=SAMPLE-AES-CTR,URI=\"data:x\",KEYFORMAT=\"urn:uuid:edef8ba9\",KEYID=0xAB",
                "#EXTINF:4,", "a.mp4",
                "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://k2\",KEYFORMAT=\"com.apple.streamingkeydelivery\"",
                "#EXTINF:4,", "b.mp4",
                "#EXT-X-KEY:METHOD=NONE",
                "#EXTINF:4,", "c.mp4");
        List<MediaSegment> s = p.segments();

        assertEquals(List.of(), s.get(0).keys());
        assertNull(s.get(0).map());
        assertEquals(new InitSection("init.mp4", new ByteRange(720, 0L), AttributeList.EMPTY), s.get(1).map());
        assertEquals(List.of("skd://k1", "data:x"), s.get(1).keys().stream().map(EncryptionKey::uri).toList());
        assertEquals(AttributeList.of(new Attribute("KEYID", "0xAB")), s.get(1).keys().get(1).otherAttributes());
        assertEquals(List.of("skd://k2", "data:x"), s.get(2).keys().stream().map(EncryptionKey::uri).toList(),
                "a new key replaces the one of the same KEYFORMAT, in place");
        assertEquals(List.of(), s.get(3).keys(), "METHOD=NONE ends encryption");
        assertEquals(s.get(1).map(), s.get(3).map(), "the map stays in force");
    }

    @Test
    void readsByteRangesWithAndWithoutOffset() throws Exception {
        MediaPlaylist p = media("#EXTM3U", "#EXT-X-VERSION:4", "#EXT-X-TARGETDURATION:4", "#EXTINF:4,",
                "#EXT-X-BYTERANGE:1000@24", "all.ts", "#EXTINF:4,", "#EXT-X-BYTERANGE:2000", "all.ts");

        assertEquals(new ByteRange(1000, 24L), p.segments().get(0).byteRange());
        assertEquals(new ByteRange(2000, null), p.segments().get(1).byteRange());
    }

    @Test
    void readsSegmentTagsDateRangesAndCues() throws Exception {
        MediaPlaylist p = media("#EXTM3U", "#EXT-X-TARGETDURATION:4",
                "#EXT-X-PROGRAM-DATE-TIME:1970-01-01T00:34:38.960000Z",
                "#EXT-X-DISCONTINUITY",
                "#EXT-X-CUE-OUT:DURATION=30",
                "#EXT-X-DATERANGE:ID=\"ad1\",CLASS=\"com.apple.hls.interstitial\",START-DATE=\"2024-05-01T10:00:00Z\","
                        + "DURATION=15.0,X-ASSET-URI=\"http://a.example/ad.m3u8\", X-RESUME-OFFSET=0,"
                        + "SCTE35-OUT=0xFC30,END-ON-NEXT=YES",
                "#EXT-X-GAP", "#EXT-X-BITRATE:800",
                "#EXTINF:4,", "a.ts",
                "#EXT-X-CUE-OUT-CONT:2/30", "#EXT-X-CUE-IN",
                "#EXTINF:4,", "b.ts");
        MediaSegment a = p.segments().get(0);
        DateRange d = a.dateRanges().get(0);

        assertEquals("1970-01-01T00:34:38.960000Z", a.programDateTime().text());
        assertEquals(Instant.parse("1970-01-01T00:34:38.960Z"), a.programDateTime().instant());
        assertTrue(a.discontinuity() && a.gap());
        assertEquals(800L, a.bitrate());
        assertEquals(List.of(new CueMarker(CueMarker.Kind.OUT, "DURATION=30")), a.cues());
        assertEquals(30_000_000, a.cues().get(0).outDuration().micros());
        assertEquals("ad1", d.id());
        assertEquals("com.apple.hls.interstitial", d.rangeClass());
        assertEquals(15_000_000, d.duration().micros());
        assertEquals("0xFC30", d.scte35Out());
        assertTrue(d.endOnNext());
        assertEquals(List.of("X-ASSET-URI", "X-RESUME-OFFSET"),
                d.clientAttributes().stream().map(Attribute::name).toList());
        assertEquals(List.of(new CueMarker(CueMarker.Kind.OUT_CONT, "2/30"), CueMarker.in()),
                p.segments().get(1).cues());
    }

    @Test
    void keepsCommentsAndUnknownTagsWhereTheyWere() throws Exception {
        MediaPlaylist p = media("#EXTM3U", "#EXT-X-VERSION:3", "## packager 1.0", "#EXT-X-ALLOW-CACHE:YES",
                "#EXT-X-TARGETDURATION:4", "#EXTINF:4,", "a.ts", "# ad break next", "#EXT-X-FUTURE-TAG:X=1",
                "#EXTINF:4,", "b.ts", "# the end", "#EXT-X-CUE-IN", "#EXT-X-ENDLIST");

        assertEquals(List.of("## packager 1.0", "#EXT-X-ALLOW-CACHE:YES"), p.headerLines());
        assertEquals(List.of(), p.segments().get(0).passthrough());
        assertEquals(List.of("# ad break next", "#EXT-X-FUTURE-TAG:X=1"), p.segments().get(1).passthrough());
        assertEquals(List.of("# the end", "#EXT-X-CUE-IN"), p.trailingLines());
    }

    @Test
    void keepsUnknownAttributesInTheirOrder() throws Exception {
        MasterPlaylist p = parser.parseMaster(lines("#EXTM3U",
                "#EXT-X-STREAM-INF:VIDEO-RANGE=SDR,BANDWIDTH=1000,X-B=\"b\",FRAME-RATE=25.000,X-A=0x1F,"
                        + "CLOSED-CAPTIONS=NONE",
                "v.m3u8"));
        StreamInfo s = p.variants().get(0).stream();

        assertEquals(List.of(new Attribute("VIDEO-RANGE", "SDR"), new Attribute("X-B", "\"b\""),
                new Attribute("X-A", "0x1F")), s.otherAttributes().entries());
        assertEquals(new BigDecimal("25.000"), s.frameRate());
        assertEquals(StreamInfo.NONE, s.closedCaptions());
        assertEquals("#EXT-X-STREAM-INF:BANDWIDTH=1000,FRAME-RATE=25.000,CLOSED-CAPTIONS=NONE,VIDEO-RANGE=SDR,"
                + "X-B=\"b\",X-A=0x1F", new HlsWriter().write(p).split("\n")[1]);
    }

    // --- master playlist model ---

    @Test
    void readsAMasterPlaylistInOrder() throws Exception {
        MasterPlaylist p = parser.parseMaster(lines("#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-INDEPENDENT-SEGMENTS",
                "#EXT-X-SESSION-DATA:DATA-ID=\"com.example.title\",VALUE=\"Film\",LANGUAGE=\"en\"",
                "#EXT-X-SESSION-KEY:METHOD=SAMPLE-AES,URI=\"skd://k\",KEYFORMAT=\"com.apple.streamingkeydelivery\"",
                "# audio",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,"
                        + "CHANNELS=\"2\",URI=\"en.m3u8\"",
                "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Svenska\",LANGUAGE=\"sv\",FORCED=NO,URI=\"sv.m3u8\"",
                "#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID=\"cc\",NAME=\"CC1\",INSTREAM-ID=\"CC1\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=2000000,AVERAGE-BANDWIDTH=1500000,CODECS=\"avc1.640028,mp4a.40.2\","
                        + "RESOLUTION=1920x1080,FRAME-RATE=29.970,AUDIO=\"aac\",SUBTITLES=\"subs\",CLOSED-CAPTIONS=\"cc\"",
                "hi.m3u8",
                "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,CODECS=\"avc1.640028\",URI=\"hi-iframes.m3u8\""));

        assertEquals(6, p.version());
        assertTrue(p.independentSegments());
        assertEquals("Film", p.sessionData().get(0).value());
        assertEquals("skd://k", p.sessionKeys().get(0).key().uri());
        assertEquals(new PassthroughLine("# audio"), p.entries().get(2));
        Rendition en = p.renditions().get(0);
        assertEquals(RenditionType.AUDIO, en.type());
        assertEquals("2", en.channels());
        assertEquals(Boolean.TRUE, en.isDefault());
        assertNull(en.forced());
        assertEquals(Boolean.FALSE, p.renditions().get(1).forced());
        assertEquals(1, p.renditions(RenditionType.CLOSED_CAPTIONS, "cc").size());
        StreamInfo hi = p.variants().get(0).stream();
        assertEquals(2_000_000L, hi.bandwidth());
        assertEquals(1_500_000L, hi.averageBandwidth());
        assertEquals(new Resolution(1920, 1080), hi.resolution());
        assertEquals(List.of("aac", "subs", "cc"), List.of(hi.audio(), hi.subtitles(), hi.closedCaptions()));
        assertEquals("hi.m3u8", p.variants().get(0).uri());
        assertEquals("hi-iframes.m3u8", p.iFrameVariants().get(0).uri());
    }

    // --- errors, with their lines ---

    @Test
    void refusesAPlaylistWithoutExtm3u() {
        HlsParseException e = failure("\n\n#EXT-X-TARGETDURATION:6\n");
        assertEquals(3, e.line());
        assertTrue(e.reason().startsWith("missing #EXTM3U"), e.getMessage());
        assertEquals(1, failure("").line());
    }

    @Test
    void refusesAnExtinfWithoutUri() {
        HlsParseException atEnd = failure(lines("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXTINF:6,", "a.ts",
                "#EXTINF:6,"));
        assertEquals(5, atEnd.line());
        assertEquals("#EXTINF without a segment URI after it", atEnd.reason());

        HlsParseException beforeNext = failure(lines("#EXTM3U", "#EXTINF:6,", "#EXT-X-DISCONTINUITY", "#EXTINF:6,",
                "a.ts"));
        assertEquals(2, beforeNext.line());
        assertEquals("line 2: #EXTINF without a segment URI after it (next #EXTINF on line 4)", beforeNext.getMessage());
    }

    @Test
    void refusesASegmentUriWithoutExtinf() {
        HlsParseException e = failure(lines("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXT-X-BYTERANGE:10@0", "a.ts"));
        assertEquals(4, e.line());
        assertEquals("segment URI without an #EXTINF before it: a.ts", e.reason());
    }

    @Test
    void refusesNegativeAndMalformedDurations() {
        HlsParseException negative = failure(lines("#EXTM3U", "#EXTINF:-2.5,", "a.ts"));
        assertEquals(2, negative.line());
        assertEquals("negative #EXTINF duration -2.5", negative.reason());

        HlsParseException malformed = failure(lines("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXTINF:6e0,", "a.ts"));
        assertEquals(3, malformed.line());
        assertEquals("malformed #EXTINF duration '6e0' (expected a decimal number of seconds)", malformed.reason());

        assertEquals("#EXTINF without a duration", failure(lines("#EXTM3U", "#EXTINF:,t", "a.ts")).reason());
    }

    @Test
    void refusesMalformedAttributeListsNamingTheProblem() {
        HlsParseException unterminated = failure(lines("#EXTM3U", "#EXT-X-TARGETDURATION:6",
                "#EXT-X-KEY:METHOD=AES-128,URI=\"https://k", "#EXTINF:6,", "a.ts"));
        assertEquals(3, unterminated.line());
        assertEquals("malformed attribute list in #EXT-X-KEY: unterminated quoted-string for attribute URI at"
                + " character 20 of the attribute list", unterminated.reason());

        HlsParseException noEquals = failure(lines("#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH", "a.m3u8"));
        assertEquals(2, noEquals.line());
        assertEquals("malformed attribute list in #EXT-X-STREAM-INF: expected '=' after attribute name 'BANDWIDTH' at"
                + " character 10 of the attribute list", noEquals.reason());

        assertEquals("malformed attribute list in #EXT-X-STREAM-INF: invalid attribute name 'bandwidth' at character 1"
                + " of the attribute list (allowed: A-Z, 0-9, '-')",
                failure(lines("#EXTM3U", "#EXT-X-STREAM-INF:bandwidth=1", "a.m3u8")).reason());
        assertEquals("malformed attribute list in #EXT-X-STREAM-INF: duplicate attribute BANDWIDTH at character 13 of"
                + " the attribute list",
                failure(lines("#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=1,BANDWIDTH=2", "a.m3u8")).reason());
        assertEquals("#EXT-X-STREAM-INF attribute BANDWIDTH must be a decimal-integer, not \"1\"",
                failure(lines("#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=\"1\"", "a.m3u8")).reason());
        assertEquals("#EXT-X-MEDIA attribute DEFAULT must be YES or NO, not TRUE",
                failure(lines("#EXTM3U", "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"n\",DEFAULT=TRUE")).reason());
    }

    @Test
    void refusesWhatTheModelCannotHold() {
        assertEquals("#EXT-X-KEY without the required attribute METHOD",
                failure(lines("#EXTM3U", "#EXT-X-KEY:URI=\"k\"", "#EXTINF:1,", "a.ts")).reason());
        assertEquals("#EXT-X-MAP without the required attribute URI",
                failure(lines("#EXTM3U", "#EXT-X-MAP:BYTERANGE=\"1@0\"", "#EXTINF:1,", "a.ts")).reason());
        assertEquals("#EXT-X-PLAYLIST-TYPE must be VOD or EVENT, not 'LIVE'",
                failure(lines("#EXTM3U", "#EXT-X-PLAYLIST-TYPE:LIVE")).reason());
        assertEquals("#EXT-X-TARGETDURATION must be a decimal-integer, not '6.5'",
                failure(lines("#EXTM3U", "#EXT-X-TARGETDURATION:6.5")).reason());
        assertEquals("#EXT-X-PROGRAM-DATE-TIME: not an ISO 8601 date-time with a time zone: '2024-05-01 10:00'",
                failure(lines("#EXTM3U", "#EXT-X-PROGRAM-DATE-TIME:2024-05-01 10:00", "#EXTINF:1,", "a.ts")).reason());
        HlsParseException noUri = failure(lines("#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=1",
                "#EXT-X-STREAM-INF:BANDWIDTH=2", "b.m3u8"));
        assertEquals(2, noUri.line());
        assertEquals("#EXT-X-STREAM-INF without a URI on the next line", noUri.reason());
    }

    @Test
    void refusesAPlaylistThatMixesMasterAndMediaTags() {
        HlsParseException e = failure(lines("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXT-X-STREAM-INF:BANDWIDTH=1",
                "a.m3u8"));
        assertEquals(3, e.line());
        assertEquals("#EXT-X-STREAM-INF cannot be in the same playlist as #EXT-X-TARGETDURATION (line 2): a playlist is"
                + " either master or media", e.reason());
    }

    @Test
    void refusesInputAboveTheSizeCapBeforeReadingIt() {
        HlsParser small = new HlsParser(32);
        String big = lines("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXTINF:6,", "a.ts");

        HlsParseException fromString = assertThrows(HlsParseException.class, () -> small.parse(big));
        assertEquals(0, fromString.line());
        assertEquals("playlist of " + big.length() + " characters is above the cap of 32", fromString.reason());
        HlsParseException fromReader = assertThrows(HlsParseException.class, () -> small.parse(new StringReader(big)));
        assertEquals("playlist of more than 32 characters is above the cap of 32", fromReader.reason());
    }

    @Test
    void readsFromAReaderWithinTheCap() throws Exception {
        String text = lines("#EXTM3U", "#EXT-X-TARGETDURATION:6", "#EXTINF:6,", "a.ts");
        assertEquals(parser.parse(text), new HlsParser(text.length()).parse(new StringReader(text)));
    }
}
