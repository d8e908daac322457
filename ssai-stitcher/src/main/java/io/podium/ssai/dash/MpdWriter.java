package io.podium.ssai.dash;

import io.podium.vast.xml.XmlEscape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes an {@link Mpd} as XML, canonically: the same model always gives the same bytes, and
 * {@link MpdParser} reads the text back into an equal model.
 *
 * <p>The form: an XML declaration, UTF-8, two-space indentation, one element per line (raw
 * elements and Event content on the line of their element), {@code \n} line ends, a final
 * newline. The MPD element declares the DASH namespace as default, then the model's prefixes.
 * Attributes the model knows come first, in a fixed order, then the other ones in their order;
 * an other attribute in a namespace the MPD element does not declare gets its declaration on its
 * element. Durations are canonical {@link XsDuration}s; S@r is left out when 0. Children follow
 * the schema's order ({@link SchemaOrder}), raw elements at the place of their name.
 *
 * <p>Thread-safe (no state).
 */
public final class MpdWriter {
    private static final String INDENT = "  ";

    /** The MPD as text. */
    public String write(Mpd mpd) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        new Writing(mpd).mpd(out);
        return out.toString();
    }

    /** The MPD as UTF-8 bytes. */
    public byte[] writeBytes(Mpd mpd) {
        return write(mpd).getBytes(StandardCharsets.UTF_8);
    }

    /** A child to write at its place in the schema. */
    private interface Child {
        void write(StringBuilder out, int depth);
    }

    private record Placed(int rank, Child child) {
    }

    /** The writing of one MPD. */
    private static final class Writing {
        private final Mpd mpd;

        Writing(Mpd mpd) {
            this.mpd = mpd;
        }

        void mpd(StringBuilder out) {
            List<String> attrs = new ArrayList<>();
            attrs.add("xmlns");
            attrs.add(Mpd.NAMESPACE);
            for (XmlNamespace ns : mpd.namespaces()) {
                attrs.add("xmlns:" + ns.prefix());
                attrs.add(ns.uri());
            }
            add(attrs, "profiles", mpd.profiles());
            add(attrs, "type", mpd.type());
            add(attrs, "mediaPresentationDuration", duration(mpd.mediaPresentationDurationMicros()));
            add(attrs, "maxSegmentDuration", duration(mpd.maxSegmentDurationMicros()));
            add(attrs, "minBufferTime", duration(mpd.minBufferTimeMicros()));
            List<Placed> children = raw(SchemaOrder.MPD, mpd.otherElements());
            SchemaOrder o = SchemaOrder.MPD;
            mpd.baseUrls().forEach(b -> children.add(new Placed(o.rank("BaseURL"), (w, d) -> baseUrl(w, d, b))));
            mpd.periods().forEach(p -> children.add(new Placed(o.rank("Period"), (w, d) -> period(w, d, p))));
            element(out, 0, "MPD", attrs, mpd.otherAttributes(), children);
        }

        private void period(StringBuilder out, int depth, Period p) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "id", p.id());
            add(attrs, "start", duration(p.startMicros()));
            add(attrs, "duration", duration(p.durationMicros()));
            SchemaOrder o = SchemaOrder.PERIOD;
            List<Placed> children = raw(o, p.otherElements());
            p.baseUrls().forEach(b -> children.add(new Placed(o.rank("BaseURL"), (w, d) -> baseUrl(w, d, b))));
            if (p.segmentTemplate() != null) {
                children.add(new Placed(o.rank("SegmentTemplate"), (w, d) -> template(w, d, p.segmentTemplate())));
            }
            p.eventStreams().forEach(
                    e -> children.add(new Placed(o.rank("EventStream"), (w, d) -> eventStream(w, d, e))));
            p.adaptationSets().forEach(
                    a -> children.add(new Placed(o.rank("AdaptationSet"), (w, d) -> adaptationSet(w, d, a))));
            element(out, depth, "Period", attrs, p.otherAttributes(), children);
        }

        private void adaptationSet(StringBuilder out, int depth, AdaptationSet a) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "id", a.id());
            add(attrs, "contentType", a.contentType());
            add(attrs, "mimeType", a.mimeType());
            add(attrs, "codecs", a.codecs());
            add(attrs, "lang", a.lang());
            add(attrs, "segmentAlignment", a.segmentAlignment());
            add(attrs, "startWithSAP", a.startWithSap());
            SchemaOrder o = SchemaOrder.ADAPTATION_SET;
            List<Placed> children = raw(o, a.contentProtections());
            children.addAll(raw(o, a.otherElements()));
            a.roles().forEach(r -> children.add(new Placed(o.rank("Role"), (w, d) -> role(w, d, r))));
            a.baseUrls().forEach(b -> children.add(new Placed(o.rank("BaseURL"), (w, d) -> baseUrl(w, d, b))));
            if (a.segmentTemplate() != null) {
                children.add(new Placed(o.rank("SegmentTemplate"), (w, d) -> template(w, d, a.segmentTemplate())));
            }
            a.representations().forEach(
                    r -> children.add(new Placed(o.rank("Representation"), (w, d) -> representation(w, d, r))));
            element(out, depth, "AdaptationSet", attrs, a.otherAttributes(), children);
        }

        private void representation(StringBuilder out, int depth, Representation r) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "id", r.id());
            add(attrs, "mimeType", r.mimeType());
            add(attrs, "codecs", r.codecs());
            add(attrs, "bandwidth", r.bandwidth());
            add(attrs, "width", r.width());
            add(attrs, "height", r.height());
            add(attrs, "frameRate", r.frameRate());
            add(attrs, "audioSamplingRate", r.audioSamplingRate());
            SchemaOrder o = SchemaOrder.REPRESENTATION;
            List<Placed> children = raw(o, r.otherElements());
            r.baseUrls().forEach(b -> children.add(new Placed(o.rank("BaseURL"), (w, d) -> baseUrl(w, d, b))));
            if (r.segmentBase() != null) {
                children.add(new Placed(o.rank("SegmentBase"), (w, d) -> segmentBase(w, d, r.segmentBase())));
            }
            if (r.segmentTemplate() != null) {
                children.add(new Placed(o.rank("SegmentTemplate"), (w, d) -> template(w, d, r.segmentTemplate())));
            }
            element(out, depth, "Representation", attrs, r.otherAttributes(), children);
        }

        private void template(StringBuilder out, int depth, SegmentTemplate t) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "media", t.media());
            add(attrs, "initialization", t.initialization());
            add(attrs, "timescale", t.timescale());
            add(attrs, "startNumber", t.startNumber());
            add(attrs, "duration", t.duration());
            add(attrs, "presentationTimeOffset", t.presentationTimeOffset());
            SchemaOrder o = SchemaOrder.SEGMENT_TEMPLATE;
            List<Placed> children = raw(o, t.otherElements());
            if (t.timeline() != null) {
                children.add(new Placed(o.rank("SegmentTimeline"), (w, d) -> timeline(w, d, t.timeline())));
            }
            element(out, depth, "SegmentTemplate", attrs, t.otherAttributes(), children);
        }

        private void timeline(StringBuilder out, int depth, List<TimelineEntry> entries) {
            List<Placed> children = new ArrayList<>();
            for (TimelineEntry s : entries) {
                List<String> attrs = new ArrayList<>();
                add(attrs, "t", s.t());
                add(attrs, "n", s.n());
                add(attrs, "d", s.d());
                if (s.r() != 0) {
                    add(attrs, "r", s.r());
                }
                children.add(new Placed(0, (w, d) -> element(w, d, "S", attrs, s.otherAttributes(),
                        List.of())));
            }
            element(out, depth, "SegmentTimeline", List.of(), List.of(), children);
        }

        private void segmentBase(StringBuilder out, int depth, SegmentBase b) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "timescale", b.timescale());
            add(attrs, "presentationTimeOffset", b.presentationTimeOffset());
            add(attrs, "indexRange", b.indexRange());
            add(attrs, "indexRangeExact", b.indexRangeExact());
            SchemaOrder o = SchemaOrder.SEGMENT_BASE;
            List<Placed> children = raw(o, b.otherElements());
            RangedUrl init = b.initialization();
            if (init != null) {
                List<String> initAttrs = new ArrayList<>();
                add(initAttrs, "sourceURL", init.sourceUrl());
                add(initAttrs, "range", init.range());
                children.add(new Placed(o.rank("Initialization"),
                        (w, d) -> element(w, d, "Initialization", initAttrs, List.of(), List.of())));
            }
            element(out, depth, "SegmentBase", attrs, b.otherAttributes(), children);
        }

        private void eventStream(StringBuilder out, int depth, EventStream e) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "schemeIdUri", e.schemeIdUri());
            add(attrs, "value", e.value());
            add(attrs, "timescale", e.timescale());
            add(attrs, "presentationTimeOffset", e.presentationTimeOffset());
            List<Placed> children = new ArrayList<>();
            e.events().forEach(ev -> children.add(new Placed(0, (w, d) -> event(w, d, ev))));
            element(out, depth, "EventStream", attrs, e.otherAttributes(), children);
        }

        private void event(StringBuilder out, int depth, MpdEvent e) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "presentationTime", e.presentationTime());
            add(attrs, "duration", e.duration());
            add(attrs, "id", e.id());
            add(attrs, "messageData", e.messageData());
            indent(out, depth);
            startTag(out, "Event", attrs, e.otherAttributes());
            if (e.content().isEmpty()) {
                out.append("/>\n");
            } else {
                out.append('>').append(e.content()).append("</Event>\n");
            }
        }

        private void baseUrl(StringBuilder out, int depth, BaseUrl b) {
            indent(out, depth);
            startTag(out, "BaseURL", List.of(), b.otherAttributes());
            out.append('>');
            XmlEscape.text(out, b.url());
            out.append("</BaseURL>\n");
        }

        private void role(StringBuilder out, int depth, Descriptor r) {
            List<String> attrs = new ArrayList<>();
            add(attrs, "schemeIdUri", r.schemeIdUri());
            add(attrs, "value", r.value());
            add(attrs, "id", r.id());
            element(out, depth, "Role", attrs, List.of(), List.of());
        }

        private void element(StringBuilder out, int depth, String name, List<String> attrs,
                List<XmlAttribute> others, List<Placed> children) {
            indent(out, depth);
            startTag(out, name, attrs, others);
            if (children.isEmpty()) {
                out.append("/>\n");
                return;
            }
            out.append(">\n");
            List<Placed> ordered = new ArrayList<>(children);
            ordered.sort(Comparator.comparingInt(Placed::rank)); // stable: in a rank, the order added
            for (Placed c : ordered) {
                c.child().write(out, depth + 1);
            }
            indent(out, depth);
            out.append("</").append(name).append(">\n");
        }

        private void startTag(StringBuilder out, String name, List<String> attrs, List<XmlAttribute> others) {
            out.append('<').append(name);
            for (int i = 0; i < attrs.size(); i += 2) {
                attribute(out, attrs.get(i), attrs.get(i + 1));
            }
            List<String> declared = new ArrayList<>();
            for (XmlAttribute a : others) {
                if (!a.prefix().isEmpty() && !a.prefix().equals("xml") && !declaredOnRoot(a)
                        && !declared.contains(a.prefix())) {
                    declared.add(a.prefix());
                    attribute(out, "xmlns:" + a.prefix(), a.namespaceUri());
                }
            }
            for (XmlAttribute a : others) {
                attribute(out, a.qualifiedName(), a.value());
            }
        }

        private boolean declaredOnRoot(XmlAttribute a) {
            return mpd.namespaces().contains(new XmlNamespace(a.prefix(), a.namespaceUri()));
        }

        private static List<Placed> raw(SchemaOrder order, List<RawElement> elements) {
            List<Placed> placed = new ArrayList<>();
            for (RawElement e : elements) {
                placed.add(new Placed(order.rank(e), (w, d) -> {
                    indent(w, d);
                    w.append(e.xml()).append('\n');
                }));
            }
            return placed;
        }

        private static void attribute(StringBuilder out, String name, String value) {
            out.append(' ').append(name).append("=\"");
            XmlEscape.attribute(out, value);
            out.append('"');
        }

        private static void add(List<String> attrs, String name, Object value) {
            if (value != null) {
                attrs.add(name);
                attrs.add(String.valueOf(value));
            }
        }

        private static String duration(Long micros) {
            return micros == null ? null : XsDuration.format(micros);
        }

        private static void indent(StringBuilder out, int depth) {
            out.append(INDENT.repeat(depth));
        }
    }
}
