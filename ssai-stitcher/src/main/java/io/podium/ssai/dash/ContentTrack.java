package io.podium.ssai.dash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an ad must offer to stand in for one content AdaptationSet.
 *
 * @param setId the content AdaptationSet's id in the stitched MPD; the ad's gets it too
 * @param kind video or audio (the other kinds get no ad AdaptationSet)
 * @param mimeType the container, or null when not told
 * @param families the codec families of its Representations ({@link Codecs}); empty when not told
 * @param maxBandwidth its highest Representation bandwidth
 * @param maxWidth its widest Representation, or null when not told
 * @param maxHeight its tallest Representation, or null when not told
 * @param lang its language, or null
 */
record ContentTrack(long setId, TrackKind kind, String mimeType, Set<String> families, long maxBandwidth,
        Integer maxWidth, Integer maxHeight, String lang) {
    ContentTrack {
        families = Set.copyOf(families);
    }

    /** The video and audio tracks of a content Period, in its order. */
    static List<ContentTrack> of(Period period, List<Long> setIds) {
        List<ContentTrack> tracks = new ArrayList<>();
        for (int i = 0; i < period.adaptationSets().size(); i++) {
            AdaptationSet a = period.adaptationSets().get(i);
            TrackKind kind = TrackKind.of(a);
            if (kind != TrackKind.VIDEO && kind != TrackKind.AUDIO) {
                continue;
            }
            Set<String> families = new LinkedHashSet<>();
            String mime = a.mimeType();
            long bandwidth = 0;
            Integer width = null;
            Integer height = null;
            for (Representation r : a.representations()) {
                families.addAll(Codecs.families(r.codecs() != null ? r.codecs() : a.codecs()));
                mime = mime != null ? mime : r.mimeType();
                bandwidth = Math.max(bandwidth, r.bandwidth());
                width = max(width, width(a, r));
                height = max(height, height(a, r));
            }
            tracks.add(new ContentTrack(setIds.get(i), kind, mime, families, bandwidth, width, height, a.lang()));
        }
        return tracks;
    }

    static Integer width(AdaptationSet a, Representation r) {
        return r.width() != null ? r.width() : integer(a.otherAttribute("width"));
    }

    static Integer height(AdaptationSet a, Representation r) {
        return r.height() != null ? r.height() : integer(a.otherAttribute("height"));
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
