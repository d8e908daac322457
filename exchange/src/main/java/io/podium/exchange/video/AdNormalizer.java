package io.podium.exchange.video;

import io.podium.vast.model.Ad;
import io.podium.vast.model.AdContent;
import io.podium.vast.model.AdSystem;
import io.podium.vast.model.Companion;
import io.podium.vast.model.CompanionAds;
import io.podium.vast.model.Creative;
import io.podium.vast.model.Impression;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Linear;
import io.podium.vast.model.NonLinearAds;
import io.podium.vast.model.Pricing;
import io.podium.vast.model.Tracking;
import io.podium.vast.model.UniversalAdId;
import io.podium.vast.model.UrlWithId;
import io.podium.vast.model.Verification;
import io.podium.vast.model.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a DSP's ad, of whatever VAST version, into an ad of a VAST 4.2 pod with Podium's
 * trackers: Podium's impression and error URLs first, its quartile trackers on every linear
 * creative (a wrapper without one gets a tracking-only linear creative), Pricing set to the
 * clearing price, and what VAST 4.2 requires and older versions lack filled in the way the
 * spec prescribes (AdServingId, AdTitle, UniversalAdId {@code unknown}); VAST 2/3 event names
 * are mapped to their 4.x names and events VAST 4.2 does not know are dropped. The result
 * still goes through the linter before it is served.
 */
final class AdNormalizer {
    static final List<String> QUARTILES = List.of("start", "firstQuartile", "midpoint", "thirdQuartile", "complete");
    private static final Set<String> EVENTS_42 = Set.of("mute", "unmute", "pause", "resume", "rewind", "skip",
            "playerExpand", "playerCollapse", "loaded", "start", "firstQuartile", "midpoint", "thirdQuartile",
            "complete", "progress", "closeLinear", "creativeView", "acceptInvitation", "adExpand", "adCollapse",
            "minimize", "close", "overlayViewDuration", "otherAdInteraction", "interactiveStart");
    private static final Map<String, String> RENAMED = Map.of("fullscreen", "playerExpand", "exitFullscreen",
            "playerCollapse", "expand", "adExpand", "collapse", "adCollapse", "acceptInvitationLinear",
            "acceptInvitation");

    private AdNormalizer() {
    }

    /**
     * @param servingId the AdServingId to use when the ad has none
     * @param title the AdTitle to use when the ad has none
     */
    static Ad normalize(Ad ad, int sequence, PodTrackers trackers, Pricing pricing, String servingId, String title) {
        AdContent c = ad.content();
        List<Impression> impressions = new ArrayList<>();
        impressions.add(new Impression("podium", trackers.impression()));
        impressions.addAll(c.impressions());
        List<String> errors = new ArrayList<>();
        errors.add(trackers.error());
        errors.addAll(c.errors());
        List<Tracking> podium = new ArrayList<>();
        for (String e : QUARTILES) {
            podium.add(new Tracking(e, null, trackers.events().get(e)));
        }
        AdSystem system = c.adSystem() == null || c.adSystem().name() == null || c.adSystem().name().isBlank()
                ? new AdSystem("unknown", null) : c.adSystem();
        List<Verification> verifications = c.adVerifications().stream().map(AdNormalizer::verification).toList();
        String seq = Integer.toString(sequence);
        if (c instanceof InLine in) {
            List<Creative> creatives = new ArrayList<>();
            for (Creative cr : in.creatives()) {
                creatives.add(creative(cr, podium, true));
            }
            InLine out = new InLine(system, errors, in.extensions(), impressions, pricing, in.viewableImpression(),
                    blank(in.adServingId()) ? servingId : in.adServingId(), blank(in.adTitle()) ? title : in.adTitle(),
                    verifications, in.advertiser(), in.categories(), creatives, in.description(), in.expires(),
                    in.survey());
            return new Ad(ad.id(), seq, null, ad.adType(), out);
        }
        Wrapper w = (Wrapper) c;
        List<Creative> creatives = new ArrayList<>();
        boolean tracked = false;
        for (Creative cr : w.creatives()) {
            boolean linear = cr.linear() != null;
            creatives.add(creative(cr, linear && !tracked ? podium : List.of(), false));
            tracked |= linear;
        }
        if (!tracked) {
            creatives.add(0, new Creative(null, null, null, null, null, List.of(), new Linear(null, List.of(), podium,
                    null, null, List.of(), List.of(), List.of(), List.of(), null), null, List.of()));
        }
        Wrapper out = new Wrapper(w.followAdditionalWrappers(), w.allowMultipleAds(), w.fallbackOnNoAd(), system, errors,
                w.extensions(), impressions, pricing, w.viewableImpression(), verifications, w.blockedAdCategories(),
                creatives, w.vastAdTagUri());
        return new Ad(ad.id(), seq, null, ad.adType(), out);
    }

