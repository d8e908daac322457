package io.podium.vast.vmap;

import static io.podium.vast.vmap.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VmapSchemaTest {
    private final VmapSchema schema = new VmapSchema(Fixtures.XML);

    private List<VmapProblem> validate(String document) {
        return schema.validate(utf8(document));
    }

    @Test
    void theRealisticFixtureIsValidWithItsStringIdsAndDocumentExtensions() throws Exception {
        assertEquals(List.of(), schema.validate(Fixtures.bytes("full.xml")));
    }

    @Test
    void schemaProblemsComeWithTheirLine() {
        List<VmapProblem> p = validate("<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\">\n"
                + "<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"/>\n"
                + "<vmap:AdBreak breakType=\"linear\"/>\n"
                + "</vmap:VMAP>");

        assertEquals(1, p.size(), p.toString());
        assertEquals(3, p.get(0).line());
        assertEquals("schema", p.get(0).rule());
        assertTrue(p.get(0).message().contains("timeOffset"), p.get(0).message());
    }

    @Test
    void anAdSourceHoldsAtMostOneOfTheThreeFormsThoughTheSchemaAllowsNone() {
        String two = "<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\">\n"
                + "<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\">\n"
                + "<vmap:AdSource id=\"a\">\n"
                + "<vmap:AdTagURI templateType=\"vast3\">https://a.example/v</vmap:AdTagURI>\n"
                + "<vmap:CustomAdData templateType=\"proprietary\">x</vmap:CustomAdData>\n"
                + "</vmap:AdSource>\n</vmap:AdBreak>\n</vmap:VMAP>";
        String none = two.replaceAll("(?s)<vmap:AdTagURI.*</vmap:CustomAdData>\n", "");

        List<VmapProblem> p = validate(two);

        assertEquals(1, p.size(), p.toString());
        assertEquals(5, p.get(0).line());
        assertTrue(p.get(0).message().contains("CustomAdData"), p.get(0).message());
        // the choice's elements are each optional: VmapParser refuses what the schema lets through
        assertEquals(List.of(), validate(none));
    }

    @Test
    void theJdkValidatorRefusesSomeUrlsAsAnyUri() {
        String doc = "<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\">\n"
                + "<vmap:AdBreak timeOffset=\"start\" breakType=\"linear\"><vmap:TrackingEvents>\n"
                + "<vmap:Tracking event=\"error\">URL</vmap:Tracking>\n"
                + "</vmap:TrackingEvents></vmap:AdBreak>\n</vmap:VMAP>";

        assertEquals(List.of(), validate(doc.replace("URL", "https://t.example/e?c=[ERRORCODE]&amp;x=a b")));
        for (String refused : List.of("https://t.example/[CACHEBUSTING]/e", "https://t.example/e?x=%zz",
                "https://t.example/e#a#b")) {
            List<VmapProblem> p = validate(doc.replace("URL", refused));
            assertEquals(3, p.get(0).line(), refused);
            assertTrue(p.get(0).message().contains("is not a valid value for 'anyURI'"), p.toString());
        }
    }

    @Test
    void theSchemaKnowsOnlyTheVmapNamespace() throws Exception {
        String plain = Fixtures.text("full.xml").replace(" xmlns:vmap=\"http://www.iab.net/videosuite/vmap\"", "")
                .replace("<vmap:", "<").replace("</vmap:", "</");

        List<VmapProblem> p = validate(plain);

        assertEquals(1, p.size(), p.toString());
        assertEquals(3, p.get(0).line());
        assertEquals("the root element is <VMAP> in no namespace, not <VMAP> in \"http://www.iab.net/videosuite/vmap\"",
                p.get(0).message());
    }

    @Test
    void aDoctypeIsRefusedBeforeTheValidatorReadsIt() {
        List<VmapProblem> p = validate("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<vmap:VMAP xmlns:vmap=\"http://www.iab.net/videosuite/vmap\" version=\"1.0\"/>");

        assertEquals(List.of(new VmapProblem(2, "xml", "DOCTYPE declarations are not allowed")), p);
    }
}
