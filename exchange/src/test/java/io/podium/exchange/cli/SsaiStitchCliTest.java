package io.podium.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.dash.MpdChecker;
import io.podium.ssai.hls.HlsChecker;
import io.podium.ssai.hls.HlsProblem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code podium ssai stitch} on files: the test's HLS and DASH contents and ad packages. */
class SsaiStitchCliTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PodiumMain());
        cli.setOut(new PrintWriter(out));
        return new Run(cli.execute(args), out.toString());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SsaiStitchCliTest.class.getResource("/ssai/" + name).toURI());
    }

    /** A VMAP with a pre-roll (inline VAST) and a mid-roll at 30 s (VAST behind a tag URI). */
    private Path vmap(String mediaType, String adMedia) throws Exception {
        String vast = """
                <VAST version="4.2"><Ad id="%s"><InLine><AdSystem>S</AdSystem><Impression>https://i.example/</Impression>
                <AdServingId>x</AdServingId><AdTitle>T</AdTitle><Creatives><Creative><Linear><Duration>00:00:20</Duration>
                <MediaFiles><MediaFile delivery="streaming" type="%s" width="1280" height="720">%s</MediaFile></MediaFiles>
                </Linear><UniversalAdId idRegistry="x">u</UniversalAdId></Creative></Creatives></InLine></Ad></VAST>""";
        Path tagged = Files.writeString(dir.resolve("mid.xml"), vast.formatted("mid", mediaType, adMedia));
        return Files.writeString(dir.resolve("plan.vmap.xml"), """
                <vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
                  <vmap:AdBreak timeOffset="start" breakType="linear" breakId="pre">
                    <vmap:AdSource id="pre-ads"><vmap:VASTAdData>%s</vmap:VASTAdData></vmap:AdSource>
                  </vmap:AdBreak>
                  <vmap:AdBreak timeOffset="00:00:30.000" breakType="linear" breakId="mid">
                    <vmap:AdSource id="mid-ads"><vmap:AdTagURI templateType="vast3"><![CDATA[%s]]></vmap:AdTagURI></vmap:AdSource>
                  </vmap:AdBreak>
                </vmap:VMAP>""".formatted(vast.formatted("pre", mediaType, adMedia), tagged.toUri()));
    }

    @Test
    void stitchesEveryHlsPlaylistOfTheContentAndChecksThem() throws Exception {
        Path plan = vmap("application/x-mpegURL", resource("ads/ad-20s/master.m3u8").toUri().toString());
        Path out = dir.resolve("out");
        Run r = run("ssai", "stitch", "--content", resource("content/master.m3u8").toString(), "--vmap",
                plan.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("2 break(s), 2 ad(s), 3 playlist(s) written to " + out), r.out());
        for (String name : List.of("master.m3u8", "v0.m3u8", "v1.m3u8")) {
            String text = Files.readString(out.resolve(name));
            List<HlsProblem> errors = new HlsChecker().check(text).stream()
                    .filter(p -> p.severity() == HlsProblem.Severity.ERROR).toList();
            assertEquals(List.of(), errors, name);
        }
        String v0 = Files.readString(out.resolve("v0.m3u8"));
        // the pre-roll opens the playlist (no edge before it): ad|content, content|ad, ad|content
        assertEquals(3, v0.split("#EXT-X-DISCONTINUITY\n", -1).length - 1, v0);
        assertEquals(2, v0.split("#EXT-X-CUE-OUT", -1).length - 1, v0);
        assertTrue(Files.readString(out.resolve("master.m3u8")).contains("\nv1.m3u8\n"));
    }

    @Test
    void stitchesADashContentIntoOneMultiPeriodMpd() throws Exception {
        Path plan = vmap("application/dash+xml", resource("ads/dash/ad-avc.mpd").toUri().toString());
        Path out = dir.resolve("dash");
        Run r = run("ssai", "stitch", "--content", resource("content/dash/number.mpd").toString(), "--vmap",
                plan.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.out());
        String mpd = Files.readString(out.resolve("manifest.mpd"));
        assertEquals(List.of(), new MpdChecker().check(mpd).stream()
                .filter(p -> p.severity().name().equals("ERROR")).toList());
        assertTrue(mpd.split("<Period ", -1).length - 1 >= 4, mpd);
    }

    @Test
    void badInputIsSaidAndExitsTwo() throws Exception {
        Run missing = run("ssai", "stitch", "--content", dir.resolve("nope.m3u8").toString(), "--vmap",
                dir.resolve("nope.xml").toString(), "--out", dir.toString());
        assertEquals(2, missing.exit(), missing.out());
        assertTrue(missing.out().startsWith("error: cannot read "), missing.out());
        Path broken = Files.writeString(dir.resolve("broken.vmap.xml"), "<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\"><vmap:AdBreak/></vmap:VMAP>");
        Run bad = run("ssai", "stitch", "--content", resource("content/master.m3u8").toString(), "--vmap",
                broken.toString(), "--out", dir.toString());
        assertEquals(2, bad.exit(), bad.out());
        assertTrue(bad.out().contains("timeOffset"), bad.out());
    }
}
