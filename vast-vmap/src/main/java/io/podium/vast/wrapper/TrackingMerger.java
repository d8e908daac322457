package io.podium.vast.wrapper;

import io.podium.vast.model.Ad;
import io.podium.vast.model.Creative;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Linear;
import io.podium.vast.model.NonLinearAds;
import io.podium.vast.model.Tracking;
import io.podium.vast.model.UrlWithId;
import io.podium.vast.model.VideoClicks;
import io.podium.vast.model.Wrapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts what the wrappers of a chain track into the inline ad at its end (VAST 4.3 §2.3.3):
 * their impressions, error URLs and verifications, their linear tracking events and click
 * tracking into every linear creative, their non-linear tracking into every non-linear
 * creative. Companion tracking is not merged: wrappers' companions are matched to inline ones
 * by nothing the spec defines.
 */
final class TrackingMerger {
    private TrackingMerger() {
    }

    /** The inline ad with the chain's tracking first (outermost wrapper first), its own after. */
    static Ad merge(Ad ad, InLine in, List<Wrapper> chain, String sequence) {
        if (chain.isEmpty()) {
            return sequence == null ? ad : new Ad(ad.id(), sequence, ad.conditionalAd(), ad.adType(), in);
        }
        List<Tracking> linearTracking = new ArrayList<>();
        List<UrlWithId> clickTracking = new ArrayList<>();
        List<Tracking> nonLinearTracking = new ArrayList<>();
        List<io.podium.vast.model.Impression> impressions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<io.podium.vast.model.Verification> verifications = new ArrayList<>();
        for (Wrapper w : chain) {
            impressions.addAll(w.impressions());
            errors.addAll(w.errors());
            verifications.addAll(w.adVerifications());
            for (Creative c : w.creatives()) {
                if (c.linear() != null) {
                    linearTracking.addAll(c.linear().trackingEvents());
                    if (c.linear().videoClicks() != null) {
                        clickTracking.addAll(c.linear().videoClicks().clickTrackings());
                    }
                }
                if (c.nonLinearAds() != null) {
                    nonLinearTracking.addAll(c.nonLinearAds().trackingEvents());
                }
            }
        }
        impressions.addAll(in.impressions());
        errors.addAll(in.errors());
        verifications.addAll(in.adVerifications());
        List<Creative> creatives = new ArrayList<>();
        for (Creative c : in.creatives()) {
            Linear l = c.linear();
            if (l != null) {
                VideoClicks clicks = l.videoClicks();
                List<UrlWithId> tracked = new ArrayList<>(clickTracking);
                if (clicks != null) {
                    tracked.addAll(clicks.clickTrackings());
                }
                VideoClicks merged = clicks == null && tracked.isEmpty() ? null : new VideoClicks(tracked,
                        clicks == null ? null : clicks.clickThrough(), clicks == null ? List.of() : clicks.customClicks());
                l = new Linear(l.skipoffset(), l.icons(), concat(linearTracking, l.trackingEvents()), l.adParameters(),
                        l.duration(), l.closedCaptionFiles(), l.mediaFiles(), l.mezzanines(),
                        l.interactiveCreativeFiles(), merged);
            }
            NonLinearAds n = c.nonLinearAds();
            if (n != null) {
                n = new NonLinearAds(concat(nonLinearTracking, n.trackingEvents()), n.nonLinears());
            }
            creatives.add(new Creative(c.id(), c.adId(), c.sequence(), c.apiFramework(), c.companionAds(),
                    c.creativeExtensions(), l, n, c.universalAdIds()));
        }
        InLine merged = new InLine(in.adSystem(), errors, in.extensions(), impressions, in.pricing(),
                in.viewableImpression(), in.adServingId(), in.adTitle(), verifications, in.advertiser(),
                in.categories(), creatives, in.description(), in.expires(), in.survey());
        return new Ad(ad.id(), sequence != null ? sequence : ad.sequence(), ad.conditionalAd(), ad.adType(), merged);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
