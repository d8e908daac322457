package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each Period of an MPD is on the presentation timeline, by the rules of ISO/IEC 23009-1
 * for static presentations: a Period without {@code start} starts where the previous one ends
 * (the first at 0); one without {@code duration} lasts until the next one's start, the last one
 * until the end of the presentation ({@code mediaPresentationDuration}).
 */
final class PeriodTimeline {
    /**
     * @param startMicros the start, or null when it cannot be told
     * @param durationMicros the duration, or null when it cannot be told
     */
    record Span(Long startMicros, Long durationMicros) {
        Long endMicros() {
            return startMicros == null || durationMicros == null ? null : startMicros + durationMicros;
        }
    }

    private PeriodTimeline() {
    }

    /** The span of every Period, in order. */
    static List<Span> of(Mpd mpd) {
        List<Period> periods = mpd.periods();
        List<Span> spans = new ArrayList<>();
        Long previousEnd = 0L;
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            Long start = p.startMicros() != null ? p.startMicros() : previousEnd;
            Long duration = p.durationMicros();
            if (duration == null && start != null) {
                Long end = i + 1 < periods.size() ? periods.get(i + 1).startMicros()
                        : mpd.mediaPresentationDurationMicros();
                duration = end == null ? null : end - start;
            }
            Span span = new Span(start, duration);
            spans.add(span);
            previousEnd = span.endMicros();
        }
        return spans;
    }
}
