package io.podium.vast.vmap;

import io.podium.vast.xml.SafeXml;
import io.podium.vast.xml.SchemaCheck;
import io.podium.vast.xml.XmlRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Checks documents against the VMAP 1.0 schema, in the rewritten copy
 * {@code io/podium/vast/xsd/vmap_1.0.xsd} (see the comment at its top for what differs from the
 * IAB file: inline VAST is not checked here, {@code AdSource@id} is any string, and the document
 * may end with {@code Extensions}). The document is first read by {@link SafeXml}, so a DOCTYPE
 * or an oversize document is refused before the validator parses it. The schema is compiled
 * once; the class is thread-safe.
 */
public final class VmapSchema {
    /** The schema's resource on the class path. */
    public static final String RESOURCE = "/io/podium/vast/xsd/vmap_1.0.xsd";

    private final SafeXml xml;

    public VmapSchema(SafeXml xml) {
        this.xml = xml;
    }

    /**
     * The problems of a document, each with its line; empty when the document is valid VMAP 1.0.
     * A document whose root is not {@code VMAP} in {@link Vmap#NAMESPACE} gets one problem saying
     * so (the schema knows no other form, though {@link VmapParser} reads some).
     */
    public List<VmapProblem> validate(byte[] document) {
        List<VmapProblem> problems = new ArrayList<>();
        XMLStreamReader root;
        try {
            root = xml.open(document);
        } catch (XmlRejectedException e) {
            problems.add(new VmapProblem(e.line(), "xml", e.getMessage().replaceFirst("^line \\d+: ", "")));
            return problems;
        }
        try {
            String ns = root.getNamespaceURI();
            if (!"VMAP".equals(root.getLocalName()) || !Vmap.NAMESPACE.equals(ns)) {
                problems.add(new VmapProblem(root.getLocation().getLineNumber(), "schema", "the root element is <"
                        + root.getLocalName() + "> in " + (ns == null || ns.isEmpty() ? "no namespace"
                        : "namespace \"" + ns + "\"") + ", not <VMAP> in \"" + Vmap.NAMESPACE + "\""));
                return problems;
            }
        } finally {
            close(root);
        }
        SchemaCheck.validate(Compiled.SCHEMA, document,
                (line, rule, message) -> problems.add(new VmapProblem(line, rule, message)));
        return problems;
    }

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException e) {
            // a reader over a byte array holds nothing to release
        }
    }

    /** The compiled schema, loaded on first use. */
    private static final class Compiled {
        static final Schema SCHEMA = compile();

        private static Schema compile() {
            try (InputStream in = VmapSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + RESOURCE + " missing from the class path");
                }
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(new StreamSource(in, RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SAXException e) {
                throw new IllegalStateException("schema " + RESOURCE + " does not compile: " + e.getMessage(), e);
            }
        }
    }
}
