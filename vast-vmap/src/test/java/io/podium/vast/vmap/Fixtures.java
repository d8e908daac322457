package io.podium.vast.vmap;

import io.podium.vast.xml.SafeXml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The VMAP test documents and the model the realistic one must give. */
final class Fixtures {
    static final SafeXml XML = new SafeXml(1 << 20);

    private Fixtures() {
    }

    static byte[] bytes(String name) throws Exception {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/vmap/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + name + " missing");
            }
            return in.readAllBytes();
        }
    }

    static String text(String name) throws Exception {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }

    /** What full.xml says, written out by hand. */
    static Vmap full() throws Exception {
        String doc = text("full.xml");
        String vast = doc.substring(doc.indexOf("<VAST "), doc.indexOf("</VAST>") + "</VAST>".length())
                // canonical form: namespace declarations before attributes, text in CDATA when it
                // holds & or <, escaped otherwise
                .replace("<VAST version=\"3.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
                        "<VAST xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0\" ")
                .replace("Mid-roll &amp; more", "<![CDATA[Mid-roll & more]]>")
                .replace("<![CDATA[https://cdn.example.com/mid-1.mp4]]>", "https://cdn.example.com/mid-1.mp4");
        AdBreak pre = new AdBreak(TimeOffset.start(), Set.of(BreakType.LINEAR), "preroll", null,
                new AdSource("preroll-ad-1", false, true,
                        new AdTagUri(TemplateType.VAST3, "https://ads.example.com/vast?pos=pre&cb=[CACHEBUSTING]")),
                List.of(new TrackingEvent(TrackingEvent.Event.BREAK_START, "https://t.example.com/break?e=start&b=pre"),
                        new TrackingEvent(TrackingEvent.Event.BREAK_END, "https://t.example.com/break?e=end&b=pre"),
                        new TrackingEvent(TrackingEvent.Event.ERROR, "https://t.example.com/err?code=[ERRORCODE]")),
                List.of());
        AdBreak mid = new AdBreak(TimeOffset.time(600_000), Set.of(BreakType.LINEAR, BreakType.NONLINEAR),
                "midroll-1", TimeOffset.time(600_000),
                new AdSource("midroll-ad-1", true, null, new VastAdData(vast)),
                List.of(new TrackingEvent(TrackingEvent.Event.BREAK_START, "https://t.example.com/break?e=start&b=mid")),
                List.of(new Extension("urn:example:podium:pod",
                        "<pod:Pod xmlns:pod=\"urn:example:podium\" maxDurationMs=\"60000\" maxAds=\"3\"/>")));
        AdBreak half = new AdBreak(TimeOffset.percent(50), Set.of(BreakType.DISPLAY), "half", null,
                new AdSource("companion-1", null, null,
                        new CustomAdData(TemplateType.PROPRIETARY, "{\"slot\":\"half\",\"sizes\":[\"300x250\"]}")),
                List.of(), List.of());
        AdBreak post = new AdBreak(TimeOffset.end(), Set.of(BreakType.LINEAR), "postroll", null,
                new AdSource("postroll-ad-1", null, false,
                        new AdTagUri(TemplateType.VAST3, "https://ads.example.com/vast?pos=post")),
                List.of(), List.of());
        Extension content = new Extension("urn:example:podium:content",
                "<c:Content xmlns:c=\"urn:example:content\" id=\"episode-42\">\n"
                        + "        <c:Title>Episode 42</c:Title>\n"
                        + "      </c:Content>");
        return new Vmap("1.0", List.of(pre, mid, half, post), List.of(content));
    }
}
