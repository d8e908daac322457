package io.podium.vast.lint;

import io.podium.vast.model.Ad;
import io.podium.vast.model.AdContent;
import io.podium.vast.model.Creative;
import io.podium.vast.model.Impression;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Linear;
import io.podium.vast.model.MediaFile;
import io.podium.vast.model.Pricing;
import io.podium.vast.model.Tracking;
import io.podium.vast.model.Vast;
import io.podium.vast.model.VastTime;
import io.podium.vast.model.Wrapper;
import io.podium.vast.parse.Lines;
import io.podium.vast.parse.ParsedVast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules the VAST prose adds to the schemas (VAST 4.3 sections 3 and 6), checked on the
 * parsed model. Each problem names its rule:
 * <ul>
 *   <li>{@code sequence}: an Ad's {@code sequence} is a positive integer, unique in the document</li>
 *   <li>{@code required}: what an InLine, a Wrapper, a Creative and a Linear must hold</li>
 *   <li>{@code once}: elements the prose allows once (AdSystem, AdTitle, Duration, ...)</li>
 *   <li>{@code time}: Duration as HH:MM:SS(.mmm), skipoffset and progress offsets as a time or n%</li>
 *   <li>{@code event}: tracking event names VAST defines; progress needs an offset</li>
 *   <li>{@code url}: tracking, media and tag URLs are absolute http(s) URLs</li>
 *   <li>{@code pricing}: model CPM/CPC/CPE/CPV, an ISO 4217 currency, a decimal value</li>
 *   <li>{@code media}: delivery progressive or streaming, a MIME type, positive width and height</li>
 * </ul>
 * Thread-safe.
 */
public final class VastRules {
    private static final Set<String> EVENTS = Set.of("creativeView", "start", "firstQuartile", "midpoint",
            "thirdQuartile", "complete", "mute", "unmute", "pause", "resume", "rewind", "skip", "playerExpand",
            "playerCollapse", "progress", "closeLinear", "loaded", "notUsed", "otherAdInteraction",
            "acceptInvitation", "acceptInvitationLinear", "adExpand", "adCollapse", "minimize", "close",
            "overlayViewDuration", "interactiveStart", "fullscreen", "exitFullscreen", "expand", "collapse",
            "timeSpentViewing", "verificationNotExecuted");
    private static final Set<String> PRICING_MODELS = Set.of("cpm", "cpc", "cpe", "cpv");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern POSITIVE = Pattern.compile("0*[1-9]\\d*");

    /** The problems of a parsed document, in document order. */
    public List<LintProblem> check(ParsedVast parsed) {
        Check c = new Check(parsed.lines(), parsed.vast().version());
        c.vast(parsed.vast());
        c.problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return c.problems;
    }

    private static final class Check {
        final List<LintProblem> problems = new ArrayList<>();
        final Lines lines;
        final boolean v4;
        final boolean since41;

        Check(Lines lines, String version) {
            this.lines = lines;
            String v = version == null ? "" : version.trim();
            v4 = v.startsWith("4.");
            since41 = v4 && !"4.0".equals(v);
        }

        void add(int line, String rule, String message) {
            problems.add(new LintProblem(line, rule, message));
        }

        void vast(Vast vast) {
            Map<Integer, Ad> sequences = new HashMap<>();
            for (Ad ad : vast.ads()) {
                if (ad.sequence() != null) {
                    if (!POSITIVE.matcher(ad.sequence().trim()).matches()) {
                        add(lines.of(ad), "sequence", "Ad sequence \"" + ad.sequence() + "\" is not a positive integer");
                    } else {
                        Ad first = sequences.putIfAbsent(ad.sequenceNumber(), ad);
                        if (first != null) {
                            add(lines.of(ad), "sequence", "Ad sequence " + ad.sequenceNumber()
                                    + " is used twice (first on line " + lines.of(first) + ")");
                        }
                    }
                }
                content(ad.content());
            }
            for (String error : vast.errors()) {
                url(lines.of(vast), "Error", error);
            }
        }

