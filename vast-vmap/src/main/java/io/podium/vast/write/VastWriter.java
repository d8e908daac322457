package io.podium.vast.write;

import io.podium.vast.model.Ad;
import io.podium.vast.model.AdContent;
import io.podium.vast.model.AdParameters;
import io.podium.vast.model.Category;
import io.podium.vast.model.ClosedCaptionFile;
import io.podium.vast.model.Companion;
import io.podium.vast.model.CompanionAds;
import io.podium.vast.model.Creative;
import io.podium.vast.model.Impression;
import io.podium.vast.model.InLine;
import io.podium.vast.model.InteractiveCreativeFile;
import io.podium.vast.model.Linear;
import io.podium.vast.model.MediaFile;
import io.podium.vast.model.Mezzanine;
import io.podium.vast.model.NonLinear;
import io.podium.vast.model.NonLinearAds;
import io.podium.vast.model.RawXml;
import io.podium.vast.model.StaticLikeResource;
import io.podium.vast.model.Tracking;
import io.podium.vast.model.UniversalAdId;
import io.podium.vast.model.UrlWithId;
import io.podium.vast.model.Vast;
import io.podium.vast.model.Verification;
import io.podium.vast.model.VideoClicks;
import io.podium.vast.model.ViewableImpression;
import io.podium.vast.model.Wrapper;
import java.util.List;
import java.util.Set;

/**
 * Writes VAST 4.1 to 4.3 documents, children in the order of the IAB schema (whatever order
 * they were read in), URLs in CDATA, without a namespace (as most players expect; the IAB
 * schemas accept both). Raw parts ({@code Extensions}, {@code CreativeExtensions}, icons) are
 * written as they were read. What a wrapper may not carry (media, click-through, creative
 * extensions, overlay resources) is left out of wrappers. Thread-safe.
 */
public final class VastWriter {
    private static final Set<String> VERSIONS = Set.of("4.1", "4.2", "4.3");

    /**
     * @throws IllegalArgumentException for a version other than 4.1 to 4.3, or a document with
     *     both ads and root errors (the 4.x schema allows one or the other)
     */
    public byte[] write(Vast vast) {
        return render(vast).bytes();
    }

    /** The document as a string (for logs and tests). */
    public String writeString(Vast vast) {
        return render(vast).toString();
    }

    private XmlOut render(Vast vast) {
        String version = vast.version() == null ? null : vast.version().trim();
        if (!VERSIONS.contains(version)) {
            throw new IllegalArgumentException("the writer writes VAST 4.1 to 4.3, not " + vast.version()
                    + " (4.0 lacks AdServingId, ad types and several events Podium writes)");
        }
        if (!vast.ads().isEmpty() && !vast.errors().isEmpty()) {
            throw new IllegalArgumentException("VAST 4.x has root <Error> only in a response without <Ad>");
        }
        boolean clickThroughFirst = !"4.1".equals(version);
        XmlOut out = new XmlOut();
        out.start("VAST").attr("version", version);
        for (Ad ad : vast.ads()) {
            ad(out, ad, clickThroughFirst);
        }
        for (String error : vast.errors()) {
            out.cdataElement("Error", error);
        }
        out.end("VAST");
        return out;
    }

    private void ad(XmlOut out, Ad ad, boolean clickThroughFirst) {
        out.start("Ad").attr("id", ad.id()).attr("sequence", ad.sequence()).attr("conditionalAd", ad.conditionalAd())
                .attr("adType", ad.adType());
        if (ad.content() instanceof InLine in) {
            out.start("InLine");
            base(out, in);
            out.textElement("AdServingId", in.adServingId());
            out.textElement("AdTitle", in.adTitle());
            verifications(out, in.adVerifications());
            if (in.advertiser() != null) {
                out.start("Advertiser").attr("id", in.advertiser().id()).textBody("Advertiser", in.advertiser().name());
            }
            categories(out, "Category", in.categories());
            creatives(out, in.creatives(), true, clickThroughFirst);
            out.textElement("Description", in.description());
            out.textElement("Expires", in.expires());
            if (in.survey() != null) {
                out.start("Survey").attr("type", in.survey().type()).cdataBody("Survey", in.survey().url());
            }
            out.end("InLine");
        } else {
            Wrapper w = (Wrapper) ad.content();
            out.start("Wrapper").attr("followAdditionalWrappers", w.followAdditionalWrappers())
                    .attr("allowMultipleAds", w.allowMultipleAds()).attr("fallbackOnNoAd", w.fallbackOnNoAd());
            base(out, w);
            verifications(out, w.adVerifications());
            categories(out, "BlockedAdCategories", w.blockedAdCategories());
            creatives(out, w.creatives(), false, clickThroughFirst);
            out.cdataElement("VASTAdTagURI", w.vastAdTagUri());
            out.end("Wrapper");
        }
        out.end("Ad");
    }

