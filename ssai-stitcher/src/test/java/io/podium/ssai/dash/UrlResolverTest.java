package io.podium.ssai.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlResolverTest {
    private static final URI BASE = URI.create("https://cdn.example.com/vod/show/dash/");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "seg-$Number%05d$.m4s | https://cdn.example.com/vod/show/dash/seg-$Number%05d$.m4s",
        "../audio/$RepresentationID$/$Time$.m4s | https://cdn.example.com/vod/show/audio/$RepresentationID$/$Time$.m4s",
        "/abs/$Number$.m4s | https://cdn.example.com/abs/$Number$.m4s",
        "//other.example.net/x/$Number$.m4s | https://other.example.net/x/$Number$.m4s",
        "https://ads.example.net/$Bandwidth%08x$/$$x.m4s | https://ads.example.net/$Bandwidth%08x$/$$x.m4s",
        "v/$Number$.m4s?tok=$RepresentationID$&a=1 | https://cdn.example.com/vod/show/dash/v/$Number$.m4s?tok=$RepresentationID$&a=1",
        "podiumtpl0z-$Number$.m4s | https://cdn.example.com/vod/show/dash/podiumtpl0z-$Number$.m4s",
    })
    void resolvesATemplateKeepingItsIdentifiers(String template, String expected) {
        assertEquals(expected, UrlResolver.resolveTemplate(BASE, template));
    }

    @Test
    void resolvesAgainstAHostWithoutPath() {
        assertEquals("https://cdn.example.com/seg.m4s",
                UrlResolver.resolveTemplate(URI.create("https://cdn.example.com"), "seg.m4s"));
    }

    @Test
    void resolvesBaseUrlChainsPairByPairWithTheLowerAttributesFirst() {
        List<BaseUrl> upper = List.of(new BaseUrl("https://a.example.com/x/", List.of(XmlAttribute.of("serviceLocation",
                "a"))), new BaseUrl("https://b.example.com/x/", List.of(XmlAttribute.of("serviceLocation", "b"))));

        List<BaseUrl> resolved = UrlResolver.resolveAll(upper, List.of(BaseUrl.of("period/")));

        assertEquals(List.of(new BaseUrl("https://a.example.com/x/period/", List.of(XmlAttribute.of("serviceLocation",
                "a"))), new BaseUrl("https://b.example.com/x/period/", List.of(XmlAttribute.of("serviceLocation", "b")))),
                resolved);
        assertEquals(upper, UrlResolver.resolveAll(upper, List.of()));
    }

    @Test
    void theBaseOfADocumentIsItsDirectory() {
        assertEquals(List.of(BaseUrl.of("https://origin.example.com/vod/x/")),
                UrlResolver.documentBase(URI.create("https://origin.example.com/vod/x/manifest.mpd?token=1")));
    }

    @Test
    void refusesWhatIsNotAUriReference() {
        assertThrows(IllegalArgumentException.class, () -> UrlResolver.resolveTemplate(BASE, "a b/$Number$.m4s"));
    }
}
