package io.podium.ssai.hls;

import java.util.List;

/** A VOD playlist ends with EXT-X-ENDLIST: it cannot change (RFC 8216 §4.3.3.5). */
final class EndListRule implements HlsRule {
    static final String ID = "endlist";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        if (p.playlistType() != PlaylistType.VOD || p.endList()) {
            return List.of();
        }
        return List.of(HlsProblem.error(ID, source.firstLine(HlsTags.PLAYLIST_TYPE), "EXT-X-PLAYLIST-TYPE:VOD"
                + " without EXT-X-ENDLIST; a VOD playlist must not change, so it must be ended (RFC 8216 §4.3.3.5)"));
    }
}
