package io.podium.vast.parse;

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
import io.podium.vast.model.Verification;
import io.podium.vast.model.VideoClicks;
import io.podium.vast.model.ViewableImpression;
import io.podium.vast.model.Wrapper;
import io.podium.vast.xml.SafeXml;
import io.podium.vast.xml.XmlRejectedException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads VAST 2.0 to 4.3 into the {@link Vast} model: with or without the IAB namespace (names
 * are matched by local name), URLs in CDATA or not, children in any order. Unknown elements are
 * skipped (the schema check reports them); {@code Extensions}, {@code CreativeExtensions} and
 * {@code Icon} are kept as raw XML. Documents go through {@link SafeXml}: no DOCTYPE, no
 * entities, a size cap. Thread-safe.
 */
public final class VastParser {
    private final SafeXml xml;

    public VastParser(SafeXml xml) {
        this.xml = xml;
    }

    public Vast parse(byte[] document) throws VastParseException {
        return parseWithLines(document).vast();
    }

    public ParsedVast parseWithLines(byte[] document) throws VastParseException {
        XMLStreamReader r;
        try {
            r = xml.open(document);
        } catch (XmlRejectedException e) {
            throw new VastParseException(e.getMessage().replaceFirst("^line \\d+: ", ""), e.line());
        }
        Cursor c = new Cursor(r);
        Lines lines = new Lines();
        try {
            if (!"VAST".equals(c.name())) {
                throw new VastParseException("the root element is <" + c.name() + ">, not <VAST>", c.line());
            }
            return new ParsedVast(new Run(c, lines).vast(), lines);
        } catch (StructureError e) {
            throw new VastParseException(e.getMessage(), e.line);
        } catch (XMLStreamException e) {
            throw new VastParseException("not well-formed XML: " + firstLine(e.getMessage()),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNumber());
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held open: the input is a byte array
            }
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.replaceFirst(
                "(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** One parse: the cursor and the line record. */
    private static final class Run {
        private final Cursor c;
        private final Lines lines;

        Run(Cursor c, Lines lines) {
            this.c = c;
            this.lines = lines;
        }

        Vast vast() throws XMLStreamException {
            int line = c.line();
            String version = c.attr("version");
            List<Ad> ads = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            while (c.nextChild()) {
                switch (c.name()) {
                    case "Ad" -> ads.add(ad());
                    case "Error" -> errors.add(c.text());
                    default -> c.skip();
                }
            }
            return lines.object(new Vast(version, ads, errors), line);
        }

        private Ad ad() throws XMLStreamException {
            int line = c.line();
            String id = c.attr("id");
            String sequence = c.attr("sequence");
            String conditional = c.attr("conditionalAd");
            String adType = c.attr("adType");
            Object placeholder = new Object();
            io.podium.vast.model.AdContent content = null;
            while (c.nextChild()) {
                switch (c.name()) {
                    case "InLine" -> {
                        lines.field(placeholder, "content", c.line());
                        io.podium.vast.model.AdContent parsed = inLine();
                        content = content == null ? parsed : content;
                    }
                    case "Wrapper" -> {
                        lines.field(placeholder, "content", c.line());
                        io.podium.vast.model.AdContent parsed = wrapper();
                        content = content == null ? parsed : content;
                    }
                    default -> c.skip();
                }
            }
            if (content == null) {
                throw new StructureError("<Ad> has neither <InLine> nor <Wrapper>", line);
            }
            Ad ad = new Ad(id, sequence, conditional, adType, content);
            lines.rekey(placeholder, ad);
            return lines.object(ad, line);
        }

        /** Fields shared by InLine and Wrapper, gathered in any order. */
        private final class Common {
            final Object owner = new Object();
            AdSystem adSystem;
            final List<String> errors = new ArrayList<>();
            final List<RawXml> extensions = new ArrayList<>();
            final List<Impression> impressions = new ArrayList<>();
            Pricing pricing;
            ViewableImpression viewable;
            final List<Verification> verifications = new ArrayList<>();
            final List<Creative> creatives = new ArrayList<>();

            /** Reads the current child if it is a shared one; false when it is not. */
            boolean read(String name, boolean inline) throws XMLStreamException {
                int line = c.line();
                switch (name) {
                    case "AdSystem" -> {
                        lines.field(owner, name, line);
                        String version = c.attr("version");
                        AdSystem full = lines.object(new AdSystem(c.text(), version), line);
                        adSystem = adSystem == null ? full : adSystem;
                    }
                    case "Error" -> errors.add(c.text());
                    case "Extensions" -> {
                        lines.field(owner, name, line);
                        while (c.nextChild()) {
                            extensions.add(lines.object(new RawXml(c.raw()), c.line()));
                        }
                    }
                    case "Impression" -> {
                        String id = c.attr("id");
                        impressions.add(lines.object(new Impression(id, c.text()), line));
                    }
                    case "Pricing" -> {
                        lines.field(owner, name, line);
                        String model = c.attr("model");
                        String currency = c.attr("currency");
                        pricing = lines.object(new Pricing(model, currency, c.text()), line);
                    }
                    case "ViewableImpression" -> {
                        lines.field(owner, name, line);
                        viewable = viewableImpression();
                    }
                    case "AdVerifications" -> verifications.addAll(adVerifications());
                    case "Extension" -> extensions.add(lines.object(new RawXml(c.raw()), line)); // VAST 3 habit
                    case "Creatives" -> {
                        lines.field(owner, name, line);
                        while (c.nextChild()) {
                            if ("Creative".equals(c.name())) {
                                creatives.add(creative(inline));
                            } else {
                                c.skip();
                            }
                        }
                    }
                    default -> {
                        return false;
                    }
                }
                return true;
            }
        }

        private InLine inLine() throws XMLStreamException {
            int line = c.line();
            Common common = new Common();
            String adServingId = null;
            String adTitle = null;
            Advertiser advertiser = null;
            List<Category> categories = new ArrayList<>();
            String description = null;
            String expires = null;
            Survey survey = null;
            while (c.nextChild()) {
                String name = c.name();
                if (common.read(name, true)) {
                    continue;
                }
                int at = c.line();
                switch (name) {
                    case "AdServingId" -> {
                        lines.field(common.owner, name, at);
                        adServingId = c.text();
                    }
                    case "AdTitle" -> {
                        lines.field(common.owner, name, at);
                        adTitle = c.text();
                    }
                    case "Advertiser" -> {
                        lines.field(common.owner, name, at);
                        String id = c.attr("id");
                        advertiser = new Advertiser(id, c.text());
                    }
                    case "Category" -> {
                        String authority = c.attr("authority");
                        categories.add(lines.object(new Category(authority, c.text()), at));
                    }
                    case "Description" -> {
                        lines.field(common.owner, name, at);
                        description = c.text();
                    }
                    case "Expires" -> {
                        lines.field(common.owner, name, at);
                        expires = c.text();
                    }
                    case "Survey" -> {
                        String type = c.attr("type");
                        survey = new Survey(type, c.text());
                    }
                    default -> c.skip();
                }
            }
            InLine in = new InLine(common.adSystem, common.errors, common.extensions, common.impressions,
                    common.pricing, common.viewable, adServingId, adTitle, common.verifications, advertiser,
                    categories, common.creatives, description, expires, survey);
            lines.rekey(common.owner, in);
            return lines.object(in, line);
        }

        private Wrapper wrapper() throws XMLStreamException {
            int line = c.line();
            String follow = c.attr("followAdditionalWrappers");
            String allowMultiple = c.attr("allowMultipleAds");
            String fallback = c.attr("fallbackOnNoAd");
            Common common = new Common();
            String tagUri = null;
            List<Category> blocked = new ArrayList<>();
            while (c.nextChild()) {
                String name = c.name();
                if (common.read(name, false)) {
                    continue;
                }
                int at = c.line();
                switch (name) {
                    case "VASTAdTagURI" -> {
                        lines.field(common.owner, name, at);
                        tagUri = c.text();
                    }
                    case "BlockedAdCategories" -> {
                        String authority = c.attr("authority");
                        blocked.add(lines.object(new Category(authority, c.text()), at));
                    }
                    default -> c.skip();
                }
            }
            Wrapper w = new Wrapper(follow, allowMultiple, fallback, common.adSystem, common.errors,
                    common.extensions, common.impressions, common.pricing, common.viewable, common.verifications,
                    blocked, common.creatives, tagUri);
            lines.rekey(common.owner, w);
            return lines.object(w, line);
        }

        private ViewableImpression viewableImpression() throws XMLStreamException {
            String id = c.attr("id");
            List<String> viewable = new ArrayList<>();
            List<String> notViewable = new ArrayList<>();
            List<String> undetermined = new ArrayList<>();
            while (c.nextChild()) {
                switch (c.name()) {
                    case "Viewable" -> viewable.add(c.text());
                    case "NotViewable" -> notViewable.add(c.text());
                    case "ViewUndetermined" -> undetermined.add(c.text());
                    default -> c.skip();
                }
            }
            return new ViewableImpression(id, viewable, notViewable, undetermined);
        }

        private List<Verification> adVerifications() throws XMLStreamException {
            List<Verification> out = new ArrayList<>();
            while (c.nextChild()) {
                if (!"Verification".equals(c.name())) {
                    c.skip();
                    continue;
                }
                int line = c.line();
                String vendor = c.attr("vendor");
                List<Verification.Resource> executable = new ArrayList<>();
                List<Verification.Resource> javaScript = new ArrayList<>();
                List<Tracking> tracking = new ArrayList<>();
                String parameters = null;
                while (c.nextChild()) {
                    switch (c.name()) {
                        case "ExecutableResource" -> {
                            String api = c.attr("apiFramework");
                            String type = c.attr("type");
                            executable.add(new Verification.Resource(api, type, null, c.text()));
                        }
                        case "JavaScriptResource" -> {
                            String api = c.attr("apiFramework");
                            String optional = c.attr("browserOptional");
                            javaScript.add(new Verification.Resource(api, null, optional, c.text()));
                        }
                        case "TrackingEvents" -> tracking.addAll(trackingEvents());
                        case "VerificationParameters" -> parameters = c.text();
                        default -> c.skip();
                    }
                }
                out.add(lines.object(new Verification(vendor, executable, javaScript, tracking, parameters), line));
            }
            return out;
        }

        private List<Tracking> trackingEvents() throws XMLStreamException {
            List<Tracking> out = new ArrayList<>();
            while (c.nextChild()) {
                if (!"Tracking".equals(c.name())) {
                    c.skip();
                    continue;
                }
                int line = c.line();
                String event = c.attr("event");
                String offset = c.attr("offset");
                out.add(lines.object(new Tracking(event, offset, c.text()), line));
            }
            return out;
        }

        private Creative creative(boolean inline) throws XMLStreamException {
            int line = c.line();
            Object owner = new Object();
            String id = c.attr("id");
            String adId = c.attr("adId");
            String sequence = c.attr("sequence");
            String api = c.attr("apiFramework");
            CompanionAds companions = null;
            List<RawXml> extensions = new ArrayList<>();
            Linear linear = null;
            NonLinearAds nonLinear = null;
            List<UniversalAdId> universal = new ArrayList<>();
            while (c.nextChild()) {
                int at = c.line();
                switch (c.name()) {
                    case "CompanionAds" -> {
                        lines.field(owner, "CompanionAds", at);
                        companions = companionAds();
                    }
                    case "CreativeExtensions" -> {
                        while (c.nextChild()) {
                            extensions.add(lines.object(new RawXml(c.raw()), c.line()));
                        }
                    }
                    case "Linear" -> {
                        lines.field(owner, "Linear", at);
                        linear = linear();
                    }
                    case "NonLinearAds" -> {
                        lines.field(owner, "NonLinearAds", at);
                        nonLinear = nonLinearAds();
                    }
                    case "UniversalAdId" -> {
                        String registry = c.attr("idRegistry");
                        String value = c.attr("idValue");
                        universal.add(lines.object(new UniversalAdId(registry, value, c.text()), at));
                    }
                    default -> c.skip();
                }
            }
            Creative creative = new Creative(id, adId, sequence, api, companions, extensions, linear, nonLinear,
                    universal);
            lines.rekey(owner, creative);
            return lines.object(creative, line);
        }

        private Linear linear() throws XMLStreamException {
            int line = c.line();
            Object owner = new Object();
            String skipoffset = c.attr("skipoffset");
            List<RawXml> icons = new ArrayList<>();
            List<Tracking> tracking = new ArrayList<>();
            AdParameters parameters = null;
            String duration = null;
            List<ClosedCaptionFile> captions = new ArrayList<>();
            List<MediaFile> mediaFiles = new ArrayList<>();
            List<Mezzanine> mezzanines = new ArrayList<>();
            List<InteractiveCreativeFile> interactive = new ArrayList<>();
            VideoClicks clicks = null;
            while (c.nextChild()) {
                int at = c.line();
                switch (c.name()) {
                    case "Icons" -> {
                        while (c.nextChild()) {
                            icons.add(lines.object(new RawXml(c.raw()), c.line()));
                        }
                    }
                    case "TrackingEvents" -> tracking.addAll(trackingEvents());
                    case "AdParameters" -> {
                        lines.field(owner, "AdParameters", at);
                        parameters = adParameters();
                    }
                    case "Duration" -> {
                        lines.field(owner, "Duration", at);
                        duration = c.text();
                    }
                    case "MediaFiles" -> {
                        lines.field(owner, "MediaFiles", at);
                        mediaFiles(captions, mediaFiles, mezzanines, interactive);
                    }
                    case "VideoClicks" -> {
                        lines.field(owner, "VideoClicks", at);
                        clicks = videoClicks();
                    }
                    default -> c.skip();
                }
            }
            Linear linear = new Linear(skipoffset, icons, tracking, parameters, duration, captions, mediaFiles,
                    mezzanines, interactive, clicks);
            lines.rekey(owner, linear);
            return lines.object(linear, line);
        }

        private AdParameters adParameters() throws XMLStreamException {
            String encoded = c.attr("xmlEncoded");
            return new AdParameters(encoded, c.text());
        }

        private void mediaFiles(List<ClosedCaptionFile> captions, List<MediaFile> files, List<Mezzanine> mezzanines,
                                List<InteractiveCreativeFile> interactive) throws XMLStreamException {
            while (c.nextChild()) {
                int at = c.line();
                switch (c.name()) {
                    case "MediaFile" -> {
                        MediaFile f = new MediaFile(c.attr("id"), c.attr("delivery"), c.attr("type"),
                                c.attr("width"), c.attr("height"), c.attr("codec"), c.attr("bitrate"),
                                c.attr("minBitrate"), c.attr("maxBitrate"), c.attr("scalable"),
                                c.attr("maintainAspectRatio"), c.attr("fileSize"), c.attr("mediaType"),
                                c.attr("apiFramework"), null);
                        String url = c.text();
                        files.add(lines.object(new MediaFile(f.id(), f.delivery(), f.type(), f.width(), f.height(),
                                f.codec(), f.bitrate(), f.minBitrate(), f.maxBitrate(), f.scalable(),
                                f.maintainAspectRatio(), f.fileSize(), f.mediaType(), f.apiFramework(), url), at));
                    }
                    case "Mezzanine" -> {
                        String id = c.attr("id");
                        String delivery = c.attr("delivery");
                        String type = c.attr("type");
                        String width = c.attr("width");
                        String height = c.attr("height");
                        String codec = c.attr("codec");
                        String size = c.attr("fileSize");
                        String mediaType = c.attr("mediaType");
                        mezzanines.add(lines.object(new Mezzanine(id, delivery, type, width, height, codec, size,
                                mediaType, c.text()), at));
                    }
                    case "InteractiveCreativeFile" -> {
                        String type = c.attr("type");
                        String api = c.attr("apiFramework");
                        String variable = c.attr("variableDuration");
                        interactive.add(lines.object(new InteractiveCreativeFile(type, api, variable, c.text()), at));
                    }
                    case "ClosedCaptionFiles" -> {
                        while (c.nextChild()) {
                            if ("ClosedCaptionFile".equals(c.name())) {
                                int cl = c.line();
                                String type = c.attr("type");
                                String language = c.attr("language");
                                captions.add(lines.object(new ClosedCaptionFile(type, language, c.text()), cl));
                            } else {
                                c.skip();
                            }
                        }
                    }
                    default -> c.skip();
                }
            }
        }

        private VideoClicks videoClicks() throws XMLStreamException {
            List<UrlWithId> tracking = new ArrayList<>();
            UrlWithId through = null;
            List<UrlWithId> custom = new ArrayList<>();
            while (c.nextChild()) {
                switch (c.name()) {
                    case "ClickTracking" -> tracking.add(urlWithId());
                    case "ClickThrough" -> through = urlWithId();
                    case "CustomClick" -> custom.add(urlWithId());
                    default -> c.skip();
                }
            }
            return new VideoClicks(tracking, through, custom);
        }

        private UrlWithId urlWithId() throws XMLStreamException {
            int at = c.line();
            String id = c.attr("id");
            return lines.object(new UrlWithId(id, c.text()), at);
        }

        private NonLinearAds nonLinearAds() throws XMLStreamException {
            List<Tracking> tracking = new ArrayList<>();
            List<NonLinear> nonLinears = new ArrayList<>();
            while (c.nextChild()) {
                switch (c.name()) {
                    case "TrackingEvents" -> tracking.addAll(trackingEvents());
                    case "NonLinear" -> nonLinears.add(nonLinear());
                    default -> c.skip();
                }
            }
            return new NonLinearAds(tracking, nonLinears);
        }

        private NonLinear nonLinear() throws XMLStreamException {
            int line = c.line();
            String id = c.attr("id");
            String width = c.attr("width");
            String height = c.attr("height");
            String expandedWidth = c.attr("expandedWidth");
            String expandedHeight = c.attr("expandedHeight");
            String scalable = c.attr("scalable");
            String ratio = c.attr("maintainAspectRatio");
            String minDuration = c.attr("minSuggestedDuration");
            String api = c.attr("apiFramework");
            List<StaticLikeResource> resources = new ArrayList<>();
            AdParameters parameters = null;
            String clickThrough = null;
            List<UrlWithId> clickTracking = new ArrayList<>();
            while (c.nextChild()) {
                String name = c.name();
                switch (name) {
                    case "StaticResource", "IFrameResource", "HTMLResource" -> resources.add(resource(name));
                    case "AdParameters" -> parameters = adParameters();
                    case "NonLinearClickThrough" -> clickThrough = c.text();
                    case "NonLinearClickTracking" -> clickTracking.add(urlWithId());
                    default -> c.skip();
                }
            }
            return lines.object(new NonLinear(id, width, height, expandedWidth, expandedHeight, scalable, ratio,
                    minDuration, api, resources, parameters, clickThrough, clickTracking), line);
        }

        private StaticLikeResource resource(String kind) throws XMLStreamException {
            String type = c.attr("creativeType");
            return new StaticLikeResource(kind, type, c.text());
        }

        private CompanionAds companionAds() throws XMLStreamException {
            String required = c.attr("required");
            List<Companion> companions = new ArrayList<>();
            while (c.nextChild()) {
                if ("Companion".equals(c.name())) {
                    companions.add(companion());
                } else {
                    c.skip();
                }
            }
            return new CompanionAds(required, companions);
        }

        private Companion companion() throws XMLStreamException {
            int line = c.line();
            String[] a = {c.attr("id"), c.attr("width"), c.attr("height"), c.attr("assetWidth"),
                c.attr("assetHeight"), c.attr("expandedWidth"), c.attr("expandedHeight"), c.attr("apiFramework"),
                c.attr("adSlotId"), c.attr("pxratio"), c.attr("renderingMode")};
            List<StaticLikeResource> resources = new ArrayList<>();
            AdParameters parameters = null;
            String altText = null;
            String clickThrough = null;
            List<UrlWithId> clickTracking = new ArrayList<>();
            List<RawXml> extensions = new ArrayList<>();
            List<Tracking> tracking = new ArrayList<>();
            while (c.nextChild()) {
                String name = c.name();
                switch (name) {
                    case "StaticResource", "IFrameResource", "HTMLResource" -> resources.add(resource(name));
                    case "AdParameters" -> parameters = adParameters();
                    case "AltText" -> altText = c.text();
                    case "CompanionClickThrough" -> clickThrough = c.text();
                    case "CompanionClickTracking" -> clickTracking.add(urlWithId());
                    case "CreativeExtensions" -> {
                        while (c.nextChild()) {
                            extensions.add(lines.object(new RawXml(c.raw()), c.line()));
                        }
                    }
                    case "TrackingEvents" -> tracking.addAll(trackingEvents());
                    default -> c.skip();
                }
            }
            return lines.object(new Companion(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10],
                    resources, parameters, altText, clickThrough, clickTracking, extensions, tracking), line);
        }
    }

    /** A structure the model cannot hold, found while reading. */
    private static final class StructureError extends RuntimeException {
        private final int line;

        StructureError(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
