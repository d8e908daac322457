package io.podium.exchange.ssai;

import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BeaconEvent;
import io.podium.ssai.session.BeaconTicket;
import io.podium.ssai.session.SessionDecision;
import io.podium.ssai.session.SessionTokens;
import io.podium.ssai.stitch.SegmentLinker;
import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the segments of one session's stitched playlists: content and slate segments, and ad
 * segments that carry no beacon, go to their real URL; an ad segment that carries beacons goes
 * through {@code /ssai/v1/seg/{beaconToken}}. Which segment carries what, for an ad of n
 * segments in a playlist: the first, the impressions and {@code start}; the first segment at or
 * past 25%, 50% and 75% of the count, the quartiles; the last, {@code complete} (events landing on
 * one segment share its ticket). A pure function of the decision: the same session gives the same
 * links on every node. Thread-safe.
 */
public final class BeaconLinker implements SegmentLinker {
    /** Where routed ad segments are served; root-relative, so every node writes the same text. */
    static final String SEG_PREFIX = "/ssai/v1/seg/";

    private final SessionDecision decision;
    private final SessionTokens tokens;

    /** @param decision its breaks in position order, as the stitcher numbers them */
    public BeaconLinker(SessionDecision decision, SessionTokens tokens) {
        this.decision = decision;
        this.tokens = tokens;
    }

    @Override
    public String contentSegment(URI absolute) {
        return absolute.toString();
    }

    @Override
    public String adSegment(int breakIndex, int adIndex, String adId, int segmentIndex, int segmentCount,
                            URI absolute) {
        if (adIndex == SLATE || breakIndex >= decision.breaks().size()) {
            return absolute.toString();
        }
        List<AdDecision> ads = decision.breaks().get(breakIndex).ads();
        if (adIndex >= ads.size()) {
            return absolute.toString();
        }
        Map<BeaconEvent, List<String>> beacons = new EnumMap<>(BeaconEvent.class);
        for (BeaconEvent e : eventsAt(segmentIndex, segmentCount)) {
            List<String> urls = ads.get(adIndex).beacons().get(e);
            if (urls != null && !urls.isEmpty()) {
                beacons.put(e, urls);
            }
        }
        if (beacons.isEmpty()) {
            return absolute.toString();
        }
        BeaconTicket ticket = new BeaconTicket(decision.sessionId(), breakIndex, adIndex, segmentIndex,
                decision.expiresAtSeconds(), absolute, beacons);
        return SEG_PREFIX + tokens.seal(ticket) + extension(absolute);
    }

    /**
     * The real segment's file extension ({@code .ts}, {@code .m4s}, ...), or nothing: players
     * built on ffmpeg refuse HLS segment URLs whose extension is missing or does not match the
     * media ({@code allowed_segment_extensions}, {@code extension_picky}), so the routed URL keeps
     * it. The segment route ignores it.
     */
    static String extension(URI segment) {
        String path = segment.getRawPath();
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash || path.length() - dot > 6) {
            return "";
        }
        String ext = path.substring(dot);
        return ext.matches("\\.[A-Za-z0-9]{1,5}") ? ext : "";
    }

    /** The events reported when segment {@code index} of {@code count} is fetched. */
    public static Set<BeaconEvent> eventsAt(int index, int count) {
        Set<BeaconEvent> out = EnumSet.noneOf(BeaconEvent.class);
        if (count <= 0) {
            return out;
        }
        if (index == 0) {
            out.add(BeaconEvent.IMPRESSION);
            out.add(BeaconEvent.START);
        }
        if (index == reached(1, count)) {
            out.add(BeaconEvent.FIRST_QUARTILE);
        }
        if (index == reached(2, count)) {
            out.add(BeaconEvent.MIDPOINT);
        }
        if (index == reached(3, count)) {
            out.add(BeaconEvent.THIRD_QUARTILE);
        }
        if (index == count - 1) {
            out.add(BeaconEvent.COMPLETE);
        }
        return out;
    }

    /** The first segment whose start is at or past {@code quarters}/4 of the ad, by count. */
    private static int reached(int quarters, int count) {
        return Math.min(count - 1, (quarters * count + 3) / 4);
    }
}
