package io.podium.ssai.dash;

import io.podium.vast.xml.SafeXml;
import io.podium.vast.xml.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads MPD documents into an {@link Mpd}, through {@link SafeXml} (size cap, no DOCTYPE, no
 * entities).
 *
 * <p>Elements are recognised in the DASH namespace {@value Mpd#NAMESPACE} only; the root must
 * be its MPD. Children may come in any order. Elements the model does not know, in any
 * namespace, are kept whole as {@link RawElement}s; so are Role and Initialization elements that
 * carry more than the model holds. What the model drops: comments and whitespace between known
 * elements, namespace declarations below the root, and elements other than S inside a
 * SegmentTimeline or other than Event inside an EventStream. Strict about values: a required
 * attribute missing (Representation@id and @bandwidth, S@d, EventStream@schemeIdUri), a number
 * or duration that does not parse, or a second SegmentTemplate, SegmentBase or SegmentTimeline
 * in one element is an error naming its line.
 *
 * <p>Thread-safe: it holds no state of its own, and {@link SafeXml} gives each document its own
 * reader.
 */
public final class MpdParser {
    /** The size cap of {@link #MpdParser()}: 8 MiB, well over a two-hour MPD with a timeline. */
    public static final int DEFAULT_MAX_BYTES = 8 << 20;

    private final SafeXml xml;

    /** A parser refusing documents over {@link #DEFAULT_MAX_BYTES}. */
    public MpdParser() {
        this(new SafeXml(DEFAULT_MAX_BYTES));
    }

    public MpdParser(SafeXml xml) {
        this.xml = Objects.requireNonNull(xml, "xml");
    }

    /**
     * The MPD of a document.
     *
     * @throws MpdParseException with the line of the problem (see the class comment)
     */
    public Mpd parse(byte[] document) throws MpdParseException {
        return parseWithLines(document).mpd();
    }

    /** The MPD of a document given as text; see {@link #parse(byte[])}. */
    public Mpd parse(String document) throws MpdParseException {
        return parse(document.getBytes(StandardCharsets.UTF_8));
    }

    ParsedMpd parseWithLines(byte[] document) throws MpdParseException {
        XMLStreamReader r;
        try {
            r = xml.open(document);
        } catch (XmlRejectedException e) {
            throw new MpdParseException(e.line(), e.getMessage().replaceFirst("^line \\d+: ", ""));
        }
        Reading reading = new Reading(r);
        try {
            Mpd mpd = reading.mpd();
            while (r.hasNext()) {
                r.next(); // what follows the root must be well-formed too
            }
            return new ParsedMpd(mpd, reading.lines);
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage()
                    .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            int nl = message.indexOf('\n');
            throw new MpdParseException(e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                    "not well-formed XML: " + (nl < 0 ? message : message.substring(0, nl)));
        } finally {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing held that closing could release
            }
        }
    }

    /** The reading of one document. */
    private static final class Reading {
        private final XMLStreamReader r;
        private final MpdLines lines = new MpdLines();

        Reading(XMLStreamReader r) {
            this.r = r;
        }

        Mpd mpd() throws XMLStreamException, MpdParseException {
            int line = line();
            if (!isDash("MPD")) {
                String ns = r.getNamespaceURI();
                throw new MpdParseException(line, "the root element is <" + r.getLocalName() + ">"
                        + (ns == null || ns.isEmpty() ? " in no namespace" : " in namespace \"" + ns + "\"")
                        + ", not MPD in " + Mpd.NAMESPACE);
            }
            List<XmlNamespace> namespaces = new ArrayList<>();
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                String prefix = r.getNamespacePrefix(i);
                if (prefix != null && !prefix.isEmpty()) {
                    namespaces.add(new XmlNamespace(prefix, r.getNamespaceURI(i)));
                }
            }
            Attributes a = new Attributes(r, line);
            String profiles = a.text("profiles");
            String type = a.text("type");
            Long duration = a.duration("mediaPresentationDuration");
            Long minBufferTime = a.duration("minBufferTime");
            Long maxSegmentDuration = a.duration("maxSegmentDuration");
            List<BaseUrl> baseUrls = new ArrayList<>();
            List<Period> periods = new ArrayList<>();
            List<RawElement> other = new ArrayList<>();
            while (nextChild()) {
                if (isDash("BaseURL")) {
                    baseUrls.add(baseUrl());
                } else if (isDash("Period")) {
                    periods.add(period());
                } else {
                    other.add(raw());
                }
            }
            Mpd mpd = new Mpd(profiles, type, duration, minBufferTime, maxSegmentDuration, baseUrls, periods,
                    namespaces, a.rest(), other);
            lines.put(mpd, line);
            return mpd;
        }

        private Period period() throws XMLStreamException, MpdParseException {
            int line = line();
            Attributes a = new Attributes(r, line);
            String id = a.text("id");
            Long start = a.duration("start");
            Long duration = a.duration("duration");
            List<BaseUrl> baseUrls = new ArrayList<>();
            SegmentTemplate template = null;
            List<EventStream> streams = new ArrayList<>();
            List<AdaptationSet> sets = new ArrayList<>();
            List<RawElement> other = new ArrayList<>();
            while (nextChild()) {
                if (isDash("BaseURL")) {
                    baseUrls.add(baseUrl());
                } else if (isDash("SegmentTemplate")) {
                    template = single(template, segmentTemplate(), "Period");
                } else if (isDash("EventStream")) {
                    streams.add(eventStream());
                } else if (isDash("AdaptationSet")) {
                    sets.add(adaptationSet());
                } else {
                    other.add(raw());
                }
            }
            Period period = new Period(id, start, duration, baseUrls, template, streams, sets, a.rest(), other);
            lines.put(period, line);
            return period;
        }

        private AdaptationSet adaptationSet() throws XMLStreamException, MpdParseException {
            int line = line();
            Attributes a = new Attributes(r, line);
            Long id = a.unsigned("id");
            String contentType = a.text("contentType");
            String mimeType = a.text("mimeType");
            String codecs = a.text("codecs");
            String lang = a.text("lang");
            String segmentAlignment = a.text("segmentAlignment");
            Integer startWithSap = a.unsignedInt("startWithSAP");
            List<Descriptor> roles = new ArrayList<>();
            List<RawElement> protections = new ArrayList<>();
            List<BaseUrl> baseUrls = new ArrayList<>();
            SegmentTemplate template = null;
            List<Representation> representations = new ArrayList<>();
            List<RawElement> other = new ArrayList<>();
            while (nextChild()) {
                if (isDash("Role")) {
                    Attributes ra = new Attributes(r, line());
                    String copy = RawXmlCopy.element(r);
                    if (ra.onlyPlain(List.of("schemeIdUri", "value", "id")) && ra.text("schemeIdUri") != null
                            && isEmptyElement(copy)) {
                        roles.add(new Descriptor(ra.text("schemeIdUri"), ra.text("value"), ra.text("id")));
                    } else {
                        other.add(new RawElement(Mpd.NAMESPACE, "Role", copy));
                    }
                } else if (isDash("ContentProtection")) {
                    protections.add(raw());
                } else if (isDash("BaseURL")) {
                    baseUrls.add(baseUrl());
                } else if (isDash("SegmentTemplate")) {
                    template = single(template, segmentTemplate(), "AdaptationSet");
                } else if (isDash("Representation")) {
                    representations.add(representation());
                } else {
                    other.add(raw());
                }
            }
            AdaptationSet set = new AdaptationSet(id, contentType, mimeType, codecs, lang, segmentAlignment,
                    startWithSap, roles, protections, baseUrls, template, representations, a.rest(), other);
            lines.put(set, line);
            return set;
        }

        private Representation representation() throws XMLStreamException, MpdParseException {
            int line = line();
            Attributes a = new Attributes(r, line);
            String id = a.required("id");
            long bandwidth = a.requiredUnsigned("bandwidth");
            Integer width = a.unsignedInt("width");
            Integer height = a.unsignedInt("height");
            String frameRate = a.text("frameRate");
            String codecs = a.text("codecs");
            String mimeType = a.text("mimeType");
            String audioSamplingRate = a.text("audioSamplingRate");
            List<BaseUrl> baseUrls = new ArrayList<>();
            SegmentBase base = null;
            SegmentTemplate template = null;
            List<RawElement> other = new ArrayList<>();
            while (nextChild()) {
                if (isDash("BaseURL")) {
                    baseUrls.add(baseUrl());
                } else if (isDash("SegmentBase")) {
                    base = single(base, segmentBase(), "Representation");
                } else if (isDash("SegmentTemplate")) {
                    template = single(template, segmentTemplate(), "Representation");
                } else {
                    other.add(raw());
                }
            }
            Representation representation = new Representation(id, bandwidth, width, height, frameRate, codecs,
                    mimeType, audioSamplingRate, baseUrls, base, template, a.rest(), other);
            lines.put(representation, line);
            return representation;
        }

        private SegmentTemplate segmentTemplate() throws XMLStreamException, MpdParseException {
            int line = line();
            Attributes a = new Attributes(r, line);
            String media = a.text("media");
            String initialization = a.text("initialization");
            Long timescale = a.unsigned("timescale");
            Long startNumber = a.unsigned("startNumber");
            Long duration = a.unsigned("duration");
            Long pto = a.unsigned("presentationTimeOffset");
            List<TimelineEntry> timeline = null;
            List<RawElement> other = new ArrayList<>();
            while (nextChild()) {
                if (isDash("SegmentTimeline")) {
                    if (timeline != null) {
                        throw new MpdParseException(line(), "SegmentTemplate has a second SegmentTimeline");
                    }
                    timeline = timeline();
                } else {
                    other.add(raw());
                }
            }
            SegmentTemplate template = new SegmentTemplate(media, initialization, timescale, startNumber, duration,
                    pto, timeline, a.rest(), other);
            lines.put(template, line);
            return template;
        }

        private List<TimelineEntry> timeline() throws XMLStreamException, MpdParseException {
            List<TimelineEntry> entries = new ArrayList<>();
            while (nextChild()) {
                if (!isDash("S")) {
                    skip();
                    continue;
                }
                int line = line();
                Attributes a = new Attributes(r, line);
                Long t = a.unsigned("t");
                Long n = a.unsigned("n");
                long d = a.requiredUnsigned("d");
                Long repeat = a.integer("r");
                if (repeat != null && repeat < -1) {
                    throw new MpdParseException(line, "S@r \"" + repeat + "\" is below -1");
                }
                TimelineEntry entry = new TimelineEntry(t, n, d, repeat == null ? 0 : repeat, a.rest());
                lines.put(entry, line);
                entries.add(entry);
                skip();
            }
            return entries;
        }

        private SegmentBase segmentBase() throws XMLStreamException, MpdParseException {
            int line = line();
            Attributes a = new Attributes(r, line);
            Long timescale = a.unsigned("timescale");
            Long pto = a.unsigned("presentationTimeOffset");
            String indexRange = a.text("indexRange");
            Boolean exact = a.bool("indexRangeExact");
            RangedUrl initialization = null;
            List<RawElement> other = new ArrayList<>();
            while (nextChild()) {
                if (isDash("Initialization") && initialization == null) {
                    Attributes i = new Attributes(r, line());
                    RangedUrl url = new RangedUrl(i.text("sourceURL"), i.text("range"));
                    String copy = RawXmlCopy.element(r);
                    if (i.onlyPlain(List.of("sourceURL", "range")) && isEmptyElement(copy)) {
                        initialization = url;
                    } else {
                        other.add(new RawElement(Mpd.NAMESPACE, "Initialization", copy));
                    }
                } else {
                    other.add(raw());
                }
            }
            SegmentBase base = new SegmentBase(timescale, pto, indexRange, exact, initialization, a.rest(), other);
            lines.put(base, line);
            return base;
        }

        private EventStream eventStream() throws XMLStreamException, MpdParseException {
            int line = line();
            Attributes a = new Attributes(r, line);
            String scheme = a.required("schemeIdUri");
            String value = a.text("value");
            Long timescale = a.unsigned("timescale");
            Long pto = a.unsigned("presentationTimeOffset");
            List<MpdEvent> events = new ArrayList<>();
            while (nextChild()) {
                if (!isDash("Event")) {
                    skip();
                    continue;
                }
                Attributes e = new Attributes(r, line());
                Long time = e.unsigned("presentationTime");
                Long duration = e.unsigned("duration");
                String id = e.text("id");
                String messageData = e.text("messageData");
                events.add(new MpdEvent(time, duration, id, messageData, RawXmlCopy.content(r), e.rest()));
            }
            EventStream stream = new EventStream(scheme, value, timescale, pto, events, a.rest());
            lines.put(stream, line);
            return stream;
        }

        private BaseUrl baseUrl() throws XMLStreamException, MpdParseException {
            Attributes a = new Attributes(r, line());
            StringBuilder text = new StringBuilder();
            for (int event = r.next(); event != XMLStreamConstants.END_ELEMENT; event = r.next()) {
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new MpdParseException(line(), "BaseURL holds an element <" + r.getLocalName() + ">");
                }
            }
            return new BaseUrl(text.toString().strip(), a.rest());
        }

        /** Whether a canonical copy is one element with nothing inside. */
        private static boolean isEmptyElement(String copy) {
            return copy.endsWith("/>") && copy.indexOf('<', 1) < 0;
        }

        private RawElement raw() throws XMLStreamException {
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            String name = r.getLocalName();
            return new RawElement(ns, name, RawXmlCopy.element(r));
        }

        /**
         * Moves to the next child element of the current one and returns true, or to the
         * current element's end and returns false.
         */
        private boolean nextChild() throws XMLStreamException {
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
            }
        }

        /** Skips the rest of the current element, leaving the reader on its end. */
        private void skip() throws XMLStreamException {
            int depth = 0;
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                    return;
                }
            }
        }

        private <T> T single(T existing, T read, String parent) throws MpdParseException {
            if (existing != null) {
                throw new MpdParseException(lines.lineOf(read), parent + " has a second " + r.getLocalName());
            }
            return read;
        }

        private boolean isDash(String name) {
            return Mpd.NAMESPACE.equals(r.getNamespaceURI()) && name.equals(r.getLocalName());
        }

        private int line() {
            return r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
        }
    }
}
