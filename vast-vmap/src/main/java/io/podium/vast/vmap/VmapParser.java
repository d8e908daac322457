package io.podium.vast.vmap;

import io.podium.vast.xml.SafeXml;
import io.podium.vast.xml.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads VMAP 1.0 documents into a {@link Vmap}, through {@link SafeXml}.
 *
 * <p>Lenient about form: VMAP elements are recognised in the VMAP namespace, in the
 * {@code http://www.iab.net/vmap-1.0} namespace some players' samples use, and in no namespace;
 * children in any order; URLs in CDATA or not, surrounding whitespace dropped; names of break
 * types, template types and events in any case. Elements it does not know are skipped, with
 * everything in them. Strict about content: a required attribute missing, or a value the model
 * cannot hold (a time offset in none of VMAP's forms, an unknown event), is an error naming its
 * line. Inline VAST and extension content are kept as XML text in the canonical form described
 * at {@link VastAdData}; a VAST document put in VASTAdData as text (in CDATA, say) is read as the
 * element it holds. Thread-safe: it holds no state of its own, and {@link SafeXml} gives each
 * document its own reader.
 */
public final class VmapParser {
    private static final Set<String> NAMESPACES = Set.of(Vmap.NAMESPACE, "http://www.iab.net/vmap-1.0", "");

    private final SafeXml xml;

    public VmapParser(SafeXml xml) {
        this.xml = xml;
    }

    /**
     * The VMAP of a document.
     *
     * @throws VmapParseException with the line of the offending element: the document is refused
     *     by {@link SafeXml}, is not well-formed, is not VMAP, or misses or misuses what VMAP requires
     */
    public Vmap parse(byte[] document) throws VmapParseException {
        XMLStreamReader r = open(document, 0);
        try {
            Vmap vmap = readVmap(r);
            while (r.hasNext()) {
                r.next(); // what follows the root must be well-formed too
            }
            return vmap;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } finally {
            close(r);
        }
    }

    private XMLStreamReader open(byte[] document, int line) throws VmapParseException {
        try {
            return xml.open(document);
        } catch (XmlRejectedException e) {
            String problem = e.getMessage().replaceFirst("^line \\d+: ", "");
            if (line > 0) {
                throw new VmapParseException("VASTAdData text: " + problem, line);
            }
            throw new VmapParseException(problem, e.line());
        }
    }

    private Vmap readVmap(XMLStreamReader r) throws XMLStreamException, VmapParseException {
        int line = line(r);
        if (!is(r, "VMAP")) {
            String ns = r.getNamespaceURI();
            throw new VmapParseException("the root element is <" + r.getLocalName() + ">"
                    + (ns == null || ns.isEmpty() ? "" : " in namespace \"" + ns + "\"") + ", not VMAP", line);
        }
        String version = r.getAttributeValue(null, "version");
        if (version == null || version.isBlank()) {
            throw new VmapParseException("VMAP has no version", line);
        }
        List<AdBreak> breaks = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        while (nextChild(r)) {
            if (is(r, "AdBreak")) {
                breaks.add(readAdBreak(r));
            } else if (is(r, "Extensions")) {
                readExtensions(r, extensions);
            } else {
                skip(r);
            }
        }
        return new Vmap(version, breaks, extensions);
    }

    private AdBreak readAdBreak(XMLStreamReader r) throws XMLStreamException, VmapParseException {
        int line = line(r);
        String offset = r.getAttributeValue(null, "timeOffset");
        if (offset == null) {
            throw new VmapParseException("AdBreak has no timeOffset", line);
        }
        TimeOffset timeOffset;
        try {
            timeOffset = TimeOffset.parse(offset);
        } catch (IllegalArgumentException e) {
            throw new VmapParseException("AdBreak timeOffset " + e.getMessage(), line);
        }
        String breakType = r.getAttributeValue(null, "breakType");
        if (breakType == null) {
            throw new VmapParseException("AdBreak has no breakType", line);
        }
        Set<BreakType> breakTypes;
        try {
            breakTypes = BreakType.parseList(breakType);
        } catch (IllegalArgumentException e) {
            throw new VmapParseException("AdBreak " + e.getMessage(), line);
        }
        String breakId = r.getAttributeValue(null, "breakId");
        TimeOffset repeatAfter = repeatAfter(r.getAttributeValue(null, "repeatAfter"), line);

        AdSource adSource = null;
        List<TrackingEvent> tracking = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        while (nextChild(r)) {
            if (is(r, "AdSource")) {
                if (adSource != null) {
                    throw new VmapParseException("AdBreak has more than one AdSource", line(r));
                }
                adSource = readAdSource(r);
            } else if (is(r, "TrackingEvents")) {
                readTrackingEvents(r, tracking);
            } else if (is(r, "Extensions")) {
                readExtensions(r, extensions);
            } else {
                skip(r);
            }
        }
        return new AdBreak(timeOffset, breakTypes, breakId, repeatAfter, adSource, tracking, extensions);
    }

    private static TimeOffset repeatAfter(String text, int line) throws VmapParseException {
        if (text == null) {
            return null;
        }
        TimeOffset t;
        try {
            t = TimeOffset.parse(text);
        } catch (IllegalArgumentException e) {
            t = null;
        }
        if (t == null || t.kind() != TimeOffset.Kind.TIME) {
            throw new VmapParseException("AdBreak repeatAfter \"" + text + "\" is not a HH:MM:SS[.mmm] time", line);
        }
        return t;
    }

    private AdSource readAdSource(XMLStreamReader r) throws XMLStreamException, VmapParseException {
        int line = line(r);
        String id = r.getAttributeValue(null, "id");
        Boolean allowMultipleAds = bool(r, "allowMultipleAds", line);
        Boolean followRedirects = bool(r, "followRedirects", line);
        AdData data = null;
        while (nextChild(r)) {
            AdData read;
            if (is(r, "VASTAdData")) {
                read = readVastAdData(r);
            } else if (is(r, "AdTagURI")) {
                read = readAdTagUri(r);
            } else if (is(r, "CustomAdData")) {
                read = readCustomAdData(r);
            } else {
                skip(r);
                continue;
            }
            if (data != null) {
                throw new VmapParseException("AdSource has more than one of VASTAdData, AdTagURI and CustomAdData",
                        line(r));
            }
            data = read;
        }
        if (data == null) {
            throw new VmapParseException("AdSource has no VASTAdData, AdTagURI or CustomAdData", line);
        }
        return new AdSource(id, allowMultipleAds, followRedirects, data);
    }

    private VastAdData readVastAdData(XMLStreamReader r) throws XMLStreamException, VmapParseException {
        int line = line(r);
        String element = null;
        StringBuilder text = new StringBuilder();
        for (int event = r.next(); event != XMLStreamConstants.END_ELEMENT; event = r.next()) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (element != null) {
                    throw new VmapParseException("VASTAdData holds more than one element", line(r));
                }
                element = RawXml.element(r);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            }
        }
        if (element == null) {
            // not per the specification, but met: the VAST document escaped or in CDATA
            String escaped = text.toString().strip();
            if (!escaped.startsWith("<")) {
                throw new VmapParseException("VASTAdData has no VAST document", line);
            }
            element = reparse(escaped, line);
        }
        return new VastAdData(element);
    }

    /** The element of a VAST document given as text, in the canonical form of {@link RawXml}. */
    private String reparse(String document, int line) throws VmapParseException {
        String body = document;
        if (body.startsWith("<?xml")) {
            int end = body.indexOf("?>");
            body = end < 0 ? body : body.substring(end + 2); // the declaration's encoding no longer applies
        }
        XMLStreamReader inner = open(body.getBytes(StandardCharsets.UTF_8), line);
        try {
            String element = RawXml.element(inner);
            while (inner.hasNext()) {
                inner.next();
            }
            return element;
        } catch (XMLStreamException e) {
            throw new VmapParseException("VASTAdData text: not well-formed XML: " + clean(e.getMessage()), line);
        } finally {
            close(inner);
        }
    }

    private static AdTagUri readAdTagUri(XMLStreamReader r) throws XMLStreamException, VmapParseException {
        int line = line(r);
        String name = r.getAttributeValue(null, "templateType");
        if (name == null) {
            throw new VmapParseException("AdTagURI has no templateType", line);
        }
        TemplateType type = TemplateType.of(name);
        if (type == null) {
            throw new VmapParseException("AdTagURI templateType \"" + name
                    + "\" is not vast1, vast2, vast3 or proprietary", line);
        }
        return new AdTagUri(type, url(r, "AdTagURI", line));
    }

    private static CustomAdData readCustomAdData(XMLStreamReader r) throws XMLStreamException, VmapParseException {
        int line = line(r);
        String name = r.getAttributeValue(null, "templateType");
        if (name == null) {
            throw new VmapParseException("CustomAdData has no templateType", line);
        }
        TemplateType type = TemplateType.of(name);
        if (type == null || type == TemplateType.VAST3) {
            throw new VmapParseException("CustomAdData templateType \"" + name
                    + "\" is not vast1, vast2 or proprietary", line);
        }
        RawXml.Content content = RawXml.content(r);
        return new CustomAdData(type, content.elements() == 0 ? content.text() : content.xml());
    }

    private static void readTrackingEvents(XMLStreamReader r, List<TrackingEvent> into)
            throws XMLStreamException, VmapParseException {
        while (nextChild(r)) {
            if (!is(r, "Tracking")) {
                skip(r);
                continue;
            }
            int line = line(r);
            String name = r.getAttributeValue(null, "event");
            if (name == null) {
                throw new VmapParseException("Tracking has no event", line);
            }
            TrackingEvent.Event event = TrackingEvent.Event.of(name);
            if (event == null) {
                throw new VmapParseException("Tracking event \"" + name + "\" is not breakStart, breakEnd or error",
                        line);
            }
            into.add(new TrackingEvent(event, url(r, "Tracking", line)));
        }
    }

    private static void readExtensions(XMLStreamReader r, List<Extension> into)
            throws XMLStreamException, VmapParseException {
        while (nextChild(r)) {
            if (!is(r, "Extension")) {
                skip(r);
                continue;
            }
            int line = line(r);
            String type = r.getAttributeValue(null, "type");
            if (type == null || type.isBlank()) {
                throw new VmapParseException("Extension has no type", line);
            }
            into.add(new Extension(type, RawXml.content(r).xml()));
        }
    }

    /** The text of an element holding a URL, stripped; child elements are skipped. */
    private static String url(XMLStreamReader r, String element, int line)
            throws XMLStreamException, VmapParseException {
        StringBuilder text = new StringBuilder();
        for (int event = r.next(); event != XMLStreamConstants.END_ELEMENT; event = r.next()) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                skip(r);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            }
        }
        String url = text.toString().strip();
        if (url.isEmpty()) {
            throw new VmapParseException(element + " has no URL", line);
        }
        return url;
    }

    private static Boolean bool(XMLStreamReader r, String attribute, int line) throws VmapParseException {
        String value = r.getAttributeValue(null, attribute);
        if (value == null) {
            return null;
        }
        switch (value.strip()) {
            case "true", "1":
                return Boolean.TRUE;
            case "false", "0":
                return Boolean.FALSE;
            default:
                throw new VmapParseException(r.getLocalName() + " " + attribute + " \"" + value
                        + "\" is not true or false", line);
        }
    }

    /** Whether the reader is on a VMAP element of this name (in an accepted namespace). */
    private static boolean is(XMLStreamReader r, String localName) {
        String ns = r.getNamespaceURI();
        return localName.equals(r.getLocalName()) && NAMESPACES.contains(ns == null ? "" : ns);
    }

    /**
     * Moves to the next child element of the element the reader is in: true on its
     * START_ELEMENT, false on the END_ELEMENT of the element the reader is in.
     */
    private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
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

    /** From an element's START_ELEMENT to its END_ELEMENT. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int line(XMLStreamReader r) {
        return r.getLocation() == null ? 0 : Math.max(0, r.getLocation().getLineNumber());
    }

    private static VmapParseException notWellFormed(XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
        return new VmapParseException("not well-formed XML: " + clean(e.getMessage()), line);
    }

    /** The reader's message without its position prefix, first line only. */
    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException e) {
            // nothing was held that needs releasing: the input is a byte array
        }
    }
}
