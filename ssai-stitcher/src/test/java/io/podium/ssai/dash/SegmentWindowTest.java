package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentWindowTest {
    private static SegmentTemplate timeline(Long pto, Long startNumber, TimelineEntry... entries) {
        return new SegmentTemplate("$Time$.m4s", null, 1000L, startNumber, null, pto, List.of(entries), List.of(),
                List.of());
    }

    @Test
    void repeatsUntilTheNextEntryOrThePeriodEnd() {
        SegmentTemplate t = timeline(null, null, TimelineEntry.of(0L, 2000, -1), TimelineEntry.of(9000L, 1000, -1));

        List<SegmentWindow.Run> runs = SegmentWindow.runs(t, 12_500);

        assertEquals(List.of(new SegmentWindow.Run(0, 2000, 5, 1, List.of()),
                new SegmentWindow.Run(9000, 1000, 4, 6, List.of())), runs);
    }

    @Test
    void theWholePeriodKeepsTheTemplate() {
        SegmentTemplate t = timeline(null, null, TimelineEntry.of(0L, 2000, 4));

        assertSame(t, SegmentWindow.window(t, 0, 10_000_000, 10_000_000));
    }

    @Test
    void aPartKeepsTheSegmentsOverlappingItWithTheirNumbers() {
        SegmentTemplate t = timeline(500L, 10L, TimelineEntry.of(500L, 2000, 2), TimelineEntry.of(null, 1000, 3),
                TimelineEntry.of(12_000L, 2000, 1));

        SegmentTemplate part = SegmentWindow.window(t, 3_000_000, 9_000_000, 15_500_000);

        // segments: 500 2500 4500 | 6500 7500 8500 9500 | 12000 14000; the part is media time 3500..9500
        assertEquals(3_500L, part.presentationTimeOffset());
        assertEquals(11L, part.startNumber());
        assertEquals(List.of(TimelineEntry.of(2500L, 2000, 1), TimelineEntry.of(null, 1000, 2)), part.timeline());
    }

    @Test
    void aGapInTheSourceKeepsAnExplicitTime() {
        SegmentTemplate t = timeline(null, null, TimelineEntry.of(0L, 1000, 2), TimelineEntry.of(4000L, 1000, 2));

        SegmentTemplate part = SegmentWindow.window(t, 1_000_000, 7_000_000, 7_000_000);

        assertEquals(List.of(TimelineEntry.of(1000L, 1000, 1), TimelineEntry.of(4000L, 1000, 2)), part.timeline());
        assertEquals(2L, part.startNumber());
    }

    @Test
    void explicitSegmentNumbersSurviveTrimming() {
        SegmentTemplate t = timeline(null, null, TimelineEntry.of(0L, 1000, 1),
                new TimelineEntry(null, 100L, 1000, 2, List.of()));

        SegmentTemplate part = SegmentWindow.window(t, 500_000, 5_000_000, 5_000_000);

        assertEquals(List.of(TimelineEntry.of(0L, 1000, 1), new TimelineEntry(null, 100L, 1000, 2, List.of())),
                part.timeline());
        assertEquals(500L, part.presentationTimeOffset());
    }

    @Test
    void aNumberTemplateStartsAtTheSegmentHoldingThePart() {
        SegmentTemplate t = new SegmentTemplate("$Number$.m4s", null, 48_000L, 5L, 96_000L, 1_000L, null, List.of(),
                List.of());

        SegmentTemplate part = SegmentWindow.window(t, 3_000_000, 10_000_000, 10_000_000);

        assertEquals(1_000L + 144_000L, part.presentationTimeOffset());
        assertEquals(6L, part.startNumber()); // 3 s is inside the second 2 s segment
        assertEquals(96_000L, part.duration());
    }

    @Test
    void aCutWithinAMicrosecondOfABoundaryLandsOnIt() {
        // 10 MHz timescale: the boundary 12_345_678 ticks is 1_234_567.8 µs
        SegmentTemplate t = new SegmentTemplate("$Time$.m4s", null, 10_000_000L, null, null, null,
                List.of(TimelineEntry.of(0L, 12_345_678, 3)), List.of(), List.of());

        long boundary = SegmentWindow.nearestBoundaryMicros(t, 5_000_000, 1_300_000);
        SegmentTemplate part = SegmentWindow.window(t, boundary, 5_000_000, 5_000_000);

        assertEquals(1_234_568L, boundary);
        assertEquals(12_345_678L, part.presentationTimeOffset());
        assertEquals(List.of(TimelineEntry.of(12_345_678L, 12_345_678, 2)), part.timeline());
    }

    @Test
    void theNearestBoundaryPrefersTheEarlierOnATieAndStaysInThePeriod() {
        SegmentTemplate grid = new SegmentTemplate("$Number$.m4s", null, 1L, null, 4L, null, null, List.of(),
                List.of());

        assertEquals(4_000_000L, SegmentWindow.nearestBoundaryMicros(grid, 10_000_000, 6_000_000));
        assertEquals(8_000_000L, SegmentWindow.nearestBoundaryMicros(grid, 10_000_000, 6_000_001));
        assertEquals(10_000_000L, SegmentWindow.nearestBoundaryMicros(grid, 10_000_000, 9_900_000));
        assertEquals(0L, SegmentWindow.nearestBoundaryMicros(grid, 10_000_000, 1_000_000));
    }

    @Test
    void theLongestSegmentRoundsUpToTheMicrosecond() {
        SegmentTemplate t = new SegmentTemplate("$Number$.m4s", null, 90_000L, null, 180_181L, null, null, List.of(),
                List.of());

        assertEquals(2_002_012L, SegmentWindow.maxSegmentMicros(t, 10_000_000)); // 2002011.1 µs
    }
}
