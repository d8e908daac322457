package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How many media segments of an ad template the rewriter is told of (for server-side quartiles). */
class AdSegmentCountTest {
    private static SegmentTemplate fixed(long timescale, long duration) {
        return new SegmentTemplate("m-$Number$.m4s", "i.m4s", timescale, 1L, duration, null, null, List.of(), List.of());
    }

    @Test
    void aFixedDurationTemplateCountsTheSegmentsThatStartInThePeriod() {
        assertEquals(4, AdPeriodBuilder.segmentCount(fixed(12_800, 51_200), 15_000_000), "15 s of 4 s segments");
        assertEquals(5, AdPeriodBuilder.segmentCount(fixed(12_800, 51_200), 20_000_000), "20 s of 4 s segments");
        assertEquals(0, AdPeriodBuilder.segmentCount(fixed(12_800, 51_200), 0));
    }

    @Test
    void aTimelineCountsItsEntriesWithTheirRepeats() {
        SegmentTemplate t = new SegmentTemplate("m-$Time$.m4s", null, 1000L, 1L, null, null,
                List.of(new TimelineEntry(0L, null, 4000, 2, List.of()), new TimelineEntry(null, null, 2000, 0, List.of())),
                List.of(), List.of());
        assertEquals(4, AdPeriodBuilder.segmentCount(t, 14_000_000));
    }
}
