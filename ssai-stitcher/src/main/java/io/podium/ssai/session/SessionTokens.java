package io.podium.ssai.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The two tokens of the SSAI service: the session token every playlist URL of a session
 * carries (the whole {@link SessionDecision}), and the beacon token of each routed ad segment
 * ({@link BeaconTicket}). Both are {@link SignedTokens} with their own purpose, versioned, and
 * refused once expired by the injected clock. Encoding is deterministic. Thread-safe.
 */
public final class SessionTokens {
    private static final int VERSION = 2;
    private static final String SESSION = "ssai-session";
    private static final String BEACON = "ssai-beacon";
    private final SignedTokens tokens;
    private final Clock clock;

    public SessionTokens(SignedTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String seal(SessionDecision d) {
        Wire.Out out = new Wire.Out().u8(VERSION).str(d.sessionId()).i64(d.issuedAtSeconds()).i64(d.expiresAtSeconds())
                .str(d.contentUri().toString()).count(d.breaks().size());
        for (BreakDecision b : d.breaks()) {
            out.str(b.breakId()).i64(b.positionMicros()).i64(b.plannedMicros()).count(b.ads().size());
            for (AdDecision a : b.ads()) {
                out.str(a.adId()).str(a.mediaUri().toString()).i64(a.durationMicros());
                beacons(out, a.beacons());
                strings(out, a.errorUrls());
            }
        }
        return tokens.seal(SESSION, out.bytes());
    }

    public SessionDecision openSession(String token) throws TokenException {
        Wire.In in = new Wire.In(tokens.open(SESSION, token));
        version(in);
        String id = in.str();
        long issued = in.i64();
        long expires = in.i64();
        fresh(expires);
        URI content = uri(in.str());
        int breaks = in.count();
        List<BreakDecision> list = new ArrayList<>(breaks);
        for (int i = 0; i < breaks; i++) {
            String breakId = in.str();
            long position = in.i64();
            long planned = in.i64();
            int ads = in.count();
            List<AdDecision> adList = new ArrayList<>(ads);
            for (int k = 0; k < ads; k++) {
                adList.add(new AdDecision(in.str(), uri(in.str()), in.i64(), beacons(in), strings(in)));
            }
            list.add(new BreakDecision(breakId, position, planned, adList));
        }
        in.end();
        return new SessionDecision(id, issued, expires, content, list);
    }

    public String seal(BeaconTicket t) {
        Wire.Out out = new Wire.Out().u8(VERSION).str(t.sessionId()).count(t.breakIndex()).count(t.adIndex())
                .count(t.segmentIndex()).count(t.segmentCount()).i64(t.expiresAtSeconds()).str(t.segment().toString());
        beacons(out, t.beacons());
        return tokens.seal(BEACON, out.bytes());
    }

    public BeaconTicket openBeacon(String token) throws TokenException {
        Wire.In in = new Wire.In(tokens.open(BEACON, token));
        version(in);
        String id = in.str();
        int breakIndex = in.count();
        int adIndex = in.count();
        int segment = in.count();
        int count = in.count();
        long expires = in.i64();
        fresh(expires);
        URI target = uri(in.str());
        Map<BeaconEvent, List<String>> beacons = beacons(in);
        in.end();
        return new BeaconTicket(id, breakIndex, adIndex, segment, expires, target, beacons, count);
    }

    private void fresh(long expiresAtSeconds) throws TokenException {
        if (clock.millis() / 1000 >= expiresAtSeconds) {
            throw new TokenException(TokenException.Kind.EXPIRED, "token expired");
        }
    }

    private static void version(Wire.In in) throws TokenException {
        int v = in.u8();
        if (v != VERSION) {
            throw new TokenException(TokenException.Kind.MALFORMED, "unknown token version " + v);
        }
    }

    private static URI uri(String s) throws TokenException {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new TokenException(TokenException.Kind.MALFORMED, "token holds a malformed URL");
        }
    }

    private static void beacons(Wire.Out out, Map<BeaconEvent, List<String>> beacons) {
        out.count(beacons.size());
        for (Map.Entry<BeaconEvent, List<String>> e : beacons.entrySet()) {
            out.u8(e.getKey().ordinal());
            strings(out, e.getValue());
        }
    }

    private static Map<BeaconEvent, List<String>> beacons(Wire.In in) throws TokenException {
        int n = in.count();
        Map<BeaconEvent, List<String>> out = new EnumMap<>(BeaconEvent.class);
        for (int i = 0; i < n; i++) {
            int ordinal = in.u8();
            if (ordinal >= BeaconEvent.values().length) {
                throw new TokenException(TokenException.Kind.MALFORMED, "unknown beacon event " + ordinal);
            }
            out.put(BeaconEvent.values()[ordinal], strings(in));
        }
        return out;
    }

    private static void strings(Wire.Out out, List<String> list) {
        out.count(list.size());
        list.forEach(out::str);
    }

    private static List<String> strings(Wire.In in) throws TokenException {
        int n = in.count();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.str());
        }
        return out;
    }
}
