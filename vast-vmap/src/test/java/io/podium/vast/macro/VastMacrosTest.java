package io.podium.vast.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VastMacrosTest {
    @Test
    void theSpecsExamplesAreReproduced() {
        VastMacros m = VastMacros.builder().set("EXAMPLE", "somevalue").set("ASSETURI", "https://myadserver.com/video.mp4")
                .set("ADPLAYHEAD", VastMacros.playhead(Duration.ofMillis(11_355))).list("BLOCKEDADCATEGORIES",
                        List.of("abc/def", "y=z")).set("ERRORCODE", 900).build();
        assertEquals("https://mydomain.com/something?test=somevalue", m.expand("https://mydomain.com/something?test=[EXAMPLE]"));
        assertEquals("https://t.example/e?a=https%3A%2F%2Fmyadserver.com%2Fvideo.mp4&p=00%3A00%3A11.355&b=abc%2Fdef,y%3Dz&c=900",
                m.expand("https://t.example/e?a=[ASSETURI]&p=[ADPLAYHEAD]&b=[BLOCKEDADCATEGORIES]&c=[ERRORCODE]"));
    }

    @Test
    void macrosWithoutAValueAndBracketsThatAreNoMacroAreKept() {
        VastMacros m = VastMacros.builder().set("ERRORCODE", 303).unknown("IFA").withheld("DEVICEIP").build();
        String t = "https://x/e?c=[ERRORCODE]&ts=[TIMESTAMP]&ifa=[IFA]&ip=[DEVICEIP]&arr[0]=[ERRORCODE]&[=]&[";
        assertEquals("https://x/e?c=303&ts=[TIMESTAMP]&ifa=-1&ip=-2&arr[0]=303&[=]&[", m.expand(t));
        String plain = "https://x/no-macros";
        assertSame(plain, m.expand(plain), "nothing to replace: the same string");
    }

    @Test
    void aValueThatLooksLikeAMacroIsNotExpandedAgain() {
        VastMacros m = VastMacros.builder().set("A", "[B]").set("B", "boom").build();
        assertEquals("x=%5BB%5D&y=boom", m.expand("x=[A]&y=[B]"));
    }

    @Test
    void encodeUriComponentMatchesJavaScript() {
        assertEquals("AZaz09-_.!~*'()", VastMacros.encodeUriComponent("AZaz09-_.!~*'()"));
        assertEquals("a%20b%2Bc%26d%3D%C3%A9%E2%82%AC%F0%9F%8E%A5", VastMacros.encodeUriComponent("a b+c&d=é€🎥"));
    }

    @Test
    void timestampPlayheadAndCacheBusterFollowTheirFormats() {
        assertEquals("2016-01-17T08:15:07.127-05:00",
                VastMacros.timestamp(Instant.parse("2016-01-17T13:15:07.127Z"), ZoneId.of("America/New_York")));
        assertEquals("2016-01-17T13:15:07.127+00:00", VastMacros.timestamp(Instant.parse("2016-01-17T13:15:07.127Z"), ZoneId.of("UTC")));
        assertEquals("01:02:03.004", VastMacros.playhead(Duration.ofMillis(3_723_004)));
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            String c = VastMacros.cacheBuster(random);
            assertTrue(c.matches("[1-9][0-9]{7}"), c);
        }
        assertThrows(IllegalArgumentException.class, () -> VastMacros.builder().set("lower", "x"));
    }
}
