package io.podium.vast.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.vast.xml.SafeXml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema part of the VAST linter. Whether the real-world fixtures whose children come in
 * another order than the schemas' sequences count as valid is decided with the prose rules
 * (issue 4, next step); here: the rules that are settled.
 */
class VastLinterTest {
    private static final VastSchemas SCHEMAS = new VastSchemas();
    private final VastLinter linter = new VastLinter(new SafeXml(1 << 20), SCHEMAS);

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = VastLinterTest.class.getResourceAsStream("/fixtures/vast/" + name)) {
            return in.readAllBytes();
        }
    }

    private List<LintProblem> lint(String doc) {
        return linter.lint(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyResponseWithAnErrorUrlIsValidInEveryVersionWithOrWithoutTheNamespace() throws Exception {
        assertEquals(List.of(), linter.lint(fixture("empty-no-ad.xml")));
        for (String version : List.of("4.0", "4.1", "4.2", "4.3")) {
            String plain = "<VAST version=\"" + version + "\"><Error><![CDATA[https://x.example/e?c=[ERRORCODE]]]></Error></VAST>";
            assertEquals(List.of(), lint(plain), version + " without namespace");
            String namespaced = plain.replace("<VAST ", "<VAST xmlns=\"http://www.iab.com/VAST\" ");
            assertEquals(List.of(), lint(namespaced), version + " in the IAB namespace");
        }
        // the 2.0 schema and the 3.0 draft have no root Error: they want an Ad, with or without the namespace
        for (String version : List.of("2.0", "3.0")) {
            String old = "<VAST version=\"" + version + "\"><Error>https://x.example/e</Error></VAST>";
            assertTrue(lint(old).get(0).message().contains("'{Ad}' is expected"), lint(old).toString());
            assertTrue(lint(old.replace("<VAST ", "<VAST xmlns=\"http://www.iab.com/VAST\" ")).get(0).message()
                    .contains("Ad}' is expected"), version);
        }
    }

    @Test
    void schemaProblemsComeWithTheirLine() {
        List<LintProblem> p = lint("<VAST version=\"4.2\">\n<Error>https://x.example/e</Error>\n<Bogus/>\n</VAST>");
        assertEquals(1, p.size(), p.toString());
        assertEquals(3, p.get(0).line());
        assertEquals("schema", p.get(0).rule());
        assertTrue(p.get(0).message().contains("Bogus"), p.get(0).message());
    }

    @Test
    void notVastOrNoKnownVersionOrAnotherNamespaceIsSaidSo() throws Exception {
        List<LintProblem> outdated = linter.lint(fixture("outdated-vast.xml"));
        assertEquals("version", outdated.get(0).rule());
        assertTrue(outdated.get(0).message().contains("VideoAdServingTemplate"));
        assertEquals("version", lint("<VAST><Ad/></VAST>").get(0).rule());
        assertTrue(lint("<VAST version=\"5.0\"/>").get(0).message().contains("unknown VAST version \"5.0\""));
        assertEquals("schema", lint("<VAST xmlns=\"urn:other\" version=\"4.2\"/>").get(0).rule());
    }

    @Test
    void brokenXmlAndDoctypesAreXmlProblems() throws Exception {
        List<LintProblem> invalid = linter.lint(fixture("invalid-xmlfile.xml"));
        assertEquals("xml", invalid.get(0).rule());
        assertEquals(1, invalid.get(0).line());
        List<LintProblem> doctype = lint("<?xml version=\"1.0\"?>\n<!DOCTYPE VAST [<!ENTITY x \"y\">]><VAST version=\"4.2\"/>");
        assertEquals("xml", doctype.get(0).rule());
        assertTrue(doctype.get(0).message().contains("DOCTYPE"));
    }
}