    private void base(XmlOut out, AdContent c) {
        if (c.adSystem() != null) {
            out.start("AdSystem").attr("version", c.adSystem().version()).textBody("AdSystem", c.adSystem().name());
        }
        for (String error : c.errors()) {
            out.cdataElement("Error", error);
        }
        raws(out, "Extensions", c.extensions());
        for (Impression i : c.impressions()) {
            out.start("Impression").attr("id", i.id()).cdataBody("Impression", i.url());
        }
        if (c.pricing() != null) {
            out.start("Pricing").attr("model", c.pricing().model()).attr("currency", c.pricing().currency())
                    .textBody("Pricing", c.pricing().value());
        }
        ViewableImpression v = c.viewableImpression();
        if (v != null) {
            out.start("ViewableImpression").attr("id", v.id());
            v.viewable().forEach(u -> out.cdataElement("Viewable", u));
            v.notViewable().forEach(u -> out.cdataElement("NotViewable", u));
            v.viewUndetermined().forEach(u -> out.cdataElement("ViewUndetermined", u));
            out.end("ViewableImpression");
        }
    }

    private void raws(XmlOut out, String container, List<RawXml> raws) {
        if (!raws.isEmpty()) {
            out.start(container);
            raws.forEach(r -> out.raw(r.xml()));
            out.end(container);
        }
    }

    private void verifications(XmlOut out, List<Verification> verifications) {
        if (verifications.isEmpty()) {
            return;
        }
        out.start("AdVerifications");
        for (Verification v : verifications) {
            out.start("Verification").attr("vendor", v.vendor());
            for (Verification.Resource r : v.executableResources()) {
                out.start("ExecutableResource").attr("apiFramework", r.apiFramework()).attr("type", r.type())
                        .cdataBody("ExecutableResource", r.url());
            }
            for (Verification.Resource r : v.javaScriptResources()) {
                out.start("JavaScriptResource").attr("apiFramework", r.apiFramework())
                        .attr("browserOptional", r.browserOptional()).cdataBody("JavaScriptResource", r.url());
            }
            tracking(out, v.trackingEvents());
            out.cdataElement("VerificationParameters", v.verificationParameters());
            out.end("Verification");
        }
        out.end("AdVerifications");
    }

    private void categories(XmlOut out, String name, List<Category> categories) {
        for (Category c : categories) {
            out.start(name).attr("authority", c.authority()).textBody(name, c.code());
        }
    }

    private void creatives(XmlOut out, List<Creative> creatives, boolean inline, boolean clickThroughFirst) {
        if (creatives.isEmpty()) {
            if (inline) {
                out.start("Creatives").end("Creatives");
            }
            return;
        }
        out.start("Creatives");
        for (Creative c : creatives) {
            out.start("Creative").attr("id", c.id()).attr("adId", c.adId()).attr("sequence", c.sequence())
                    .attr("apiFramework", c.apiFramework());
            companions(out, c.companionAds(), inline);
            if (inline) {
                raws(out, "CreativeExtensions", c.creativeExtensions());
            }
            if (c.linear() != null) {
                linear(out, c.linear(), inline, clickThroughFirst);
            }
            if (c.nonLinearAds() != null) {
                nonLinearAds(out, c.nonLinearAds(), inline);
            }
            if (inline) {
                for (UniversalAdId u : c.universalAdIds()) {
                    out.start("UniversalAdId").attr("idRegistry", u.idRegistry()).attr("idValue", u.idValue())
                            .textBody("UniversalAdId", u.value());
                }
            }
            out.end("Creative");
        }
        out.end("Creatives");
    }

    /** @param clickThroughFirst VAST 4.2 puts ClickThrough before CustomClick, 4.1 after */
    private void linear(XmlOut out, Linear l, boolean inline, boolean clickThroughFirst) {
        out.start("Linear").attr("skipoffset", l.skipoffset());
        raws(out, "Icons", l.icons());
        tracking(out, l.trackingEvents());
        if (inline) {
            adParameters(out, l.adParameters());
            out.textElement("Duration", l.duration());
            out.start("MediaFiles");
            if (!l.closedCaptionFiles().isEmpty()) {
                out.start("ClosedCaptionFiles");
                for (ClosedCaptionFile f : l.closedCaptionFiles()) {
                    out.start("ClosedCaptionFile").attr("type", f.type()).attr("language", f.language())
                            .cdataBody("ClosedCaptionFile", f.url());
                }
                out.end("ClosedCaptionFiles");
            }
            for (MediaFile f : l.mediaFiles()) {
                out.start("MediaFile").attr("id", f.id()).attr("delivery", f.delivery()).attr("type", f.type())
                        .attr("width", f.width()).attr("height", f.height()).attr("codec", f.codec())
                        .attr("bitrate", f.bitrate()).attr("minBitrate", f.minBitrate())
                        .attr("maxBitrate", f.maxBitrate()).attr("scalable", f.scalable())
                        .attr("maintainAspectRatio", f.maintainAspectRatio()).attr("fileSize", f.fileSize())
                        .attr("mediaType", f.mediaType()).attr("apiFramework", f.apiFramework())
                        .cdataBody("MediaFile", f.url());
            }
            for (Mezzanine m : l.mezzanines()) {
                out.start("Mezzanine").attr("id", m.id()).attr("delivery", m.delivery()).attr("type", m.type())
                        .attr("width", m.width()).attr("height", m.height()).attr("codec", m.codec())
                        .attr("fileSize", m.fileSize()).attr("mediaType", m.mediaType()).cdataBody("Mezzanine", m.url());
            }
            for (InteractiveCreativeFile f : l.interactiveCreativeFiles()) {
                out.start("InteractiveCreativeFile").attr("type", f.type()).attr("apiFramework", f.apiFramework())
                        .attr("variableDuration", f.variableDuration()).cdataBody("InteractiveCreativeFile", f.url());
            }
            out.end("MediaFiles");
        }
        VideoClicks v = l.videoClicks();
        if (v != null) {
            out.start("VideoClicks");
            urls(out, "ClickTracking", v.clickTrackings());
            if (inline) {
                List<UrlWithId> through = v.clickThrough() == null ? List.of() : List.of(v.clickThrough());
                urls(out, clickThroughFirst ? "ClickThrough" : "CustomClick",
                        clickThroughFirst ? through : v.customClicks());
                urls(out, clickThroughFirst ? "CustomClick" : "ClickThrough",
                        clickThroughFirst ? v.customClicks() : through);
            }
            out.end("VideoClicks");
        }
        out.end("Linear");
    }

