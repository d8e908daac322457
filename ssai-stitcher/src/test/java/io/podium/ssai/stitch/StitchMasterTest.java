package io.podium.ssai.stitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.hls.IFrameVariant;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.PassthroughLine;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.RenditionType;
import io.podium.ssai.hls.SessionData;
import io.podium.ssai.hls.StreamInfo;
import io.podium.ssai.hls.Variant;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stitched master: the content's entries with their media URIs pointing at stitched playlists. */
class StitchMasterTest {
    private static final URI MASTER = URI.create("https://origin.example.com/vod/show/master.m3u8");
    private final HlsStitcher stitcher = new HlsStitcher(StitchOptions.DEFAULTS);

    private static MasterPlaylist master() {
        return new MasterPlaylist(6, true, null, List.of(new PassthroughLine("# variants"),
                Rendition.builder(RenditionType.AUDIO, "aud", "English").language("en").uri("audio/en.m3u8").build(),
                Rendition.builder(RenditionType.CLOSED_CAPTIONS, "cc", "CC1").instreamId("CC1").build(),
                new Variant(StreamInfo.builder().bandwidth(1_000_000L).audio("aud").build(), "v1/index.m3u8"),
                new IFrameVariant(StreamInfo.builder().bandwidth(100_000L).build(), "v1/iframes.m3u8"),
                new SessionData("com.example.title", null, "../meta.json", null, null),
                new Variant(StreamInfo.builder().bandwidth(3_000_000L).audio("aud").build(),
                        "https://cdn.example.net/v3/index.m3u8")));
    }

    @Test
    void mediaUrisAreReplacedFromTheirAbsoluteUris() {
        List<URI> seen = new ArrayList<>();

        MasterPlaylist out = stitcher.stitchMaster(master(), MASTER, u -> {
            seen.add(u);
            return "stitched/" + seen.size() + ".m3u8";
        });

        assertEquals(List.of(URI.create("https://origin.example.com/vod/show/audio/en.m3u8"),
                URI.create("https://origin.example.com/vod/show/v1/index.m3u8"),
                URI.create("https://cdn.example.net/v3/index.m3u8")), seen, "in master order");
        assertEquals(List.of("stitched/2.m3u8", "stitched/3.m3u8"),
                out.variants().stream().map(Variant::uri).collect(Collectors.toList()));
        assertEquals("stitched/1.m3u8", out.renditions().get(0).uri());
        assertEquals(master().variants().get(0).stream(), out.variants().get(0).stream(), "attributes kept");
    }

    @Test
    void iFrameVariantsAreLeftOutAndOtherEntriesKept() {
        MasterPlaylist out = stitcher.stitchMaster(master(), MASTER, URI::toString);

        assertEquals(List.of(), out.iFrameVariants(), "their timeline would not match the stitched one");
        assertTrue(out.entries().contains(new PassthroughLine("# variants")));
        assertEquals(null, out.renditions().get(1).uri(), "closed captions have no playlist");
        assertEquals("https://origin.example.com/vod/meta.json", out.sessionData().get(0).uri(), "made absolute");
        assertEquals(Integer.valueOf(6), out.version());
        assertTrue(out.independentSegments());
    }

    @Test
    void relativeMasterUriIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> stitcher.stitchMaster(master(),
                URI.create("master.m3u8"), URI::toString));
    }

    @Test
    void closedCaptionsHaveNoTarget() {
        assertThrows(IllegalArgumentException.class, () -> Target.of(Rendition.builder(RenditionType.CLOSED_CAPTIONS,
                "cc", "CC1").instreamId("CC1").build()));
    }
}
