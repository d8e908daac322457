package io.podium.ssai.dash;

import java.util.List;

/**
 * A Period.
 *
 * @param id the id, or null (an MPD with several Periods needs them)
 * @param startMicros the start on the presentation timeline, or null (where the previous Period ends)
 * @param durationMicros the duration, or null (until the next Period or the end of the presentation)
 * @param baseUrls its BaseURL elements, in order
 * @param segmentTemplate a SegmentTemplate every Representation inherits from, or null
 * @param eventStreams its EventStreams, in order
 * @param adaptationSets its AdaptationSets, in order
 * @param otherAttributes attributes the model does not know, in document order
 * @param otherElements elements the model does not know (AssetIdentifier, SupplementalProperty, ...)
 */
public record Period(String id, Long startMicros, Long durationMicros, List<BaseUrl> baseUrls,
        SegmentTemplate segmentTemplate, List<EventStream> eventStreams, List<AdaptationSet> adaptationSets,
        List<XmlAttribute> otherAttributes, List<RawElement> otherElements) {
    public Period {
        baseUrls = List.copyOf(baseUrls);
        eventStreams = List.copyOf(eventStreams);
        adaptationSets = List.copyOf(adaptationSets);
        otherAttributes = List.copyOf(otherAttributes);
        otherElements = List.copyOf(otherElements);
    }
}