    private void nonLinearAds(XmlOut out, NonLinearAds n, boolean inline) {
        out.start("NonLinearAds");
        tracking(out, n.trackingEvents());
        for (NonLinear nl : n.nonLinears()) {
            if (!inline) {
                out.start("NonLinear");
                urls(out, "NonLinearClickTracking", nl.clickTrackings().stream().limit(1).toList());
                out.end("NonLinear");
                continue;
            }
            out.start("NonLinear").attr("id", nl.id()).attr("width", nl.width()).attr("height", nl.height())
                    .attr("expandedWidth", nl.expandedWidth()).attr("expandedHeight", nl.expandedHeight())
                    .attr("scalable", nl.scalable()).attr("maintainAspectRatio", nl.maintainAspectRatio())
                    .attr("minSuggestedDuration", nl.minSuggestedDuration()).attr("apiFramework", nl.apiFramework());
            resources(out, nl.resources());
            adParameters(out, nl.adParameters());
            out.cdataElement("NonLinearClickThrough", nl.clickThrough());
            urls(out, "NonLinearClickTracking", nl.clickTrackings());
            out.end("NonLinear");
        }
        out.end("NonLinearAds");
    }

    private void companions(XmlOut out, CompanionAds ads, boolean inline) {
        if (ads == null) {
            return;
        }
        out.start("CompanionAds").attr("required", ads.required());
        for (Companion c : ads.companions()) {
            out.start("Companion").attr("id", c.id()).attr("width", c.width()).attr("height", c.height())
                    .attr("assetWidth", c.assetWidth()).attr("assetHeight", c.assetHeight())
                    .attr("expandedWidth", c.expandedWidth()).attr("expandedHeight", c.expandedHeight())
                    .attr("apiFramework", c.apiFramework()).attr("adSlotId", c.adSlotId()).attr("pxratio", c.pxratio())
                    .attr("renderingMode", c.renderingMode());
            resources(out, c.resources());
            adParameters(out, c.adParameters());
            out.textElement("AltText", c.altText());
            out.cdataElement("CompanionClickThrough", c.clickThrough());
            urls(out, "CompanionClickTracking", c.clickTrackings());
            raws(out, "CreativeExtensions", c.creativeExtensions());
            tracking(out, c.trackingEvents());
            out.end("Companion");
        }
        out.end("CompanionAds");
    }

    private void resources(XmlOut out, List<StaticLikeResource> resources) {
        for (String kind : List.of("HTMLResource", "IFrameResource", "StaticResource")) {
            for (StaticLikeResource r : resources) {
                if (kind.equals(r.kind())) {
                    out.start(kind).attr("creativeType", r.creativeType()).cdataBody(kind, r.value());
                }
            }
        }
    }

    private void adParameters(XmlOut out, AdParameters p) {
        if (p != null) {
            out.start("AdParameters").attr("xmlEncoded", p.xmlEncoded()).cdataBody("AdParameters", p.value());
        }
    }

    private void tracking(XmlOut out, List<Tracking> events) {
        if (events.isEmpty()) {
            return;
        }
        out.start("TrackingEvents");
        for (Tracking t : events) {
            out.start("Tracking").attr("event", t.event()).attr("offset", t.offset()).cdataBody("Tracking", t.url());
        }
        out.end("TrackingEvents");
    }

    private void urls(XmlOut out, String name, List<UrlWithId> urls) {
        for (UrlWithId u : urls) {
            out.start(name).attr("id", u.id()).cdataBody(name, u.url());
        }
    }
}
