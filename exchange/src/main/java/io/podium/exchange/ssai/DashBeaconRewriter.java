package io.podium.exchange.ssai;

import io.podium.ssai.dash.AdSegmentUrl;
import io.podium.ssai.dash.DashUrlRewriter;
import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BeaconEvent;
import io.podium.ssai.session.BeaconTicket;
import io.podium.ssai.session.BreakDecision;
import io.podium.ssai.session.SessionDecision;
import io.podium.ssai.session.SessionTokens;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Routes DASH ad URLs that a player fetches once when the ad starts through
 * {@code /ssai/v1/seg/{beaconToken}}, firing the ad's impressions and {@code start} there: the
 * initialization segment of a template (once its {@code $RepresentationID$} is filled in; one
 * with other identifiers left stays direct) and the single file of a SegmentBase
 * Representation. Ads are found in the decision by id. Every Representation of an ad shares one
 * ticket key, so the beacons fire once per ad. {@code $Number$} media templates go through
 * {@code /ssai/v1/dseg/} for the quartiles and {@code complete} (see {@link #mediaTemplate}). Absolute URLs under the
 * public URL, as the stitcher requires; a pure function of the decision. Thread-safe.
 */
public final class DashBeaconRewriter implements DashUrlRewriter {
    private final SessionDecision decision;
    private final SessionTokens tokens;
    private final String segBase;
    private final String dashSegBase;

    /** @param publicUrl where players reach this deployment ({@code server.public_url}) */
    public DashBeaconRewriter(SessionDecision decision, SessionTokens tokens, URI publicUrl) {
        this.decision = decision;
        this.tokens = tokens;
        String base = publicUrl.toString();
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.segBase = root + BeaconLinker.SEG_PREFIX;
        this.dashSegBase = root + "/ssai/v1/dseg/";
    }

    @Override
    public String rewrite(AdSegmentUrl url) {
        if (url.kind() == AdSegmentUrl.Kind.MEDIA_TEMPLATE) {
            return mediaTemplate(url);
        }
        String target = url.url().replace("$RepresentationID$", url.representationId());
        if (target.indexOf('$') >= 0) {
            return url.url();
        }
        int breakIndex = breakIndex(url.breakId());
        if (breakIndex < 0) {
            return url.url();
        }
        int adIndex = adIndex(breakIndex, url.adId());
        if (adIndex < 0) {
            return url.url();
        }
        Map<BeaconEvent, List<String>> beacons = beacons(breakIndex, adIndex, BeaconEvent.IMPRESSION, BeaconEvent.START);
        URI segment;
        try {
            segment = new URI(target);
        } catch (java.net.URISyntaxException e) {
            return url.url();
        }
        if (beacons.isEmpty()) {
            return url.url();
        }
        return segBase + tokens.seal(new BeaconTicket(decision.sessionId(), breakIndex, adIndex, 0,
                decision.expiresAtSeconds(), segment, beacons)) + BeaconLinker.extension(segment);
    }

    /**
     * A {@code $Number$} (or {@code $Number%05d$}) media template whose segments the stitcher
     * counted goes through {@code /ssai/v1/dseg/{ticket}/$Number$.ext}: the player still fills in
     * the number, and Podium
     * fires the quartiles and {@code complete} on the segments where they fall (the impressions
     * and {@code start} fire on the initialization segment). Other templates stay direct.
     */
    private String mediaTemplate(AdSegmentUrl url) {
        String target = url.url().replace("$RepresentationID$", url.representationId());
        String number = BeaconTicket.numberIdentifier(target);
        if (url.segmentCount() <= 0 || url.segmentCount() > 0xFFFF || url.startNumber() < 0
                || url.startNumber() > 0xFFFF || number == null || target.replace(number, "").indexOf('$') >= 0) {
            return url.url();
        }
        int breakIndex = breakIndex(url.breakId());
        if (breakIndex < 0) {
            return url.url();
        }
        int adIndex = adIndex(breakIndex, url.adId());
        if (adIndex < 0) {
            return url.url();
        }
        Map<BeaconEvent, List<String>> beacons = beacons(breakIndex, adIndex, BeaconEvent.FIRST_QUARTILE,
                BeaconEvent.MIDPOINT, BeaconEvent.THIRD_QUARTILE, BeaconEvent.COMPLETE);
        if (beacons.isEmpty()) {
            return url.url();
        }
        URI template;
        try {
            template = new URI(target);
            new URI(target.replace(number, "0"));
        } catch (java.net.URISyntaxException e) {
            return url.url();
        }
        String token = tokens.seal(new BeaconTicket(decision.sessionId(), breakIndex, adIndex,
                (int) url.startNumber(), decision.expiresAtSeconds(), template, beacons, url.segmentCount()));
        return dashSegBase + token + "/" + number + BeaconLinker.extension(URI.create(target.replace(number, "0")));
    }

    private int breakIndex(String breakId) {
        List<BreakDecision> breaks = decision.breaks();
        for (int i = 0; i < breaks.size(); i++) {
            if (breaks.get(i).breakId().equals(breakId)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of an ad in a break of the decision, or -1. */
    private int adIndex(int breakIndex, String adId) {
        List<AdDecision> ads = decision.breaks().get(breakIndex).ads();
        for (int i = 0; i < ads.size(); i++) {
            if (ads.get(i).adId().equals(adId)) {
                return i;
            }
        }
        return -1;
    }

    /** The ad's URLs for the given moments, those it has. */
    private Map<BeaconEvent, List<String>> beacons(int breakIndex, int adIndex, BeaconEvent... events) {
        AdDecision ad = decision.breaks().get(breakIndex).ads().get(adIndex);
        Map<BeaconEvent, List<String>> out = new EnumMap<>(BeaconEvent.class);
        for (BeaconEvent e : events) {
            List<String> urls = ad.beacons().get(e);
            if (urls != null && !urls.isEmpty()) {
                out.put(e, urls);
            }
        }
        return out;
    }
}
