package io.podium.exchange.ssai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.testing.MutableClock;
import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BeaconEvent;
import io.podium.ssai.session.BeaconTicket;
import io.podium.ssai.session.BreakDecision;
import io.podium.ssai.session.SessionDecision;
import io.podium.ssai.session.SessionTokens;
import io.podium.ssai.session.SignedTokens;
import io.podium.ssai.session.TokenException;
import io.podium.ssai.stitch.SegmentLinker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BeaconLinkerTest {
    private static final URI SEG = URI.create("https://ads.example/a/seg-0.ts");

    private static SessionTokens tokens(MutableClock clock) {
        return new SessionTokens(new SignedTokens("linker-secret-0123456789".getBytes(StandardCharsets.UTF_8), 12_000,
                65_536), clock);
    }

    private static SessionDecision decision(long now) {
        AdDecision withBeacons = new AdDecision("pre-1", URI.create("https://ads.example/a/master.m3u8"), 20_000_000,
                Map.of(BeaconEvent.IMPRESSION, List.of("https://dsp.example/imp"),
                        BeaconEvent.START, List.of("https://dsp.example/start"),
                        BeaconEvent.COMPLETE, List.of("https://dsp.example/complete")), List.of());
        AdDecision silent = new AdDecision("pre-2", URI.create("https://ads.example/b/master.m3u8"), 10_000_000,
                Map.of(), List.of());
        return new SessionDecision("s1", now, now + 600, URI.create("https://cdn.example/vod/master.m3u8"),
                List.of(new BreakDecision("preroll", 0, 30_000_000, List.of(withBeacons, silent))));
    }

    @Test
    void eventsLandOnTheFirstSegmentPastEachQuarterAndTheLast() {
        assertEquals(EnumSet.of(BeaconEvent.IMPRESSION, BeaconEvent.START), BeaconLinker.eventsAt(0, 4));
        assertEquals(Set.of(BeaconEvent.FIRST_QUARTILE), BeaconLinker.eventsAt(1, 4));
        assertEquals(Set.of(BeaconEvent.MIDPOINT), BeaconLinker.eventsAt(2, 4));
        assertEquals(EnumSet.of(BeaconEvent.THIRD_QUARTILE, BeaconEvent.COMPLETE), BeaconLinker.eventsAt(3, 4));
        assertEquals(EnumSet.allOf(BeaconEvent.class), BeaconLinker.eventsAt(0, 1));
        assertEquals(Set.of(), BeaconLinker.eventsAt(1, 10), "between two moments a segment carries nothing");
        assertEquals(Set.of(BeaconEvent.FIRST_QUARTILE), BeaconLinker.eventsAt(3, 10));
        assertEquals(Set.of(BeaconEvent.MIDPOINT), BeaconLinker.eventsAt(5, 10));
        assertEquals(Set.of(BeaconEvent.THIRD_QUARTILE), BeaconLinker.eventsAt(8, 10));
        assertEquals(Set.of(BeaconEvent.COMPLETE), BeaconLinker.eventsAt(9, 10));
        int fired = 0;
        for (int n = 1; n <= 40; n++) {
            EnumSet<BeaconEvent> all = EnumSet.noneOf(BeaconEvent.class);
            for (int i = 0; i < n; i++) {
                Set<BeaconEvent> at = BeaconLinker.eventsAt(i, n);
                fired += at.size();
                all.addAll(at);
            }
            assertEquals(EnumSet.allOf(BeaconEvent.class), all, "every moment once for " + n + " segments");
        }
        assertEquals(40 * BeaconEvent.values().length, fired, "and never twice");
    }

    @Test
    void routesOnlyAdSegmentsThatCarryBeaconsAndSealsTheirTicket() throws TokenException {
        MutableClock clock = new MutableClock();
        SessionTokens tokens = tokens(clock);
        SessionDecision d = decision(clock.millis() / 1000);
        BeaconLinker linker = new BeaconLinker(d, tokens);

        String first = linker.adSegment(0, 0, "pre-1", 0, 4, SEG);
        assertTrue(first.startsWith("/ssai/v1/seg/"), first);
        String ext = BeaconLinker.extension(SEG);
        assertTrue(!ext.isEmpty() && first.endsWith(ext), "the real segment's extension is kept for players: " + first);
        BeaconTicket t = tokens.openBeacon(first.substring("/ssai/v1/seg/".length(), first.length() - ext.length()));
        assertEquals(SEG, t.segment());
        assertEquals("s1/0/0/0", t.key());
        assertEquals(Map.of(BeaconEvent.IMPRESSION, List.of("https://dsp.example/imp"),
                BeaconEvent.START, List.of("https://dsp.example/start")), t.beacons());
        assertEquals(first, new BeaconLinker(d, tokens).adSegment(0, 0, "pre-1", 0, 4, SEG), "deterministic");

        assertEquals(SEG.toString(), linker.adSegment(0, 0, "pre-1", 1, 4, SEG), "no first-quartile URL: direct");
        assertEquals(SEG.toString(), linker.adSegment(0, 1, "pre-2", 0, 2, SEG), "an ad without beacons: direct");
        assertEquals(SEG.toString(), linker.adSegment(0, SegmentLinker.SLATE, "slate", 0, 3, SEG), "slate: direct");
        assertEquals(SEG.toString(), linker.contentSegment(SEG));

        clock.advance(Duration.ofSeconds(600));
        TokenException e = assertThrows(TokenException.class,
                () -> tokens.openBeacon(first.substring("/ssai/v1/seg/".length(), first.length() - ext.length())));
        assertEquals(TokenException.Kind.EXPIRED, e.kind());
    }
}
