package io.podium.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code podium openrtb validate} and {@code convert}, run through picocli as the launcher runs them. */
class PodiumCliTest {
    @TempDir
    Path dir;

    private static String example(String name) throws Exception {
        try (InputStream in = PodiumCliTest.class.getResourceAsStream("/openrtb/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

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
    void validateExitsZeroWhenEveryFileIsValid() throws Exception {
        Path req = Files.writeString(dir.resolve("req.json"), example("request-1-simple-banner.json"));
        Path resp = Files.writeString(dir.resolve("resp.json"), example("response-2-vast-inline.json"));

        Run r = run("openrtb", "validate", req.toString(), resp.toString());

        assertEquals(0, r.exit(), r.out());
        assertEquals(req + ": ok\n" + resp + ": ok\n", r.out());
    }

    @Test
    void validateExitsOneAndPrintsOneLinePerProblemWithItsPath() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), example("request-1-simple-banner.json"));
        Path wrongType = Files.writeString(dir.resolve("bad.json"), "{\"id\":\"1\",\"imp\":[{\"id\":\"1\",\"banner\":{\"w\":\"300\"}}]}");
        Path twoProblems = Files.writeString(dir.resolve("bad2.json"),
                "{\"id\":\"1\",\"imp\":[{\"id\":\"1\"},{\"id\":\"1\",\"banner\":{}}]}");
        Path badResponse = Files.writeString(dir.resolve("bad3.json"), "{\"id\":\"1\",\"seatbid\":[{\"bid\":[{\"id\":\"b\"}]}]}");

        Run r = run("openrtb", "validate", good.toString(), wrongType.toString(), twoProblems.toString(), badResponse.toString());

        assertEquals(1, r.exit());
        String[] lines = r.out().split("\n");
        assertEquals(good + ": ok", lines[0]);
        assertEquals(wrongType + ": $.imp[0].banner.w: expected an integer, got a string", lines[1]);
        assertEquals(twoProblems + ": $.imp[0]: needs one of banner, video, audio or native", lines[2]);
        assertEquals(twoProblems + ": $.imp[1].id: duplicate imp id \"1\"", lines[3]);
        assertEquals(badResponse + ": $.seatbid[0].bid[0].impid: is required", lines[4]);
        assertEquals(badResponse + ": $.seatbid[0].bid[0].price: is required", lines[5]);
        assertEquals(6, lines.length);
    }

    @Test
    void convertToProtobufAndBackGivesEqualJsonForEveryExample() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String name : new String[] {"request-3-mobile.json", "request-4-video.json", "request-5-pmp-direct-deal.json",
            "response-2-vast-inline.json"}) {
            String type = name.startsWith("request") ? "request" : "response";
            String original = example(name).replace("\"apis\"", "\"api\"");
            byte[] pb = convert(original.getBytes(StandardCharsets.UTF_8), "--type", type, "--to", "protobuf");
            byte[] back = convert(pb, "--type", type, "--from", "protobuf", "--to", "json");
            assertEquals(json.readTree(new String(back, StandardCharsets.UTF_8)),
                    json.readTree(new String(convert(original.getBytes(StandardCharsets.UTF_8), "--type", type, "--to", "json"),
                            StandardCharsets.UTF_8)), name);
            assertTrue(pb.length < original.length(), "protobuf should be smaller than pretty JSON");
        }
    }

    @Test
    void convertRejectsBrokenInputWithExitOne() throws Exception {
        ConvertCommand c = new ConvertCommand();
        c.in = new ByteArrayInputStream("{\"id\":".getBytes(StandardCharsets.UTF_8));
        c.out = new ByteArrayOutputStream();
        c.to = ConvertCommand.Format.protobuf;
        c.from = ConvertCommand.Format.json;
        c.type = ConvertCommand.Type.request;
        assertEquals(1, c.call());
    }

    private static byte[] convert(byte[] input, String... args) throws Exception {
        ConvertCommand c = new ConvertCommand();
        new CommandLine(c).parseArgs(args);
        c.in = new ByteArrayInputStream(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.out = out;
        assertEquals(0, c.call());
        return out.toByteArray();
    }
}
