package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.List;

/**
 * A Representation as the checker's rules see it: where it is, its Period's span and the
 * SegmentTemplate in force (Period, AdaptationSet and Representation levels merged; null when
 * none).
 *
 * @param templateLine the line of the lowest template element that was merged, else of the Representation
 */
record RepresentationView(Period period, PeriodTimeline.Span span, AdaptationSet set, Representation rep,
        SegmentTemplate template, int templateLine) {

    /** Every Representation of an MPD, in document order. */
    static List<RepresentationView> all(Mpd mpd, MpdLines lines) {
        List<PeriodTimeline.Span> spans = PeriodTimeline.of(mpd);
        List<RepresentationView> out = new ArrayList<>();
        for (int i = 0; i < mpd.periods().size(); i++) {
            Period p = mpd.periods().get(i);
            for (AdaptationSet a : p.adaptationSets()) {
                for (Representation r : a.representations()) {
                    SegmentTemplate t = ContentSplitter.inherit(
                            ContentSplitter.inherit(p.segmentTemplate(), a.segmentTemplate()), r.segmentTemplate());
                    int line = lines.lineOf(r.segmentTemplate() != null ? r.segmentTemplate()
                            : a.segmentTemplate() != null ? a.segmentTemplate() : p.segmentTemplate());
                    out.add(new RepresentationView(p, spans.get(i), a, r, t, line > 0 ? line : lines.lineOf(r)));
                }
            }
        }
        return out;
    }
}
