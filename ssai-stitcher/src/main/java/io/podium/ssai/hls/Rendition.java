package io.podium.ssai.hls;

import java.util.regex.Pattern;

/**
 * An {@code EXT-X-MEDIA} (RFC 8216 §4.3.4.1): an alternative rendition (audio language,
 * subtitles, closed captions, camera angle) in a group that variants refer to. Fields are null
 * when the attribute is absent; the parser tolerates missing required attributes so that the
 * {@link HlsChecker} can report them.
 *
 * @param type the TYPE (required by the RFC)
 * @param uri the URI of the rendition's media playlist
 * @param groupId the GROUP-ID (required by the RFC)
 * @param language the LANGUAGE
 * @param assocLanguage the ASSOC-LANGUAGE
 * @param name the NAME (required by the RFC)
 * @param isDefault the DEFAULT attribute (absent means NO)
 * @param autoselect the AUTOSELECT attribute (absent means NO)
 * @param forced the FORCED attribute (absent means NO)
 * @param instreamId the INSTREAM-ID, such as {@code CC1}
 * @param characteristics the CHARACTERISTICS as written
 * @param channels the CHANNELS as written, such as {@code 2} or {@code 16/JOC}
 * @param otherAttributes further attributes, in the order read
 */
public record Rendition(RenditionType type, String uri, String groupId, String language, String assocLanguage,
        String name, Boolean isDefault, Boolean autoselect, Boolean forced, String instreamId, String characteristics,
        String channels, AttributeList otherAttributes) implements MasterEntry {
    private static final Pattern NO_QUOTE = Pattern.compile("[^\"\r\n]*");

    public Rendition {
        for (String v : new String[] {uri, groupId, language, assocLanguage, name, instreamId, characteristics,
            channels}) {
            if (v != null && !NO_QUOTE.matcher(v).matches()) {
                throw new IllegalArgumentException("EXT-X-MEDIA value must not contain a double quote or line break: "
                        + v);
            }
        }
        otherAttributes = AttributeList.orEmpty(otherAttributes);
        otherAttributes.requireNone("EXT-X-MEDIA", "TYPE", "URI", "GROUP-ID", "LANGUAGE", "ASSOC-LANGUAGE", "NAME",
                "DEFAULT", "AUTOSELECT", "FORCED", "INSTREAM-ID", "CHARACTERISTICS", "CHANNELS");
    }

    /** A builder of a rendition of {@code type} in group {@code groupId} named {@code name}. */
    public static Builder builder(RenditionType type, String groupId, String name) {
        return new Builder().type(type).groupId(groupId).name(name);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().type(type).uri(uri).groupId(groupId).language(language).assocLanguage(assocLanguage)
                .name(name).isDefault(isDefault).autoselect(autoselect).forced(forced).instreamId(instreamId)
                .characteristics(characteristics).channels(channels).otherAttributes(otherAttributes);
    }

    /** Builds a {@link Rendition}; not thread-safe. */
    public static final class Builder {
        private RenditionType type;
        private String uri;
        private String groupId;
        private String language;
        private String assocLanguage;
        private String name;
        private Boolean isDefault;
        private Boolean autoselect;
        private Boolean forced;
        private String instreamId;
        private String characteristics;
        private String channels;
        private AttributeList otherAttributes = AttributeList.EMPTY;

        private Builder() {
        }

        public Builder type(RenditionType value) {
            this.type = value;
            return this;
        }

        public Builder uri(String value) {
            this.uri = value;
            return this;
        }

        public Builder groupId(String value) {
            this.groupId = value;
            return this;
        }

        public Builder language(String value) {
            this.language = value;
            return this;
        }

        public Builder assocLanguage(String value) {
            this.assocLanguage = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder isDefault(Boolean value) {
            this.isDefault = value;
            return this;
        }

        public Builder autoselect(Boolean value) {
            this.autoselect = value;
            return this;
        }

        public Builder forced(Boolean value) {
            this.forced = value;
            return this;
        }

        public Builder instreamId(String value) {
            this.instreamId = value;
            return this;
        }

        public Builder characteristics(String value) {
            this.characteristics = value;
            return this;
        }

        public Builder channels(String value) {
            this.channels = value;
            return this;
        }

        public Builder otherAttributes(AttributeList value) {
            this.otherAttributes = value;
            return this;
        }

        /** @throws IllegalArgumentException if a value breaks a rule of {@link Rendition} */
        public Rendition build() {
            return new Rendition(type, uri, groupId, language, assocLanguage, name, isDefault, autoselect, forced,
                    instreamId, characteristics, channels, otherAttributes);
        }
    }
}
