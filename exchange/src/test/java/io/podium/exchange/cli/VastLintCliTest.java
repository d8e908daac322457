package io.podium.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code podium vast lint}, run through picocli as the launcher runs it. */
class VastLintCliTest {
    static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <VAST version="4.2">
              <Ad id="1" sequence="1">
                <InLine>
                  <AdSystem>Podium</AdSystem>
                  <Error><![CDATA[https://e.example/err?c=[ERRORCODE]]]></Error>
                  <Impression><![CDATA[https://i.example/imp?ts=[TIMESTAMP]]]></Impression>
                  <AdServingId>srv-1</AdServingId>
                  <AdTitle>Title</AdTitle>
                  <Creatives>
                    <Creative>
                      <Linear>
                        <Duration>00:00:15</Duration>
                        <MediaFiles>
                          <MediaFile delivery="progressive" type="video/mp4" width="640" height="360"><![CDATA[https://c.example/a.mp4]]></MediaFile>
                        </MediaFiles>
                      </Linear>
                      <UniversalAdId idRegistry="ad-id.org">U1</UniversalAdId>
                    </Creative>
                  </Creatives>
                </InLine>
              </Ad>
            </VAST>
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PodiumMain());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }

    @Test
    void exitsZeroWhenEveryDocumentIsValid() throws Exception {
        Path vast = Files.writeString(dir.resolve("ok.xml"), VALID);
        Path vmap = Files.writeString(dir.resolve("ok.vmap.xml"), """
                <vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
                  <vmap:AdBreak timeOffset="start" breakType="linear" breakId="pre">
                    <vmap:AdSource id="pre-1" allowMultipleAds="true" followRedirects="true">
                      <vmap:AdTagURI templateType="vast3"><![CDATA[https://p.example/vast/v1/pod?dur=30]]></vmap:AdTagURI>
                    </vmap:AdSource>
                  </vmap:AdBreak>
                </vmap:VMAP>
                """);
        Run r = run("vast", "lint", vast.toString(), vmap.toString());
        assertEquals(0, r.exit(), r.out());
        assertEquals(vast + ": ok\n" + vmap + ": ok\n", r.out());
    }

    @Test
    void exitsOneAndPrintsFileLineRuleMessage() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.xml"), VALID);
        Path bad = Files.writeString(dir.resolve("bad.xml"), VALID.replace("00:00:15", "15 seconds")
                .replace("<AdTitle>Title</AdTitle>", ""));
        Path missing = dir.resolve("missing.xml");
        Run r = run("vast", "lint", ok.toString(), bad.toString(), missing.toString());
        assertEquals(1, r.exit(), r.out());
        String[] lines = r.out().split("\n");
        assertEquals(ok + ": ok", lines[0]);
        assertTrue(r.out().contains(bad + ":4: required: InLine needs an AdTitle\n"), r.out());
        assertTrue(r.out().contains(bad + ":13: time: Duration \"15 seconds\" is not HH:MM:SS or HH:MM:SS.mmm\n"), r.out());
        assertTrue(r.out().contains(bad + ":10: schema: "), "the schema's complaint about the missing AdTitle: " + r.out());
        assertTrue(r.out().contains(missing + ":0: read: "), r.out());
    }

    @Test
    void jsonOutputAndUrlsFetchedFromAServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ad.xml", exchange -> {
            byte[] body = VALID.replace("<AdServingId>srv-1</AdServingId>", "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ad.xml";
            String gone = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone.xml";
            Run r = run("vast", "lint", "--json", url, gone);
            assertEquals(1, r.exit(), r.out());
            JsonNode results = new ObjectMapper().readTree(r.out());
            assertEquals(url, results.get(0).get("source").asText());
            assertEquals(false, results.get(0).get("valid").asBoolean());
            JsonNode problem = results.get(0).get("problems").get(0);
            assertEquals(4, problem.get("line").asInt());
            assertEquals("required", problem.get("rule").asText());
            assertEquals("InLine needs an AdServingId (VAST 4.1 and later)", problem.get("message").asText());
            assertEquals("read", results.get(1).get("problems").get(0).get("rule").asText());
            assertTrue(results.get(1).get("problems").get(0).get("message").asText().contains("HTTP 404"), r.out());
        } finally {
            server.stop(0);
        }
    }
}
