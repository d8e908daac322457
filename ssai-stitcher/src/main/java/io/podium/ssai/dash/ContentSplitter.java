package io.podium.ssai.dash;

import io.podium.vast.xml.XmlEscape;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one content Period into parts, each a Period of its own whose media lines up with the
 * source: every SegmentTemplate gets the presentation time offset of the part's start, the start
 * number of the segment holding it, and a timeline trimmed to the segments overlapping the part
 * ({@link SegmentWindow}); SegmentBases get the offset; events keep those in the part, their
 * times moved to it. A Period-level SegmentTemplate moves into the AdaptationSets, and into the
 * Representations when they carry templates of their own.
 *
 * <p>Every part keeps the source's AdaptationSet ids, an id given to those without one (the
 * smallest unused, from 1), so that a player sees the same tracks in every part; a part that
 * continues the previous part says so in each AdaptationSet with the period-continuity
 * descriptor of DASH-IF IOP. Immutable and thread-safe.
 */
final class ContentSplitter {
    static final String CONTINUITY = "urn:mpeg:dash:period-continuity:2015";
    private static final String CONNECTIVITY = "urn:mpeg:dash:period-connectivity:2015";

    private final Period source;
    private final long durationMicros;
    private final List<BaseUrl> baseUrls;
    private final List<Long> setIds;

    /**
     * @param source the content Period
     * @param durationMicros its duration
     * @param baseUrls the absolute BaseURLs every part gets (the source's resolved through the MPD's)
     */
    ContentSplitter(Period source, long durationMicros, List<BaseUrl> baseUrls) {
        this.source = source;
        this.durationMicros = durationMicros;
        this.baseUrls = List.copyOf(baseUrls);
        List<Long> ids = new ArrayList<>();
        source.adaptationSets().forEach(a -> ids.add(a.id()));
        long next = 1;
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                while (ids.contains(next)) {
                    next++;
                }
                ids.set(i, next);
            }
        }
        this.setIds = List.copyOf(ids);
    }

    Period source() {
        return source;
    }

    long durationMicros() {
        return durationMicros;
    }

    /** The AdaptationSet ids of every part, in the order of the source's AdaptationSets. */
    List<Long> setIds() {
        return setIds;
    }

    /**
     * The part [fromMicros, toMicros) of the source Period.
     *
     * @param id the part's Period id
     * @param startMicros its start on the stitched timeline
     * @param continues the id of the part it continues, or null
     * @throws IllegalArgumentException when the part is not the whole Period and a Representation
     *     has neither SegmentTemplate nor SegmentBase (a SegmentList, say)
     */
    Period part(String id, long startMicros, long fromMicros, long toMicros, String continues) {
        List<AdaptationSet> sets = new ArrayList<>();
        for (int i = 0; i < source.adaptationSets().size(); i++) {
            sets.add(set(source.adaptationSets().get(i), setIds.get(i), fromMicros, toMicros, continues));
        }
        List<EventStream> streams = new ArrayList<>();
        for (EventStream s : source.eventStreams()) {
            EventStream windowed = events(s, fromMicros, toMicros);
            if (!windowed.events().isEmpty() || s.events().isEmpty()) {
                streams.add(windowed);
            }
        }
        return new Period(id, startMicros, toMicros - fromMicros, baseUrls, null, streams, sets,
                source.otherAttributes(), source.otherElements());
    }

    private AdaptationSet set(AdaptationSet a, long id, long from, long to, String continues) {
        SegmentTemplate upper = inherit(source.segmentTemplate(), a.segmentTemplate());
        boolean ownTemplates = a.representations().stream().anyMatch(r -> r.segmentTemplate() != null);
        SegmentTemplate setTemplate = upper == null || ownTemplates ? null
                : SegmentWindow.window(upper, from, to, durationMicros);
        List<Representation> representations = new ArrayList<>();
        for (Representation r : a.representations()) {
            SegmentTemplate effective = ownTemplates ? inherit(upper, r.segmentTemplate()) : null;
            if (effective != null) {
                representations.add(r.withAddressing(r.baseUrls(), r.segmentBase(),
                        SegmentWindow.window(effective, from, to, durationMicros)));
            } else if (upper == null && r.segmentBase() != null) {
                representations.add(r.withAddressing(r.baseUrls(), SegmentWindow.window(r.segmentBase(), from),
                        null));
            } else {
                if (upper == null && !(from == 0 && to == durationMicros)) {
                    throw new IllegalArgumentException("content Representation " + r.id()
                            + " has neither SegmentTemplate nor SegmentBase: its Period cannot be split");
                }
                representations.add(r);
            }
        }
        List<RawElement> other = new ArrayList<>();
        for (RawElement e : a.otherElements()) {
            boolean linksPeriods = (e.isDash("SupplementalProperty") || e.isDash("EssentialProperty"))
                    && (e.xml().contains(CONTINUITY) || e.xml().contains(CONNECTIVITY));
            if (!linksPeriods) {
                other.add(e);
            }
        }
        if (continues != null) {
            other.add(continuity(continues));
        }
        return a.with(id, a.baseUrls(), setTemplate, representations, other);
    }

    private EventStream events(EventStream s, long from, long to) {
        if (from == 0 && to == durationMicros) {
            return s;
        }
        long ts = s.timescaleOrDefault();
        long fromTicks = Ticks.fromMicros(from, ts);
        long toTicks = Ticks.fromMicros(to, ts);
        List<MpdEvent> kept = new ArrayList<>();
        for (MpdEvent e : s.events()) {
            long at = e.presentationTimeOrDefault() - s.presentationTimeOffsetOrDefault();
            boolean afterStart = at >= fromTicks || from == 0;
            boolean beforeEnd = at < toTicks || to == durationMicros;
            if (afterStart && beforeEnd) {
                kept.add(from == 0 ? e : e.at(Math.max(0, at - fromTicks) + s.presentationTimeOffsetOrDefault()));
            }
        }
        return s.withEvents(kept);
    }

    private static RawElement continuity(String periodId) {
        StringBuilder xml = new StringBuilder("<SupplementalProperty schemeIdUri=\"").append(CONTINUITY)
                .append("\" value=\"");
        XmlEscape.attribute(xml, periodId);
        xml.append("\"/>");
        return new RawElement(Mpd.NAMESPACE, "SupplementalProperty", xml.toString());
    }

    /** The template a lower level sees: {@code upper} with {@code lower}'s values; null when both are. */
    static SegmentTemplate inherit(SegmentTemplate upper, SegmentTemplate lower) {
        return upper == null ? lower : upper.inherit(lower);
    }
}
