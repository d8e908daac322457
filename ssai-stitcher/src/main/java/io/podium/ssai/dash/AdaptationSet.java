package io.podium.ssai.dash;

import java.util.List;

/**
 * An AdaptationSet.
 *
 * @param id the id, unique in its Period, or null
 * @param contentType {@code video}, {@code audio}, {@code text}, ..., or null
 * @param mimeType such as {@code audio/mp4}, or null
 * @param codecs RFC 6381 codecs, or null
 * @param lang an RFC 5646 language tag, or null
 * @param segmentAlignment as written ({@code true}, {@code false} or a number), or null
 * @param startWithSap the startWithSAP value, or null
 * @param roles its Role descriptors, in order
 * @param contentProtections its ContentProtection elements, kept whole
 * @param baseUrls its BaseURL elements, in order
 * @param segmentTemplate its SegmentTemplate, or null
 * @param representations its Representations, in order
 * @param otherAttributes attributes the model does not know (width, par, ...), in document order
 * @param otherElements elements the model does not know (Accessibility, SupplementalProperty, ...)
 */
public record AdaptationSet(Long id, String contentType, String mimeType, String codecs, String lang,
        String segmentAlignment, Integer startWithSap, List<Descriptor> roles, List<RawElement> contentProtections,
        List<BaseUrl> baseUrls, SegmentTemplate segmentTemplate, List<Representation> representations,
        List<XmlAttribute> otherAttributes, List<RawElement> otherElements) {
    public AdaptationSet {
        roles = List.copyOf(roles);
        contentProtections = List.copyOf(contentProtections);
        baseUrls = List.copyOf(baseUrls);
        representations = List.copyOf(representations);
        otherAttributes = List.copyOf(otherAttributes);
        otherElements = List.copyOf(otherElements);
    }

    /** The value of an attribute in no namespace that the model keeps among the other ones, or null. */
    public String otherAttribute(String localName) {
        return XmlAttribute.find(otherAttributes, localName);
    }

    /** A copy with a new id, BaseURLs, SegmentTemplate, Representations and other elements. */
    public AdaptationSet with(Long id, List<BaseUrl> baseUrls, SegmentTemplate segmentTemplate,
            List<Representation> representations, List<RawElement> otherElements) {
        return new AdaptationSet(id, contentType, mimeType, codecs, lang, segmentAlignment, startWithSap, roles,
                contentProtections, baseUrls, segmentTemplate, representations, otherAttributes, otherElements);
    }
}
