package io.podium.ssai.dash;

import java.util.List;
import java.util.Objects;

/**
 * A Representation. Values it does not carry itself may be inherited from its AdaptationSet
 * (codecs, mimeType, and what {@link AdaptationSet} keeps in its other attributes).
 *
 * @param id the id, unique in its Period
 * @param bandwidth bits per second
 * @param width pixels, or null
 * @param height pixels, or null
 * @param frameRate as written ({@code 25}, {@code 30000/1001}), or null
 * @param codecs RFC 6381 codecs ({@code avc1.64001f}), or null
 * @param mimeType such as {@code video/mp4}, or null
 * @param audioSamplingRate as written ({@code 48000}), or null
 * @param baseUrls its BaseURL elements, in order
 * @param segmentBase its SegmentBase, or null
 * @param segmentTemplate its SegmentTemplate, or null
 * @param otherAttributes attributes the model does not know, in document order
 * @param otherElements elements the model does not know (AudioChannelConfiguration, SegmentList, ...)
 */
public record Representation(String id, long bandwidth, Integer width, Integer height, String frameRate,
        String codecs, String mimeType, String audioSamplingRate, List<BaseUrl> baseUrls, SegmentBase segmentBase,
        SegmentTemplate segmentTemplate, List<XmlAttribute> otherAttributes, List<RawElement> otherElements) {
    public Representation {
        Objects.requireNonNull(id, "id");
        baseUrls = List.copyOf(baseUrls);
        otherAttributes = List.copyOf(otherAttributes);
        otherElements = List.copyOf(otherElements);
    }

    /** A copy with new BaseURLs and segment addressing. */
    public Representation withAddressing(List<BaseUrl> baseUrls, SegmentBase segmentBase,
            SegmentTemplate segmentTemplate) {
        return new Representation(id, bandwidth, width, height, frameRate, codecs, mimeType, audioSamplingRate,
                baseUrls, segmentBase, segmentTemplate, otherAttributes, otherElements);
    }
}
