package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XsDurationTest {
    @ParameterizedTest
    @CsvSource({
        "PT1H2M3.5S, 3723500000",
        "PT0S, 0",
        "PT2S, 2000000",
        "PT634.566S, 634566000",
        "PT0H10M34.560S, 634560000",
        "P1DT1S, 86401000000",
        "P2D, 172800000000",
        "PT1M0.021333S, 60021333",
        "PT.5S, 500000",
        "PT0.0000005S, 1",
        "PT1.1234564S, 1123456",
        "PT1.9999996S, 2000000",
        " PT5S , 5000000",
    })
    void readsDurationsAsExactMicroseconds(String text, long micros) {
        assertEquals(micros, XsDuration.parseMicros(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1Y", "P1M", "P1Y2M3D", "-PT1S", "PT", "P", "P1DT", "PT1H2H", "PT1.5M", "PTS", "1S",
        "PT1S2M", "PT1..5S", "PT1.2.3S", "P1H", "PT1D", "PT99999999999999999999S", "PT9223372036854775807H", "",
        "PT1X"})
    void refusesWhatIsNotAFixedLengthDuration(String text) {
        assertThrows(IllegalArgumentException.class, () -> XsDuration.parseMicros(text));
    }

    @ParameterizedTest
    @CsvSource({
        "0, PT0S",
        "3723500000, PT1H2M3.5S",
        "3600000000, PT1H",
        "60500000, PT1M0.5S",
        "172800000000, PT48H",
        "1, PT0.000001S",
        "600000000, PT10M",
        "60060000, PT1M0.06S",
    })
    void writesTheCanonicalForm(long micros, String text) {
        assertEquals(text, XsDuration.format(micros));
    }

    @Test
    void refusesToWriteANegativeDuration() {
        assertThrows(IllegalArgumentException.class, () -> XsDuration.format(-1));
    }

    @Test
    void everyWrittenDurationReadsBackToItself() {
        long seed = Long.getLong("podium.dash.seed", System.nanoTime());
        System.out.println("XsDurationTest seed=" + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long micros = switch (r.nextInt(3)) {
                case 0 -> r.nextInt(1_000_000);
                case 1 -> (long) r.nextInt(7200) * 1_000_000 + r.nextInt(1000) * 1000L;
                default -> Math.abs(r.nextLong() % 1_000_000_000_000_000L);
            };
            String text = XsDuration.format(micros);
            assertEquals(micros, XsDuration.parseMicros(text), "seed=" + seed + " text=" + text);
        }
    }
}
