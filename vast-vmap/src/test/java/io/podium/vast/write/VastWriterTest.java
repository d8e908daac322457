package io.podium.vast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.lint.LintProblem;
import io.podium.vast.lint.VastLinter;
import io.podium.vast.lint.VastSchemas;
import io.podium.vast.model.Vast;
import io.podium.vast.parse.VastParser;
import io.podium.vast.xml.SafeXml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VastWriterTest {
    private static final VastSchemas SCHEMAS = new VastSchemas();
    private final SafeXml xml = new SafeXml(1 << 20);
    private final VastLinter linter = new VastLinter(xml, SCHEMAS);
    private final VastParser parser = new VastParser(xml);
    private final VastWriter writer = new VastWriter();

    @ParameterizedTest
    @ValueSource(strings = {"4.1", "4.2", "4.3"})
    void aDocumentWithEveryPartIsValidAndReadsBackEqual(String version) throws Exception {
        Vast full = VastSamples.full(version);
        byte[] written = writer.write(full);
        assertEquals(List.of(), linter.lint(written), new String(written, StandardCharsets.UTF_8));
        assertEquals(full, parser.parse(written));
    }

    @Test
    void theWrittenFormIsTheGoldenFile() throws Exception {
        String written = writer.writeString(VastSamples.full("4.2"));
        try (InputStream in = getClass().getResourceAsStream("/golden/vast-full-4.2.xml")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), written);
        }
    }

    @Test
    void randomDocumentsAreValidAndSurviveParseWriteParse() throws Exception {
        long seed = System.nanoTime();
        System.out.println("VastWriterTest seed=" + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            String version = List.of("4.1", "4.2", "4.3").get(r.nextInt(3));
            Vast model = VastSamples.random(r, version);
            byte[] written = writer.write(model);
            assertEquals(List.of(), linter.lint(written), "seed " + seed + " case " + i + "\n"
                    + new String(written, StandardCharsets.UTF_8));
            Vast back = parser.parse(written);
            assertEquals(model, back, "seed " + seed + " case " + i);
            assertEquals(new String(written, StandardCharsets.UTF_8), writer.writeString(back), "seed " + seed);
        }
    }

    @Test
    void whatTheSchemaForbidsIsRefusedWithAReason() {
        for (String old : List.of("2.0", "3.0", "4.0")) {
            Vast v = new Vast(old, List.of(), List.of());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> writer.write(v)).getMessage()
                    .contains("4.1 to 4.3, not " + old));
        }
        Vast both = new Vast("4.2", VastSamples.full("4.2").ads(), List.of("https://e.example/x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> writer.write(both)).getMessage()
                .contains("root <Error> only in a response without <Ad>"));
    }
}
