package io.podium.vast.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The IAB VAST schemas, compiled once, in two variants each: for documents in the IAB
 * namespace ({@code http://www.iab.com/VAST}) and for documents without a namespace (most of
 * the real world). The 4.x schemas declare the namespace and the 2.0 and 3.0 ones do not, so
 * each is rewritten into the other form at load time: the namespace and its {@code vast:}
 * prefix removed, or declared as target and default namespace.
 *
 * <p>Versions: 2.0 → VAST 2.0.1 schema; 3.0 → the 3.0 draft; 4.0 → 4.0; 4.1 → 4.1; 4.2 and
 * 4.3 → 4.2 (no 4.3 schema is published; 4.3's additions are checked by the prose rules).
 */
public final class VastSchemas {
    public static final String NAMESPACE = "http://www.iab.com/VAST";

    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** The schema file for a declared version, or null if the version is not one of VAST's. */
    public static String fileFor(String version) {
        if (version == null) {
            return null;
        }
        switch (version.trim()) {
            case "2.0":
            case "2.0.1":
                return "vast_2.0.1.xsd";
            case "3.0":
                return "vast3_draft.xsd";
            case "4.0":
                return "vast4.xsd";
            case "4.1":
                return "vast_4.1.xsd";
            case "4.2":
            case "4.3":
                return "vast_4.2.xsd";
            default:
                return null;
        }
    }

    /** The compiled schema of a file, for documents with or without the IAB namespace. */
    public Schema schema(String file, boolean namespaced) {
        return compiled.computeIfAbsent(file + (namespaced ? "#ns" : "#plain"), k -> compile(file, namespaced));
    }

    private static Schema compile(String file, boolean namespaced) {
        String text;
        try (InputStream in = VastSchemas.class.getResourceAsStream("/io/podium/vast/xsd/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schema " + file + " missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean declares = text.contains("targetNamespace=\"" + NAMESPACE + "\"");
        if (declares && !namespaced) {
            text = text.replace(" targetNamespace=\"" + NAMESPACE + "\"", "").replace("\"vast:", "\"");
        } else if (!declares && namespaced) {
            text = text.replaceFirst("<xs:schema ", "<xs:schema targetNamespace=\"" + NAMESPACE + "\" xmlns=\""
                    + NAMESPACE + "\" ");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(new StringReader(text), file));
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + file + " does not compile: " + e.getMessage(), e);
        }
    }
}
