package io.podium.ssai.hls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canonical written form of representative fixtures is pinned in {@code golden/hls/}: a master
 * with demuxed audio and subtitles, CMAF with EXT-X-MAP, ad cues and discontinuities, byte ranges
 * without offsets, two DRM keys, a date range (interstitial) and a master with I-frame variants and
 * a stray line.
 */
class GoldenFileTest {
    private final HlsParser parser = new HlsParser();
    private final HlsWriter writer = new HlsWriter();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "hls_abr7/master.m3u8",
        "hls_cmaf_1/test-video=2500000.m3u8",
        "hls_cmaf_2/test-video=2500000.m3u8",
        "hls_byterange_no_offset/audio.m3u8",
        "hls_wv_fairplay/video_index.m3u8",
        "hls_cmaf_interstitial_1/test-video=2500000.m3u8",
        "hls_noaudioonly/master.m3u8"})
    void writtenFormOfTheFixtureIsTheGoldenFile(String fixture) throws Exception {
        String written = writer.write(parser.parse(HlsFixtures.read(fixture)));
        io.podium.ssai.testing.GoldenFiles.assertMatches("golden/hls/" + fixture, written);
    }
}
