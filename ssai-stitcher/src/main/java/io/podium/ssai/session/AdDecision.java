package io.podium.ssai.session;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ad of a break as the auction decided it.
 *
 * @param mediaUri the ad's HLS master playlist or DASH MPD
 * @param beacons the URLs to call at each moment, already signed or macro-expanded
 * @param errorUrls the VAST Error URLs, with {@code [ERRORCODE]} left for the stitcher's reason
 */
public record AdDecision(String adId, java.net.URI mediaUri, long durationMicros, Map<BeaconEvent, List<String>> beacons,
                         List<String> errorUrls) {
    public AdDecision {
        Objects.requireNonNull(adId, "adId");
        Objects.requireNonNull(mediaUri, "mediaUri");
        EnumMap<BeaconEvent, List<String>> copy = new EnumMap<>(BeaconEvent.class);
        beacons.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        beacons = java.util.Collections.unmodifiableMap(copy);
        errorUrls = List.copyOf(errorUrls);
    }
}
