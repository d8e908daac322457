package io.podium.vast.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real-world fixtures (vast-client-js, copied into the test resources) lint as their names
 * say, and exactly as recorded in {@code fixtures/vast-lint/NAME.txt}. Most real documents break
 * the IAB schema's child order, which players do not mind: the golden files record that too.
 * Regenerate after a deliberate change with {@code -Dpodium.golden.update=true}.
 */
class FixtureLintTest {
    private static final VastLinter LINTER = new VastLinter(new SafeXml(1 << 20), new VastSchemas());

    @ParameterizedTest
    @ValueSource(strings = {"empty-no-ad", "empty-no-creative", "inline-linear", "invalid-xmlfile", "outdated-vast",
        "sample", "vpaid", "vpaid2", "wrapper-a", "wrapper-attributes-multiple-ads", "wrapper-b", "wrapper-empty",
        "wrapper-empty-no-creative", "wrapper-legacy", "wrapper-multiple-ads", "wrapper-unavailable-url"})
    void lintsAsRecorded(String name) throws Exception {
        List<LintProblem> problems = LINTER.lint(read("/fixtures/vast/" + name + ".xml"));
        String actual = problems.stream().map(p -> p + "\n").collect(Collectors.joining());
        Path golden = Path.of("src/test/resources/fixtures/vast-lint/" + name + ".txt");
        if (Boolean.getBoolean("podium.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertEquals(new String(read("/fixtures/vast-lint/" + name + ".txt"), StandardCharsets.UTF_8), actual);
        switch (name) {
            case "empty-no-ad" -> assertEquals(List.of(), problems);
            case "invalid-xmlfile" -> assertEquals("xml", problems.get(0).rule());
            case "outdated-vast" -> assertEquals("version", problems.get(0).rule());
            case "empty-no-creative" -> assertTrue(problems.contains(
                    new LintProblem(10, "required", "InLine needs at least one Creative")), actual);
            case "wrapper-unavailable-url" -> assertTrue(problems.stream().anyMatch(p -> p.rule().equals("url")
                    && p.message().contains("\"invalid-url\"")), actual);
            case "wrapper-legacy" -> assertTrue(problems.stream().anyMatch(p -> p.message().contains("VASTAdTagURL")),
                    actual);
            default -> assertTrue(!problems.isEmpty(), name + ": every other fixture breaks at least the child order");
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = FixtureLintTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return in.readAllBytes();
        }
    }
}
