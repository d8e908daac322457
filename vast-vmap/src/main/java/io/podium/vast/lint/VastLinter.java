package io.podium.vast.lint;

import io.podium.vast.parse.VastParseException;
import io.podium.vast.parse.VastParser;
import io.podium.vast.xml.SafeXml;
import io.podium.vast.xml.SchemaCheck;
import io.podium.vast.xml.XmlRejectedException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks a VAST document: read safely ({@link SafeXml}), its declared version known, and valid
 * against the IAB schema of that version, with or without the IAB namespace, and the rules the
 * prose adds ({@link VastRules}). Every problem comes with its line. Tracking macros such as
 * {@code [ERRORCODE]} or {@code ${AUCTION_PRICE}} are not URI characters; the schema check sees
 * them without their brackets ({@link MacroMask}), as a player sees them expanded.
 */
public final class VastLinter {
    private final SafeXml xml;
    private final VastSchemas schemas;

    private final VastParser parser;
    private final VastRules rules = new VastRules();

    public VastLinter(SafeXml xml, VastSchemas schemas) {
        this.xml = xml;
        this.schemas = schemas;
        this.parser = new VastParser(xml);
    }

    /** The problems of a document; empty when it is valid. */
    public List<LintProblem> lint(byte[] document) {
        List<LintProblem> problems = new ArrayList<>();
        XMLStreamReader root;
        try {
            root = xml.open(document);
        } catch (XmlRejectedException e) {
            problems.add(new LintProblem(e.line(), "xml", e.getMessage().replaceFirst("^line \\d+: ", "")));
            return problems;
        }
        int rootLine = root.getLocation().getLineNumber();
        if (!"VAST".equals(root.getLocalName())) {
            problems.add(new LintProblem(rootLine, "version", "the root element is <" + root.getLocalName()
                    + ">, not <VAST> (VAST 1.0 and other formats are not supported)"));
            return problems;
        }
        String version = root.getAttributeValue(null, "version");
        String file = VastSchemas.fileFor(version);
        if (file == null) {
            problems.add(new LintProblem(rootLine, "version", version == null ? "<VAST> has no version attribute"
                    : "unknown VAST version \"" + version + "\" (2.0, 3.0, 4.0, 4.1, 4.2 or 4.3)"));
            return problems;
        }
        boolean namespaced = VastSchemas.NAMESPACE.equals(root.getNamespaceURI());
        String ns = root.getNamespaceURI();
        if (ns != null && !ns.isEmpty() && !namespaced) {
            problems.add(new LintProblem(rootLine, "schema", "<VAST> is in namespace \"" + ns + "\", not \""
                    + VastSchemas.NAMESPACE + "\" or none"));
            return problems;
        }
        SchemaCheck.validate(schemas.schema(file, namespaced), MacroMask.mask(document),
                (line, rule, message) -> problems.add(new LintProblem(line, rule, message)));
        if (problems.stream().anyMatch(p -> "xml".equals(p.rule()))) {
            return problems;
        }
        try {
            problems.addAll(rules.check(parser.parseWithLines(document)));
        } catch (VastParseException e) {
            problems.add(new LintProblem(e.line(), "structure", e.getMessage().replaceFirst("^line \\d+: ", "")));
        }
        problems.sort(java.util.Comparator.comparingInt(LintProblem::line));
        return problems;
    }

}
