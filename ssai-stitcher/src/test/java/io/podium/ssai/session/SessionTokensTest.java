package io.podium.ssai.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private static final byte[] SECRET = "ssai-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Clock AT_1000 = Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC);
    private final SessionTokens tokens = new SessionTokens(new SignedTokens(SECRET, 16_384, 256 * 1024), AT_1000);

    static SessionDecision decision(Random r, int breaks, int adsPerBreak) {
        List<BreakDecision> list = new ArrayList<>();
        for (int b = 0; b < breaks; b++) {
            List<AdDecision> ads = new ArrayList<>();
            for (int a = 0; a < adsPerBreak; a++) {
                String id = "ad-" + b + "-" + a + "-" + r.nextInt(1000);
                ads.add(new AdDecision(id, URI.create("https://ads.example/" + id + "/master.m3u8"),
                        (15 + r.nextInt(16)) * 1_000_000L,
                        Map.of(BeaconEvent.IMPRESSION, List.of("https://podium.example/notice/bill?a=" + id + "&sig=x",
                                        "https://dsp.example/imp?id=" + id),
                                BeaconEvent.MIDPOINT, List.of("https://dsp.example/mid?id=" + id)),
                        List.of("https://dsp.example/err?id=" + id + "&c=[ERRORCODE]")));
            }
            list.add(new BreakDecision("break-" + b, b == 0 ? 0 : b * 600_000_000L, 60_000_000L, ads));
        }
        return new SessionDecision("s-" + r.nextInt(1_000_000), 990, 2000, URI.create("https://origin.example/ep1/master.m3u8"),
                list);
    }

    @Test
    void aSessionDecisionSurvivesTheTokenAndTheSameDecisionGivesTheSameToken() throws Exception {
        long seed = System.nanoTime();
        System.out.println("SessionTokensTest seed=" + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 50; i++) {
            SessionDecision d = decision(r, 1 + r.nextInt(4), 1 + r.nextInt(4));
            String token = tokens.seal(d);
            assertEquals(d, tokens.openSession(token), "seed " + seed);
            assertEquals(token, tokens.seal(d), "deterministic, seed " + seed);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe");
        }
    }

    @Test
    void fourBreaksOfFourAdsFitInAUrl() {
        String token = tokens.seal(decision(new Random(1), 4, 4));
        assertTrue(token.length() < 4096, "token of " + token.length() + " characters");
    }

    @Test
    void anyChangeTheOtherPurposeAnotherKeyOrExpiryIsRefused() throws Exception {
        SessionDecision d = decision(new Random(2), 2, 2);
        String token = tokens.seal(d);
        for (int i = 0; i < token.length(); i += 7) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            TokenException e = assertThrows(TokenException.class, () -> tokens.openSession(changed));
            assertTrue(e.kind() == TokenException.Kind.TAMPERED || e.kind() == TokenException.Kind.MALFORMED, e.kind() + "");
        }
        assertEquals(TokenException.Kind.TAMPERED,
                assertThrows(TokenException.class, () -> tokens.openBeacon(token)).kind(), "a session token is no beacon");
        SessionTokens otherKey = new SessionTokens(new SignedTokens("another-secret-0123456789".getBytes(StandardCharsets.UTF_8),
                16_384, 256 * 1024), AT_1000);
        assertEquals(TokenException.Kind.TAMPERED, assertThrows(TokenException.class, () -> otherKey.openSession(token)).kind());
        SessionTokens later = new SessionTokens(new SignedTokens(SECRET, 16_384, 256 * 1024),
                Clock.fixed(Instant.ofEpochSecond(2000), ZoneOffset.UTC));
        assertEquals(TokenException.Kind.EXPIRED, assertThrows(TokenException.class, () -> later.openSession(token)).kind());
        assertEquals(TokenException.Kind.MALFORMED, assertThrows(TokenException.class, () -> tokens.openSession("%%%")).kind());
        assertEquals(TokenException.Kind.MALFORMED, assertThrows(TokenException.class, () -> tokens.openSession("")).kind());
        assertEquals(TokenException.Kind.MALFORMED,
                assertThrows(TokenException.class, () -> tokens.openSession("A".repeat(20_000))).kind());
    }

    @Test
    void aPayloadInflatingPastTheCapIsRefused() {
        SignedTokens roomy = new SignedTokens(SECRET, 16_384, 4 << 20);
        String bomb = roomy.seal("ssai-session", new byte[3 << 20]);
        assertTrue(bomb.length() < 16_384, "3 MiB of zeros deflate to " + bomb.length() + " characters");
        TokenException e = assertThrows(TokenException.class, () -> tokens.openSession(bomb));
        assertEquals(TokenException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("over 262144 bytes"), e.getMessage());
    }

    @Test
    void beaconTicketsRoundTripAndAreRefusedAsSessions() throws Exception {
        BeaconTicket t = new BeaconTicket("s-1", 2, 3, 0, 1500, URI.create("https://cdn.example/ad/seg0.ts"),
                Map.of(BeaconEvent.IMPRESSION, List.of("https://a.example/i"), BeaconEvent.START, List.of()));
        String token = tokens.seal(t);
        assertEquals(t, tokens.openBeacon(token));
        assertEquals("s-1/2/3/0", t.key());
        assertEquals(TokenException.Kind.TAMPERED, assertThrows(TokenException.class, () -> tokens.openSession(token)).kind());
        assertNotEquals(token, tokens.seal(new BeaconTicket("s-1", 2, 3, 1, 1500, t.segment(), t.beacons())));
    }

    @Test
    void aTemplateTicketGivesEachSegmentNumberItsMomentsAndItsUrl() throws Exception {
        BeaconTicket template = new BeaconTicket("s", 1, 0, 7, 1500,
                URI.create("https://cdn.example/ad/chunk-v1-$Number%05d$.m4s"),
                Map.of(BeaconEvent.MIDPOINT, List.of("https://dsp.example/mid"),
                        BeaconEvent.COMPLETE, List.of("https://dsp.example/done")), 4);
        assertEquals(template, tokens.openBeacon(tokens.seal(template)), "the count travels in the token");
        java.util.function.BiFunction<Integer, Integer, java.util.Set<BeaconEvent>> moments = (index, count) ->
                index == 2 ? java.util.Set.of(BeaconEvent.MIDPOINT) : index == count - 1
                        ? java.util.Set.of(BeaconEvent.COMPLETE, BeaconEvent.START) : java.util.Set.of();
        BeaconTicket mid = template.forNumber(9, moments);
        assertEquals(URI.create("https://cdn.example/ad/chunk-v1-00009.m4s"), mid.segment());
        assertEquals(Map.of(BeaconEvent.MIDPOINT, List.of("https://dsp.example/mid")), mid.beacons());
        assertEquals("s/1/0/3", mid.key(), "index 2 in the ad, keyed from 1 (0 is the initialization)");
        assertEquals(Map.of(BeaconEvent.COMPLETE, List.of("https://dsp.example/done")), template.forNumber(10, moments)
                .beacons(), "only the moments the ticket carries");
        assertEquals(Map.of(), template.forNumber(7, moments).beacons());
        assertEquals(null, template.forNumber(6, moments), "before the ad's first number");
        assertEquals(null, template.forNumber(11, moments), "after its last");
        assertEquals("x-12-12", BeaconTicket.fillNumber("x-$Number$-$Number$", 12));
        assertEquals("$Number%03d$", BeaconTicket.numberIdentifier("a/$RepresentationID$/$Number%03d$.m4s"));
    }
}
