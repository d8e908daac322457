package io.podium.ssai.stitch;

import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.RenditionType;
import io.podium.ssai.hls.StreamInfo;
import io.podium.ssai.hls.Variant;
import java.util.Objects;

/**
 * What a content media playlist is in its master, which decides the ad rendition it gets.
 *
 * @param kind a variant, an audio rendition or a subtitle rendition
 * @param stream for a variant: its attributes (bandwidth, resolution, codecs); null for a VIDEO
 *     rendition (an alternative angle), and for renditions
 * @param language for a rendition: its LANGUAGE, or null
 * @param groupId for a rendition: its GROUP-ID, or null
 */
public record Target(Kind kind, StreamInfo stream, String language, String groupId) {
    /** What kind of playlist. */
    public enum Kind {
        /** A variant (or a VIDEO rendition): gets the ad's variant that fits best. */
        VARIANT,
        /** An audio rendition: gets the ad's audio rendition of its language, or the default one. */
        AUDIO,
        /** A subtitle rendition: gets gap segments as long as the ads. */
        SUBTITLES
    }

    public Target {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.VARIANT && stream != null) {
            throw new IllegalArgumentException("only a variant has stream attributes");
        }
    }

    /** A variant with these attributes. */
    public static Target variant(StreamInfo stream) {
        return new Target(Kind.VARIANT, Objects.requireNonNull(stream, "stream"), null, null);
    }

    /** The variant of a master playlist. */
    public static Target of(Variant variant) {
        return variant(variant.stream());
    }

    /**
     * A rendition of a master playlist: AUDIO and SUBTITLES as such, a VIDEO rendition as a variant
     * without attributes (it gets the ad's highest-bandwidth variant).
     *
     * @throws IllegalArgumentException for CLOSED-CAPTIONS or a rendition without TYPE, which have
     *     no media playlist to stitch
     */
    public static Target of(Rendition rendition) {
        RenditionType type = rendition.type();
        if (type == RenditionType.AUDIO) {
            return new Target(Kind.AUDIO, null, rendition.language(), rendition.groupId());
        }
        if (type == RenditionType.SUBTITLES) {
            return new Target(Kind.SUBTITLES, null, rendition.language(), rendition.groupId());
        }
        if (type == RenditionType.VIDEO) {
            return new Target(Kind.VARIANT, null, rendition.language(), rendition.groupId());
        }
        throw new IllegalArgumentException("a " + type + " rendition has no media playlist to stitch");
    }
}
