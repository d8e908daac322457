package io.podium.vast.vmap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link Vmap} as a VMAP 1.0 document in UTF-8: elements with the {@code vmap:} prefix
 * bound to {@link Vmap#NAMESPACE}, children in the schema's order, two-space indentation, URLs
 * and custom ad data in CDATA (a {@code ]]>} inside split across two sections; text with a CR
 * escaped instead, as CDATA would not keep it), attribute values escaped. Inline VAST and
 * extension content are written as they are held.
 *
 * <p>The document is valid against the VMAP schema ({@link VmapSchema}) whatever the model
 * holds, with two exceptions the model does not check: XML text in {@link VastAdData} and
 * {@link Extension} that breaks their contracts, and URLs the JDK validator refuses as
 * {@code xs:anyURI} (a bracket before the query, as in a macro in the path; a {@code %} not
 * followed by two hex digits; a second {@code #}). Such URLs are still written, and read back.
 * Thread-safe.
 */
public final class VmapWriter {
    private static final String PREFIX = "vmap:";

    /**
     * The document, UTF-8 encoded.
     *
     * @throws IllegalArgumentException for a character XML 1.0 cannot carry (most C0 controls,
     *     a lone surrogate, U+FFFE, U+FFFF)
     */
    public byte[] write(Vmap vmap) {
        return xml(vmap).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The document as text (its declaration says UTF-8, the encoding {@link #write} uses).
     *
     * @throws IllegalArgumentException as {@link #write}
     */
    public String xml(Vmap vmap) {
        StringBuilder out = new StringBuilder(1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append('<').append(PREFIX).append("VMAP xmlns:vmap=\"").append(Vmap.NAMESPACE).append('"');
        attribute(out, "version", vmap.version());
        out.append(">\n");
        for (AdBreak adBreak : vmap.breaks()) {
            adBreak(out, adBreak);
        }
        extensions(out, vmap.extensions(), 1);
        out.append("</").append(PREFIX).append("VMAP>\n");
        return out.toString();
    }

    private static void adBreak(StringBuilder out, AdBreak b) {
        indent(out, 1).append('<').append(PREFIX).append("AdBreak");
        attribute(out, "timeOffset", b.timeOffset().format());
        attribute(out, "breakType", BreakType.formatList(b.breakTypes()));
        attribute(out, "breakId", b.breakId());
        attribute(out, "repeatAfter", b.repeatAfter() == null ? null : b.repeatAfter().format());
        out.append(">\n");
        if (b.adSource() != null) {
            adSource(out, b.adSource());
        }
        if (!b.tracking().isEmpty()) {
            indent(out, 2).append('<').append(PREFIX).append("TrackingEvents>\n");
            for (TrackingEvent t : b.tracking()) {
                indent(out, 3).append('<').append(PREFIX).append("Tracking");
                attribute(out, "event", t.event().value());
                out.append('>');
                XmlText.cdata(out, t.url());
                out.append("</").append(PREFIX).append("Tracking>\n");
            }
            indent(out, 2).append("</").append(PREFIX).append("TrackingEvents>\n");
        }
        extensions(out, b.extensions(), 2);
        indent(out, 1).append("</").append(PREFIX).append("AdBreak>\n");
    }

    private static void adSource(StringBuilder out, AdSource s) {
        indent(out, 2).append('<').append(PREFIX).append("AdSource");
        attribute(out, "id", s.id());
        attribute(out, "allowMultipleAds", s.allowMultipleAds() == null ? null : s.allowMultipleAds().toString());
        attribute(out, "followRedirects", s.followRedirects() == null ? null : s.followRedirects().toString());
        out.append(">\n");
        AdData data = s.data();
        if (data instanceof VastAdData v) {
            indent(out, 3).append('<').append(PREFIX).append("VASTAdData>\n");
            indent(out, 4).append(v.xml()).append('\n');
            indent(out, 3).append("</").append(PREFIX).append("VASTAdData>\n");
        } else if (data instanceof AdTagUri a) {
            indent(out, 3).append('<').append(PREFIX).append("AdTagURI");
            attribute(out, "templateType", a.templateType().value());
            out.append('>');
            XmlText.cdata(out, a.url());
            out.append("</").append(PREFIX).append("AdTagURI>\n");
        } else {
            CustomAdData c = (CustomAdData) data;
            indent(out, 3).append('<').append(PREFIX).append("CustomAdData");
            attribute(out, "templateType", c.templateType().value());
            out.append('>');
            XmlText.cdata(out, c.content());
            out.append("</").append(PREFIX).append("CustomAdData>\n");
        }
        indent(out, 2).append("</").append(PREFIX).append("AdSource>\n");
    }

    private static void extensions(StringBuilder out, List<Extension> extensions, int level) {
        if (extensions.isEmpty()) {
            return;
        }
        indent(out, level).append('<').append(PREFIX).append("Extensions>\n");
        for (Extension e : extensions) {
            indent(out, level + 1).append('<').append(PREFIX).append("Extension");
            attribute(out, "type", e.type());
            if (e.xml().isEmpty()) {
                out.append("/>\n");
            } else {
                out.append(">\n");
                indent(out, level + 2).append(e.xml()).append('\n');
                indent(out, level + 1).append("</").append(PREFIX).append("Extension>\n");
            }
        }
        indent(out, level).append("</").append(PREFIX).append("Extensions>\n");
    }

    /** An attribute, or nothing when the value is null. */
    private static void attribute(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("=\"");
            XmlText.attribute(out, value);
            out.append('"');
        }
    }

    private static StringBuilder indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
        return out;
    }
}