        void content(AdContent content) {
            int line = lines.of(content);
            String kind = content instanceof InLine ? "InLine" : "Wrapper";
            if (content.adSystem() == null || blank(content.adSystem().name())) {
                add(line, "required", kind + " needs an AdSystem with the ad server's name");
            }
            once(content, kind, "AdSystem", "Pricing", "ViewableImpression", "Creatives", "Extensions");
            if (content.impressions().isEmpty()) {
                add(line, "required", kind + " needs at least one Impression");
            }
            for (Impression i : content.impressions()) {
                url(lines.of(i), "Impression", i.url());
            }
            for (String error : content.errors()) {
                url(line, "Error", error);
            }
            pricing(content.pricing());
            if (content instanceof InLine in) {
                inLine(in, line);
            } else {
                wrapper((Wrapper) content, line);
            }
            for (Creative creative : content.creatives()) {
                creative(creative, content instanceof InLine);
            }
        }

        void inLine(InLine in, int line) {
            if (blank(in.adTitle())) {
                add(lines.of(in, "AdTitle"), "required", "InLine needs an AdTitle");
            }
            if (since41 && blank(in.adServingId())) {
                add(lines.of(in, "AdServingId"), "required", "InLine needs an AdServingId (VAST 4.1 and later)");
            }
            once(in, "InLine", "AdTitle", "AdServingId", "Description", "Advertiser", "Expires");
            if (in.creatives().isEmpty()) {
                add(lines.of(in, "Creatives"), "required", "InLine needs at least one Creative");
            }
        }

        void wrapper(Wrapper w, int line) {
            if (blank(w.vastAdTagUri())) {
                add(line, "required", "Wrapper needs a VASTAdTagURI");
            } else {
                url(lines.of(w, "VASTAdTagURI"), "VASTAdTagURI", w.vastAdTagUri());
            }
            once(w, "Wrapper", "VASTAdTagURI");
        }

        void creative(Creative creative, boolean inline) {
            int line = lines.of(creative);
            once(creative, "Creative", "Linear", "NonLinearAds", "CompanionAds");
            if (creative.sequence() != null && !POSITIVE.matcher(creative.sequence().trim()).matches()) {
                add(line, "sequence", "Creative sequence \"" + creative.sequence() + "\" is not a positive integer");
            }
            if (inline) {
                int kinds = (creative.linear() != null ? 1 : 0) + (creative.nonLinearAds() != null ? 1 : 0)
                        + (creative.companionAds() != null ? 1 : 0);
                if (kinds == 0) {
                    add(line, "required", "Creative needs a Linear, NonLinearAds or CompanionAds");
                } else if (kinds > 1) {
                    add(line, "once", "Creative holds more than one of Linear, NonLinearAds and CompanionAds");
                }
                if (v4 && creative.universalAdIds().isEmpty()) {
                    add(line, "required", "Creative needs a UniversalAdId (VAST 4.x)");
                }
            }
            if (creative.linear() != null) {
                linear(creative.linear(), inline);
            }
            if (creative.nonLinearAds() != null) {
                tracking(creative.nonLinearAds().trackingEvents(), false);
            }
            if (creative.companionAds() != null) {
                creative.companionAds().companions().forEach(companion -> tracking(companion.trackingEvents(), false));
            }
        }

