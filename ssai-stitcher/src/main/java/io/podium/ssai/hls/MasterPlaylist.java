package io.podium.ssai.hls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A master (multivariant) playlist (RFC 8216 §4.3.4): playlist-wide tags and, in the order
 * written, variants, I-frame variants, renditions, session data and keys, and pass-through lines.
 *
 * @param version the EXT-X-VERSION, or null
 * @param independentSegments whether EXT-X-INDEPENDENT-SEGMENTS is present
 * @param start the EXT-X-START, or null
 * @param entries everything else, in order; at least one that is not a {@link PassthroughLine}
 */
public record MasterPlaylist(Integer version, boolean independentSegments, StartOffset start,
        List<MasterEntry> entries) implements Playlist {

    public MasterPlaylist {
        entries = List.copyOf(entries);
        if (entries.stream().allMatch(e -> e instanceof PassthroughLine)) {
            throw new IllegalArgumentException("a master playlist needs a variant, rendition, session data or session"
                    + " key; without one its text is a media playlist");
        }
    }

    /** The EXT-X-STREAM-INF variants, in order. */
    public List<Variant> variants() {
        return only(Variant.class);
    }

    /** The EXT-X-I-FRAME-STREAM-INF variants, in order. */
    public List<IFrameVariant> iFrameVariants() {
        return only(IFrameVariant.class);
    }

    /** The EXT-X-MEDIA renditions, in order. */
    public List<Rendition> renditions() {
        return only(Rendition.class);
    }

    /** The renditions of one type and group, in order. */
    public List<Rendition> renditions(RenditionType type, String groupId) {
        return renditions().stream().filter(r -> r.type() == type && groupId.equals(r.groupId()))
                .collect(Collectors.toList());
    }

    /** The EXT-X-SESSION-DATA entries, in order. */
    public List<SessionData> sessionData() {
        return only(SessionData.class);
    }

    /** The EXT-X-SESSION-KEY entries, in order. */
    public List<SessionKey> sessionKeys() {
        return only(SessionKey.class);
    }

    private <T extends MasterEntry> List<T> only(Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }
}
