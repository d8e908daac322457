package io.podium.ssai.dash;

import java.util.List;
import java.util.stream.Stream;

/**
 * The order of child elements in the MPD schema of ISO/IEC 23009-1, so that the writer puts an
 * element the model keeps raw where the schema wants it: a DASH element at the place of its
 * name, anything else (other names, other namespaces: the schema's {@code xs:any}) last.
 */
final class SchemaOrder {
    /** The elements every RepresentationBase (AdaptationSet, Representation) starts with. */
    private static final List<String> REPRESENTATION_BASE = List.of("FramePacking", "AudioChannelConfiguration",
            "ContentProtection", "OutputProtection", "EssentialProperty", "SupplementalProperty",
            "InbandEventStream", "Switching", "RandomAccess", "GroupLabel", "Label", "ProducerReferenceTime",
            "ContentPopularityRate", "Resync");

    static final SchemaOrder MPD = new SchemaOrder(List.of("ProgramInformation", "BaseURL", "Location",
            "PatchLocation", "ServiceDescription", "InitializationSet", "InitializationGroup",
            "InitializationPresentation", "ContentProtection", "Period", "Metrics", "EssentialProperty",
            "SupplementalProperty", "UTCTiming", "LeapSecondInformation"));
    static final SchemaOrder PERIOD = new SchemaOrder(List.of("BaseURL", "SegmentBase", "SegmentList",
            "SegmentTemplate", "AssetIdentifier", "EventStream", "ServiceDescription", "ContentProtection",
            "AdaptationSet", "Subset", "SupplementalProperty", "EmptyAdaptationSet", "GroupLabel", "Preselection"));
    static final SchemaOrder ADAPTATION_SET = new SchemaOrder(concat(REPRESENTATION_BASE, List.of("Accessibility",
            "Role", "Rating", "Viewpoint", "ContentComponent", "BaseURL", "SegmentBase", "SegmentList",
            "SegmentTemplate", "Representation")));
    static final SchemaOrder REPRESENTATION = new SchemaOrder(concat(REPRESENTATION_BASE, List.of("BaseURL",
            "ExtendedBandwidth", "SubRepresentation", "SegmentBase", "SegmentList", "SegmentTemplate")));
    static final SchemaOrder SEGMENT_TEMPLATE = new SchemaOrder(List.of("Initialization", "RepresentationIndex",
            "FailoverContent", "SegmentTimeline", "BitstreamSwitching"));
    static final SchemaOrder SEGMENT_BASE = new SchemaOrder(List.of("Initialization", "RepresentationIndex",
            "FailoverContent"));

    private final List<String> names;

    private SchemaOrder(List<String> names) {
        this.names = names;
    }

    /** The place of a DASH element called {@code name}. */
    int rank(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no place here");
        }
        return i;
    }

    /** The place of a raw element: that of its name if it is a DASH element the schema puts here, else last. */
    int rank(RawElement element) {
        int i = element.namespaceUri().equals(Mpd.NAMESPACE) ? names.indexOf(element.localName()) : -1;
        return i < 0 ? names.size() : i;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
