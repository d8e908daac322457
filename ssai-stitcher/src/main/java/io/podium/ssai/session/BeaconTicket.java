package io.podium.ssai.session;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What one routed ad segment URL carries: where the segment really is, and the beacons its
 * first fetch fires. {@code key} identifies (session, break, ad, segment) for firing once.
 *
 * <p>A template ticket ({@code segmentCount > 0}) stands for all the media segments of a DASH
 * ad Representation: {@code segment} is the media template with {@code $Number$} left in,
 * {@code segmentIndex} the number of the ad's first segment, and the beacons are those of every
 * moment; {@link #forNumber} gives the ticket of one fetched segment number, whose
 * {@code segmentIndex} is its index in the ad plus one (0 is the initialization segment's).
 */
public record BeaconTicket(String sessionId, int breakIndex, int adIndex, int segmentIndex, long expiresAtSeconds,
                           URI segment, Map<BeaconEvent, List<String>> beacons, int segmentCount) {
    public BeaconTicket {
        java.util.EnumMap<BeaconEvent, List<String>> copy = new java.util.EnumMap<>(BeaconEvent.class);
        beacons.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        beacons = java.util.Collections.unmodifiableMap(copy);
    }

    /** A ticket for one segment ({@code segmentCount} 0). */
    public BeaconTicket(String sessionId, int breakIndex, int adIndex, int segmentIndex, long expiresAtSeconds,
                        URI segment, Map<BeaconEvent, List<String>> beacons) {
        this(sessionId, breakIndex, adIndex, segmentIndex, expiresAtSeconds, segment, beacons, 0);
    }

    public boolean isTemplate() {
        return segmentCount > 0;
    }

    /**
     * The ticket of segment {@code number} of a template ticket: its index in the ad, the real
     * URL ({@code $Number$} filled in) and the beacons of the moments {@code events} says fall on
     * that index; null when the number is outside the ad.
     */
    public BeaconTicket forNumber(long number, java.util.function.BiFunction<Integer, Integer, java.util.Set<BeaconEvent>> events) {
        long index = number - segmentIndex;
        if (!isTemplate() || index < 0 || index >= segmentCount) {
            return null;
        }
        java.util.EnumMap<BeaconEvent, List<String>> at = new java.util.EnumMap<>(BeaconEvent.class);
        for (BeaconEvent e : events.apply((int) index, segmentCount)) {
            List<String> urls = beacons.get(e);
            if (urls != null && !urls.isEmpty()) {
                at.put(e, urls);
            }
        }
        URI real = URI.create(fillNumber(segment.toString(), number));
        // keys of template segments count from 1: 0 is the ad's initialization segment (impressions)
        return new BeaconTicket(sessionId, breakIndex, adIndex, (int) index + 1, expiresAtSeconds, real, at, 0);
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\$Number(?:%0(\\d{1,2})d)?\\$");

    /** A DASH template with its {@code $Number$} (or {@code $Number%0<w>d$}) identifiers filled in. */
    public static String fillNumber(String template, long number) {
        java.util.regex.Matcher m = NUMBER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 8);
        while (m.find()) {
            String digits = Long.toString(number);
            int width = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            m.appendReplacement(out, "0".repeat(Math.max(0, width - digits.length())) + digits);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The {@code $Number$} identifier of a template ({@code $Number$} or {@code $Number%0<w>d$}), or null. */
    public static String numberIdentifier(String template) {
        java.util.regex.Matcher m = NUMBER.matcher(template);
        return m.find() ? m.group() : null;
    }

    /** The identity of this segment's beacons: fired once per session, break, ad and segment. */
    public String key() {
        return sessionId + '/' + breakIndex + '/' + adIndex + '/' + segmentIndex;
    }
}