        void linear(Linear linear, boolean inline) {
            int line = lines.of(linear);
            once(linear, "Linear", "Duration", "MediaFiles", "AdParameters", "VideoClicks");
            if (linear.skipoffset() != null && !VastTime.isOffset(linear.skipoffset())) {
                add(line, "time", "skipoffset \"" + linear.skipoffset() + "\" is neither HH:MM:SS(.mmm) nor n%");
            }
            if (inline) {
                if (linear.duration() == null) {
                    add(line, "required", "Linear needs a Duration");
                } else if (!VastTime.isClock(linear.duration())) {
                    add(lines.of(linear, "Duration"), "time", "Duration \"" + linear.duration()
                            + "\" is not HH:MM:SS or HH:MM:SS.mmm");
                }
                if (linear.mediaFiles().isEmpty()) {
                    add(lines.of(linear, "MediaFiles"), "required", "Linear needs at least one MediaFile");
                }
                for (MediaFile f : linear.mediaFiles()) {
                    media(f);
                }
            }
            tracking(linear.trackingEvents(), true);
            if (linear.videoClicks() != null && linear.videoClicks().clickThrough() != null) {
                url(lines.of(linear.videoClicks().clickThrough()), "ClickThrough",
                        linear.videoClicks().clickThrough().url());
            }
        }

        void media(MediaFile f) {
            int line = lines.of(f);
            url(line, "MediaFile", f.url());
            if (f.delivery() == null || !Set.of("progressive", "streaming").contains(f.delivery().trim())) {
                add(line, "media", "MediaFile delivery \"" + f.delivery() + "\" is neither progressive nor streaming");
            }
            if (blank(f.type())) {
                add(line, "media", "MediaFile needs a MIME type");
            }
            boolean audio = f.type() != null && f.type().trim().startsWith("audio/");
            if (!size(f.width(), audio) || !size(f.height(), audio)) {
                add(line, "media", "MediaFile width and height must be positive integers");
            }
        }

        void tracking(List<Tracking> events, boolean linear) {
            for (Tracking t : events) {
                int line = lines.of(t);
                if (t.event() == null || !EVENTS.contains(t.event().trim())) {
                    add(line, "event", "unknown tracking event \"" + t.event() + "\"");
                } else if ("progress".equals(t.event().trim())) {
                    if (t.offset() == null) {
                        add(line, "event", "a progress event needs an offset");
                    } else if (!VastTime.isOffset(t.offset())) {
                        add(line, "time", "offset \"" + t.offset() + "\" is neither HH:MM:SS(.mmm) nor n%");
                    }
                }
                url(line, "Tracking", t.url());
            }
        }

        void pricing(Pricing p) {
            if (p == null) {
                return;
            }
            int line = lines.of(p);
            if (p.model() == null || !PRICING_MODELS.contains(p.model().trim().toLowerCase(java.util.Locale.ROOT))) {
                add(line, "pricing", "Pricing model \"" + p.model() + "\" is not CPM, CPC, CPE or CPV");
            }
            if (p.currency() == null || !CURRENCY.matcher(p.currency().trim()).matches()) {
                add(line, "pricing", "Pricing currency \"" + p.currency() + "\" is not a three-letter ISO 4217 code");
            }
            if (p.value() == null || !DECIMAL.matcher(p.value().trim()).matches()) {
                add(line, "pricing", "Pricing value \"" + p.value() + "\" is not a decimal number");
            }
        }

        void url(int line, String element, String url) {
            if (blank(url)) {
                add(line, "url", element + " URL is empty");
                return;
            }
            String u = url.trim();
            String lower = u.toLowerCase(java.util.Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("[")
                    || lower.startsWith("//"))) {
                add(line, "url", element + " URL \"" + abbreviate(u) + "\" is not an absolute http(s) URL");
            }
        }

        void once(Object owner, String kind, String... fields) {
            for (String field : fields) {
                int n = lines.count(owner, field);
                if (n > 1) {
                    add(lines.of(owner, field), "once", kind + " has " + n + " " + field + " elements; one is allowed");
                }
            }
        }

        /** A positive integer; 0 too for audio, which has no picture. */
        static boolean size(String value, boolean audio) {
            return value != null && (POSITIVE.matcher(value.trim()).matches() || audio && "0".equals(value.trim()));
        }

        static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }
    }
}
