package io.podium.exchange.video;

import java.util.Map;

/**
 * Podium's own signed trackers for one served ad.
 *
 * @param impression the billing notice (VAST impression = billable event, OpenRTB 2.6 §7.8)
 * @param error the error event, ending in {@code code=[ERRORCODE]} for the player to fill
 * @param events the quartile events by VAST event name: start, firstQuartile, midpoint,
 *               thirdQuartile, complete
 */
public record PodTrackers(String impression, String error, Map<String, String> events) {
    public PodTrackers {
        events = Map.copyOf(events);
    }
}
