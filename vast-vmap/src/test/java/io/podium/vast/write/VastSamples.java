package io.podium.vast.write;

import io.podium.vast.model.Ad;
import io.podium.vast.model.AdParameters;
import io.podium.vast.model.AdSystem;
import io.podium.vast.model.Advertiser;
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
import io.podium.vast.model.Pricing;
import io.podium.vast.model.RawXml;
import io.podium.vast.model.StaticLikeResource;
import io.podium.vast.model.Survey;
import io.podium.vast.model.Tracking;
import io.podium.vast.model.UniversalAdId;
import io.podium.vast.model.UrlWithId;
import io.podium.vast.model.Vast;
import io.podium.vast.model.VastTime;
import io.podium.vast.model.Verification;
import io.podium.vast.model.VideoClicks;
import io.podium.vast.model.ViewableImpression;
import io.podium.vast.model.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Valid VAST 4.x models for the writer's tests: one with every part, and random ones. */
public final class VastSamples {
    private static final String[] EVENTS = {"start", "firstQuartile", "midpoint", "thirdQuartile", "complete",
        "mute", "pause", "resume", "skip", "creativeView", "loaded"};

    private VastSamples() {
    }

    /** A three-ad pod (two inline, one wrapper) using every element the model has. */
    public static Vast full(String version) {
        Random r = new Random(7);
        List<Ad> ads = List.of(
                new Ad("a1", "1", null, "video", inLine(r, 0, true)),
                new Ad("a2", "2", "false", null, wrapper(r, 1, true)),
                new Ad("a3", "3", null, null, inLine(r, 2, true)));
        return new Vast(version, ads, List.of());
    }

    /** A random valid document; every list may be empty where the schema allows. */
    public static Vast random(Random r, String version) {
        int n = 1 + r.nextInt(4);
        List<Ad> ads = new ArrayList<>();
        boolean pod = r.nextBoolean();
        for (int i = 0; i < n; i++) {
            ads.add(new Ad("ad-" + i, pod ? String.valueOf(i + 1) : null, null, null,
                    r.nextInt(4) == 0 ? wrapper(r, i, r.nextBoolean()) : inLine(r, i, r.nextBoolean())));
        }
        if (r.nextInt(6) == 0) {
            return Vast.empty(version, List.of("https://e.example/empty?c=[ERRORCODE]"));
        }
        return new Vast(version, ads, List.of());
    }

    static InLine inLine(Random r, int i, boolean rich) {
        List<Creative> creatives = new ArrayList<>();
        creatives.add(new Creative("c" + i, "ad-id-" + i, "1", null, null,
                rich ? List.of(new RawXml("<CreativeExtension type=\"x\"><Size w=\"1\">big &amp; bold</Size></CreativeExtension>"))
                        : List.of(),
                linear(r, i, true, rich), null, List.of(new UniversalAdId("ad-id.org", null, "UAI-" + i))));
        if (rich) {
            creatives.add(new Creative(null, null, "2", null, companions(i), List.of(), null, null,
                    List.of(new UniversalAdId("unknown", null, "unknown"))));
            creatives.add(new Creative(null, null, "3", null, null, List.of(), null, nonLinear(i, true),
                    List.of(new UniversalAdId("ad-id.org", null, "NL-" + i))));
        }
        return new InLine(new AdSystem("Podium", rich ? "1.0" : null), errors(r, i), rich ? extensions() : List.of(),
                impressions(r, i), rich ? new Pricing("CPM", "USD", "12.50") : null,
                rich ? new ViewableImpression("v" + i, List.of("https://v.example/yes"), List.of("https://v.example/no"),
                        List.of("https://v.example/unknown")) : null,
                "serving-" + i, "Ad title " + i + " <& more>", rich ? verifications() : List.of(),
                rich ? new Advertiser(null, "Acme & Co") : null,
                rich ? List.of(new Category("https://iabtechlab.com/cattax", "IAB2")) : List.of(),
                creatives, rich ? "A description" : null, rich ? "3600" : null,
                rich ? new Survey("text/javascript", "https://survey.example/s.js") : null);
    }

    static Wrapper wrapper(Random r, int i, boolean rich) {
        List<Creative> creatives = rich ? List.of(new Creative("w" + i, null, "1", null, null, List.of(),
                linear(r, i, false, true), null, List.of())) : List.of();
        return new Wrapper(rich ? "true" : null, rich ? "false" : null, null, new AdSystem("Resold", null),
                errors(r, i), List.of(), impressions(r, i), null, null, List.of(),
                rich ? List.of(new Category("https://iabtechlab.com/cattax", "IAB25")) : List.of(), creatives,
                "https://tag.example/vast?ad=" + i + "&cb=[CACHEBUSTING]");
    }

