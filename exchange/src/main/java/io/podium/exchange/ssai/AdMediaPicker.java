package io.podium.exchange.ssai;

import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BeaconEvent;
import io.podium.vast.model.Ad;
import io.podium.vast.model.Creative;
import io.podium.vast.model.Impression;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Linear;
import io.podium.vast.model.MediaFile;
import io.podium.vast.model.Tracking;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the stitcher needs of an inline VAST ad: its HLS (or DASH) rendition among the
 * MediaFiles, its duration, and the URLs to call server-side at each moment (impressions at
 * the first segment, the quartile events at theirs) and on error. An ad without a streaming
 * rendition of the wanted kind gives null: it cannot be stitched.
 */
public final class AdMediaPicker {
    /** The kind of stream a session stitches. */
    public enum Kind {
        HLS(Set.of("application/x-mpegurl", "application/vnd.apple.mpegurl")),
        DASH(Set.of("application/dash+xml"));

        private final Set<String> types;

        Kind(Set<String> types) {
            this.types = types;
        }

        boolean accepts(String type) {
            return type != null && types.contains(type.trim().toLowerCase(Locale.ROOT));
        }
    }

    private static final Map<String, BeaconEvent> EVENTS = Map.of("start", BeaconEvent.START,
            "firstQuartile", BeaconEvent.FIRST_QUARTILE, "midpoint", BeaconEvent.MIDPOINT,
            "thirdQuartile", BeaconEvent.THIRD_QUARTILE, "complete", BeaconEvent.COMPLETE);

    private AdMediaPicker() {
    }

    /** The decision for an inline ad, or null when it has no usable stream of that kind. */
    public static AdDecision pick(Ad ad, String adId, Kind kind) {
        if (!(ad.content() instanceof InLine in)) {
            return null;
        }
        for (Creative c : in.creatives()) {
            Linear l = c.linear();
            if (l == null || l.durationMillis() <= 0) {
                continue;
            }
            for (MediaFile f : l.mediaFiles()) {
                if (!kind.accepts(f.type()) || f.url() == null) {
                    continue;
                }
                URI uri;
                try {
                    uri = URI.create(f.url().trim());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (!uri.isAbsolute()) {
                    continue;
                }
                Map<BeaconEvent, List<String>> beacons = new EnumMap<>(BeaconEvent.class);
                List<String> impressions = new ArrayList<>();
                for (Impression i : in.impressions()) {
                    if (i.url() != null && !i.url().isBlank()) {
                        impressions.add(i.url().trim());
                    }
                }
                beacons.put(BeaconEvent.IMPRESSION, impressions);
                for (Tracking t : l.trackingEvents()) {
                    BeaconEvent e = t.event() == null ? null : EVENTS.get(t.event().trim());
                    if (e != null && t.url() != null && !t.url().isBlank()) {
                        beacons.computeIfAbsent(e, k -> new ArrayList<>()).add(t.url().trim());
                    }
                }
                return new AdDecision(adId, uri, l.durationMillis() * 1000, beacons, in.errors());
            }
        }
        return null;
    }
}
