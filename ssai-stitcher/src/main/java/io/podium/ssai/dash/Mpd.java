package io.podium.ssai.dash;

import java.util.List;

/**
 * A Media Presentation Description (ISO/IEC 23009-1), as far as a static (VOD) presentation
 * needs it. Immutable and safe to share between threads; optional values are null when the
 * document does not carry them, so that writing reproduces what was read. Durations are whole
 * microseconds (see {@link XsDuration}). Attributes and elements the model does not know are kept
 * ({@link XmlAttribute}, {@link RawElement}) and written back.
 *
 * @param profiles the profiles, as written, or null
 * @param type {@code static} or {@code dynamic}, or null (static)
 * @param mediaPresentationDurationMicros the duration of the whole presentation, or null
 * @param minBufferTimeMicros the minimum buffer time, or null
 * @param maxSegmentDurationMicros the longest segment, or null
 * @param baseUrls its BaseURL elements, in order
 * @param periods its Periods, in order
 * @param namespaces the prefixes declared on the MPD element, in order (the default namespace is
 *     always {@link #NAMESPACE})
 * @param otherAttributes attributes the model does not know, in document order
 * @param otherElements elements the model does not know (ProgramInformation, UTCTiming, ...)
 */
public record Mpd(String profiles, String type, Long mediaPresentationDurationMicros, Long minBufferTimeMicros,
        Long maxSegmentDurationMicros, List<BaseUrl> baseUrls, List<Period> periods, List<XmlNamespace> namespaces,
        List<XmlAttribute> otherAttributes, List<RawElement> otherElements) {
    /** The namespace of MPD elements. */
    public static final String NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";

    public Mpd {
        baseUrls = List.copyOf(baseUrls);
        periods = List.copyOf(periods);
        namespaces = List.copyOf(namespaces);
        otherAttributes = List.copyOf(otherAttributes);
        otherElements = List.copyOf(otherElements);
    }

    /** Whether the presentation is static (VOD): {@code type} is absent or {@code static}. */
    public boolean isStatic() {
        return type == null || type.equals("static");
    }
}
