package io.podium.simulator.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockDspMainTest {

    @Test
    void startsTheDspsOfAYamlFileAndPrintsTheirEndpoints(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("dsps.yaml");
        Files.writeString(config, """
                host: 127.0.0.1
                dsps:
                  - {id: dsp-a, seed: 7, bidRate: 0.5, price: {medianCpm: 3.0, sigma: 0.5}}
                  - id: dsp-b
                    faults: {serverError: 0.1}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<MockDsp> dsps = MockDspMain.startAll(new String[] {"--config", config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, dsps.size());
            assertEquals(7, dsps.get(0).seed());
            assertEquals(0.1, dsps.get(1).profile().faults().serverError());
            String printed = out.toString(StandardCharsets.UTF_8);
            for (MockDsp dsp : dsps) {
                assertTrue(printed.contains(dsp.profile().id() + " " + dsp.endpoint()), printed);
            }
        } finally {
            dsps.forEach(MockDsp::close);
        }
    }

    @Test
    void startsCountDspsFromOptions() throws Exception {
        List<MockDsp> dsps = MockDspMain.startAll(new String[] {"--count", "2", "--seed", "5", "--bid-rate", "0.3"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(List.of("dsp-0", "dsp-1"), dsps.stream().map(d -> d.profile().id()).toList());
            assertEquals(6, dsps.get(1).seed());
            assertEquals(0.3, dsps.get(0).profile().bidRate());
        } finally {
            dsps.forEach(MockDsp::close);
        }
    }

    @Test
    void rejectsUnknownOptionsAndBadEntries(@TempDir Path dir) throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> MockDspMain.startAll(new String[] {"--nope", "1"}, sink));
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "dsps:\n  - {id: x, bidRate: 2}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MockDspMain.startAll(new String[] {"--config", config.toString()}, sink));
        assertTrue(e.getMessage().contains("dsps[0]: bidRate"), e.getMessage());
    }
}
