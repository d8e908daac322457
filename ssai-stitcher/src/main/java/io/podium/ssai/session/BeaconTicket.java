package io.podium.ssai.session;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What one routed ad segment URL carries: where the segment really is, and the beacons its
 * first fetch fires. {@code key} identifies (session, break, ad, segment) for firing once.
 */
public record BeaconTicket(String sessionId, int breakIndex, int adIndex, int segmentIndex, long expiresAtSeconds,
                           URI segment, Map<BeaconEvent, List<String>> beacons) {
    public BeaconTicket {
        java.util.EnumMap<BeaconEvent, List<String>> copy = new java.util.EnumMap<>(BeaconEvent.class);
        beacons.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        beacons = java.util.Collections.unmodifiableMap(copy);
    }

    /** The identity of this segment's beacons: fired once per session, break, ad and segment. */
    public String key() {
        return sessionId + '/' + breakIndex + '/' + adIndex + '/' + segmentIndex;
    }
}