    private static Creative creative(Creative cr, List<Tracking> podium, boolean inline) {
        Linear l = cr.linear();
        if (l != null) {
            List<Tracking> tracking = new ArrayList<>(podium);
            tracking.addAll(events(l.trackingEvents()));
            l = new Linear(l.skipoffset(), l.icons(), tracking, l.adParameters(), l.duration(), l.closedCaptionFiles(),
                    l.mediaFiles(), l.mezzanines(), l.interactiveCreativeFiles(), l.videoClicks());
        }
        NonLinearAds n = cr.nonLinearAds();
        if (n != null) {
            n = new NonLinearAds(events(n.trackingEvents()), n.nonLinears());
        }
        CompanionAds ca = cr.companionAds();
        if (ca != null) {
            List<Companion> companions = new ArrayList<>();
            for (Companion co : ca.companions()) {
                companions.add(new Companion(co.id(), co.width(), co.height(), co.assetWidth(), co.assetHeight(),
                        co.expandedWidth(), co.expandedHeight(), co.apiFramework(), co.adSlotId(), co.pxratio(),
                        co.renderingMode(), co.resources(), co.adParameters(), co.altText(), co.clickThrough(),
                        withIds(co.clickTrackings()), co.creativeExtensions(), events(co.trackingEvents())));
            }
            ca = new CompanionAds(ca.required(), companions);
        }
        List<UniversalAdId> ids = new ArrayList<>();
        for (UniversalAdId u : cr.universalAdIds()) {
            ids.add(new UniversalAdId(u.idRegistry() == null ? "unknown" : u.idRegistry(), null,
                    u.id() == null ? "unknown" : u.id()));
        }
        if (inline && ids.isEmpty()) {
            ids.add(new UniversalAdId("unknown", null, "unknown"));
        }
        return new Creative(cr.id(), cr.adId(), cr.sequence(), cr.apiFramework(), ca, cr.creativeExtensions(), l, n, ids);
    }

    /** Tracking events under their VAST 4.2 names; events 4.2 does not know are dropped. */
    private static List<Tracking> events(List<Tracking> events) {
        List<Tracking> out = new ArrayList<>(events.size());
        for (Tracking t : events) {
            String name = t.event() == null ? "" : t.event().trim();
            name = RENAMED.getOrDefault(name, name);
            if (EVENTS_42.contains(name) && t.url() != null && !t.url().isBlank()) {
                out.add(new Tracking(name, "progress".equals(name) ? t.offset() : null, t.url()));
            }
        }
        return out;
    }

    private static Verification verification(Verification v) {
        List<Tracking> tracking = v.trackingEvents().stream()
                .filter(t -> "verificationNotExecuted".equals(t.event())).toList();
        return new Verification(v.vendor(), v.executableResources(), v.javaScriptResources(), tracking,
                v.verificationParameters());
    }

    /** VAST 4.2 requires an id on companion click tracking; an empty one is allowed. */
    private static List<UrlWithId> withIds(List<UrlWithId> urls) {
        return urls.stream().map(u -> u.id() == null ? new UrlWithId("", u.url()) : u).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
