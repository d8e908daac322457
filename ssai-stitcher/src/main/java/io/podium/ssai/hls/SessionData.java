package io.podium.ssai.hls;

/**
 * An {@code EXT-X-SESSION-DATA} (RFC 8216 §4.3.4.4). Fields are null when the attribute is absent.
 *
 * @param dataId the DATA-ID (required by the RFC)
 * @param value the VALUE
 * @param uri the URI
 * @param language the LANGUAGE
 * @param otherAttributes further attributes, in the order read
 */
public record SessionData(String dataId, String value, String uri, String language, AttributeList otherAttributes)
        implements MasterEntry {
    public SessionData {
        Quoted.check(dataId, "DATA-ID");
        Quoted.check(value, "VALUE");
        Quoted.check(uri, "URI");
        Quoted.check(language, "LANGUAGE");
        otherAttributes = AttributeList.orEmpty(otherAttributes);
        otherAttributes.requireNone("EXT-X-SESSION-DATA", "DATA-ID", "VALUE", "URI", "LANGUAGE");
    }
}