    static Linear linear(Random r, int i, boolean inline, boolean rich) {
        List<Tracking> tracking = new ArrayList<>();
        int events = 1 + r.nextInt(5);
        for (int k = 0; k < events; k++) {
            String event = EVENTS[r.nextInt(EVENTS.length)];
            tracking.add(new Tracking(event, null, "https://t.example/" + event + "?ad=" + i + "&pos=[ADPLAYHEAD]"));
        }
        if (rich) {
            tracking.add(new Tracking("progress", "00:00:05.000", "https://t.example/progress5"));
            tracking.add(new Tracking("progress", "50%", "https://t.example/progress50"));
        }
        List<RawXml> icons = rich ? List.of(new RawXml("<Icon program=\"AdChoices\" width=\"20\" height=\"20\" "
                + "xPosition=\"right\" yPosition=\"top\"><StaticResource creativeType=\"image/png\">"
                + "https://i.example/adchoices.png</StaticResource></Icon>")) : List.of();
        if (!inline) {
            return new Linear(null, icons, tracking, null, null, List.of(), List.of(), List.of(), List.of(),
                    rich ? new VideoClicks(List.of(new UrlWithId("w", "https://c.example/wrapper-click")), null,
                            List.of()) : null);
        }
        List<MediaFile> files = new ArrayList<>();
        int renditions = 1 + r.nextInt(3);
        for (int k = 0; k < renditions; k++) {
            int h = 360 * (k + 1);
            files.add(new MediaFile("m" + k, k == 2 ? "streaming" : "progressive", k == 2 ? "application/x-mpegURL"
                    : "video/mp4", String.valueOf(h * 16 / 9), String.valueOf(h), rich ? "avc1.4d401f" : null,
                    String.valueOf(800 * (k + 1)), null, null, rich ? "true" : null, rich ? "true" : null,
                    rich ? "1048576" : null, rich ? "2D" : null, null, "https://cdn.example/ad" + i + "_" + h + ".mp4"));
        }
        long ms = (5 + r.nextInt(56)) * 1000L + (r.nextBoolean() ? 0 : r.nextInt(1000));
        return new Linear(rich ? "00:00:05" : null, icons, tracking,
                rich ? new AdParameters("false", "{\"k\":\"v & w\"}") : null, VastTime.format(ms),
                rich ? List.of(new ClosedCaptionFile("text/vtt", "en", "https://cdn.example/cc.vtt")) : List.of(),
                files,
                rich ? List.of(new Mezzanine(null, "progressive", "video/mp4", "1920", "1080", null, null, null,
                        "https://cdn.example/mezz.mp4")) : List.of(),
                rich ? List.of(new InteractiveCreativeFile("text/html", "SIMID", "true", "https://simid.example/s.html"))
                        : List.of(),
                new VideoClicks(List.of(new UrlWithId("p", "https://c.example/track?x=1&y=2")),
                        new UrlWithId(null, "https://advertiser.example/landing?a=b&c=d"),
                        rich ? List.of(new UrlWithId("cc", "https://c.example/custom")) : List.of()));
    }

    static CompanionAds companions(int i) {
        return new CompanionAds("any", List.of(new Companion("co" + i, "300", "250", null, null, null, null, null,
                "slot-1", null, "default",
                List.of(new StaticLikeResource("HTMLResource", null, "<div>hello &amp; welcome</div>"),
                        new StaticLikeResource("StaticResource", "image/png", "https://i.example/banner.png")),
                null, "Alt text", "https://advertiser.example/companion",
                List.of(new UrlWithId("ct", "https://c.example/companion-click")), List.of(),
                List.of(new Tracking("creativeView", null, "https://t.example/companion-view")))));
    }

    static NonLinearAds nonLinear(int i, boolean inline) {
        return new NonLinearAds(List.of(new Tracking("creativeView", null, "https://t.example/nl-view")),
                List.of(new NonLinear("nl" + i, "728", "90", null, null, "true", "true", "00:00:10", null,
                        List.of(new StaticLikeResource("IFrameResource", null, "https://i.example/frame.html")),
                        null, "https://advertiser.example/overlay",
                        List.of(new UrlWithId("nlc", "https://c.example/overlay-click")))));
    }

    static List<String> errors(Random r, int i) {
        return r.nextBoolean() ? List.of("https://e.example/err?c=[ERRORCODE]&ad=" + i) : List.of();
    }

    static List<Impression> impressions(Random r, int i) {
        List<Impression> out = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            out.add(new Impression(k == 0 ? "imp-" + i : null, "https://i.example/imp?ad=" + i + "&k=" + k
                    + "&ts=[TIMESTAMP]"));
        }
        return out;
    }

    static List<RawXml> extensions() {
        return List.of(new RawXml("<Extension type=\"waterfall\"><Rank xmlns=\"urn:podium\" of=\"3\">1</Rank></Extension>"),
                new RawXml("<Extension type=\"geo\"><Country>US</Country></Extension>"));
    }

    static List<Verification> verifications() {
        return List.of(new Verification("iabtechlab.com-omid",
                List.of(),
                List.of(new Verification.Resource("omid", null, "true", "https://v.example/omid.js")),
                List.of(new Tracking("verificationNotExecuted", null, "https://v.example/not-executed?r=[REASON]")),
                "{\"param\":1}"));
    }
}
