package io.podium.pacing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DayFiguresTest {
    private static final double EPS = 1e-12;

    @Test
    void perfectlyEvenSpendHasNoError() {
        long[] spent = new long[1440];
        java.util.Arrays.fill(spent, 1_000);

        DayFigures f = DayFigures.of(1_440_000, spent);

        assertEquals(1_440_000, f.spentMicros());
        assertEquals(0, f.overspendMicros());
        assertEquals(1.0, f.utilisation(), EPS);
        assertEquals(0, f.cumulativeRmse(), EPS);
        assertEquals(0, f.avgErr15m(), EPS);
        // 99.9% = 1,438,560 is first reached at the end of minute 1438 (1,439,000)
        assertEquals(1438, f.exhaustionMinute());
        assertEquals("23:59", f.exhaustionTime());
    }

    @Test
    void allSpendInTheFirstMinute() {
        long[] spent = new long[1440];
        spent[0] = 1_440;

        DayFigures f = DayFigures.of(1_440, spent);

        // error at the end of minute m is 1 - (m + 1) / 1440 = k / 1440 for k = 1439 .. 0;
        // mean of k^2 / 1440^2 = (1439 * 1440 * 2879 / 6) / 1440^3
        assertEquals(Math.sqrt(1439.0 * 2879 / (6.0 * 1440 * 1440)), f.cumulativeRmse(), EPS);
        assertEquals(0.5770, f.cumulativeRmse(), 1e-4);
        // first quarter |1440 - 15| / 15 = 95, the other 95 quarters 1 each
        assertEquals(190.0 / 96, f.avgErr15m(), EPS);
        assertEquals(0, f.exhaustionMinute());
        assertEquals("00:01", f.exhaustionTime());
        assertEquals(0, f.overspendMicros());
    }

    @Test
    void halfRateAllDaySpendsHalfAndNeverExhausts() {
        long[] spent = new long[1440];
        java.util.Arrays.fill(spent, 1);

        DayFigures f = DayFigures.of(2_880, spent);

        // error at the end of minute m is -(m + 1) / 2880; mean of j^2 / 2880^2 for j = 1 .. 1440
        // = (1440 * 1441 * 2881 / 6) / (1440 * 2880^2)
        assertEquals(Math.sqrt(1441.0 * 2881 / (6.0 * 2880 * 2880)), f.cumulativeRmse(), EPS);
        assertEquals(0.5, f.avgErr15m(), EPS); // 15 spent in every quarter against 30 planned
        assertEquals(1_440, f.spentMicros());
        assertEquals(0.5, f.utilisation(), EPS);
        assertEquals(-1, f.exhaustionMinute());
        assertNull(f.exhaustionTime());
    }

    @Test
    void exhaustionIsTheFirstMinuteReaching99Point9Percent() {
        long[] spent = new long[1440];
        spent[10] = 998_999; // one micro short of 99.9% of 1,000,000

        assertEquals(-1, DayFigures.of(1_000_000, spent).exhaustionMinute());

        spent[20] = 1;
        DayFigures f = DayFigures.of(1_000_000, spent);
        assertEquals(20, f.exhaustionMinute());
        assertEquals("00:21", f.exhaustionTime());
    }

    @Test
    void exhaustionInTheLastMinuteEndsAtMidnight() {
        long[] spent = new long[1440];
        spent[1439] = 500;

        DayFigures f = DayFigures.of(500, spent);

        assertEquals(1439, f.exhaustionMinute());
        assertEquals("24:00", f.exhaustionTime());
    }

    @Test
    void overspendIsWhatGoesPastTheBudget() {
        long[] spent = new long[1440];
        spent[5] = 1_500;

        DayFigures f = DayFigures.of(1_000, spent);

        assertEquals(1_500, f.spentMicros());
        assertEquals(500, f.overspendMicros());
        assertEquals(1.5, f.utilisation(), EPS);
        assertEquals(5, f.exhaustionMinute());
        assertEquals("00:06", f.exhaustionTime());
    }

    @Test
    void zeroBudgetHasNothingToPace() {
        long[] spent = new long[1440];

        DayFigures idle = DayFigures.of(0, spent);
        assertEquals(new DayFigures(0, 0, 0, 0, 0, 0, -1), idle);
        assertNull(idle.exhaustionTime());

        spent[3] = 7;
        DayFigures over = DayFigures.of(0, spent);
        assertEquals(7, over.overspendMicros());
        assertEquals(0, over.utilisation());
        assertEquals(0, over.cumulativeRmse());
        assertEquals(0, over.avgErr15m());
        assertEquals(-1, over.exhaustionMinute());
    }

    @Test
    void rejectsAWrongDayOrNegativeAmounts() {
        assertThrows(IllegalArgumentException.class, () -> DayFigures.of(100, new long[1439]));
        assertThrows(IllegalArgumentException.class, () -> DayFigures.of(-1, new long[1440]));
        long[] negative = new long[1440];
        negative[7] = -1;
        assertThrows(IllegalArgumentException.class, () -> DayFigures.of(100, negative));
    }
}
