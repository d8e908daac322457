package io.podium.vast.vmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeOffsetTest {
    @Test
    void readsEveryFormVmapAllows() {
        assertEquals(TimeOffset.start(), TimeOffset.parse("start"));
        assertEquals(TimeOffset.end(), TimeOffset.parse(" END "));
        assertEquals(TimeOffset.time(600_000), TimeOffset.parse("00:10:00.000"));
        assertEquals(TimeOffset.time(600_000), TimeOffset.parse("00:10:00"));
        assertEquals(TimeOffset.time(3_723_500), TimeOffset.parse("01:02:03.5"));
        assertEquals(TimeOffset.time(3_723_050), TimeOffset.parse("1:02:03.05"));
        assertEquals(TimeOffset.time(100L * 3_600_000 + 7), TimeOffset.parse("100:00:00.007"));
        assertEquals(TimeOffset.percent(0), TimeOffset.parse("0%"));
        assertEquals(TimeOffset.percent(100), TimeOffset.parse("100%"));
        assertEquals(TimeOffset.position(1), TimeOffset.parse("#1"));
        assertEquals(TimeOffset.position(12), TimeOffset.parse("#12"));
    }

    @Test
    void writesTheCanonicalFormOfEach() {
        assertEquals("start", TimeOffset.start().format());
        assertEquals("end", TimeOffset.end().format());
        assertEquals("00:10:00.000", TimeOffset.time(600_000).format());
        assertEquals("01:02:03.050", TimeOffset.time(3_723_050).format());
        assertEquals("100:00:00.007", TimeOffset.time(100L * 3_600_000 + 7).format());
        assertEquals("25%", TimeOffset.percent(25).format());
        assertEquals("#3", TimeOffset.position(3).format());
    }

    @Test
    void refusesAnythingElseSayingWhatItGot() {
        for (String bad : new String[] {"10 minutes", "", "101%", "12.5%", "-1%", "#0", "#", "00:60:00", "00:00:60",
                "1:2:3", "00:00:01.1234", "00:00:01.", "beginning", "10"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeOffset.parse(bad), bad);
            assertEquals("\"" + bad + "\" is not start, end, HH:MM:SS[.mmm], n% (0 to 100) or #n (1 or more)",
                    e.getMessage());
        }
    }

    @Test
    void refusesValuesOutOfRangeWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> TimeOffset.time(-1));
        assertThrows(IllegalArgumentException.class, () -> TimeOffset.percent(101));
        assertThrows(IllegalArgumentException.class, () -> TimeOffset.position(0));
        assertThrows(IllegalArgumentException.class, () -> new TimeOffset(TimeOffset.Kind.START, 5));
    }
}
