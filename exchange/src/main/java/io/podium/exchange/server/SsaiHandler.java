package io.podium.exchange.server;

import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.ssai.BeaconFirer;
import io.podium.exchange.ssai.SessionDecider;
import io.podium.exchange.ssai.SsaiFailure;
import io.podium.exchange.ssai.VariantStitcher;
import io.podium.ssai.session.BeaconTicket;
import io.podium.ssai.session.SessionDecision;
import io.podium.ssai.session.SessionTokens;
import io.podium.ssai.session.TokenException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSAI service, {@code /ssai/v1/}:
 * <pre>
 * GET /ssai/v1/hls/master.m3u8?content=URL&amp;...   starts a session: the stitched master
 * GET /ssai/v1/hls/{token}/v/{i}.m3u8             media playlist i of the session, stitched
 * GET /ssai/v1/seg/{beaconToken}                  fires the segment's beacons once, 302 to it
 * GET /ssai/v1/dseg/{templateToken}/{n}           DASH ad media segment n: its moments once, 302 to it
 * GET /ssai/v1/dash/manifest.mpd?content=URL&amp;... a DASH session: the stitched multi-period MPD
 * </pre>
 * Playlists are {@code application/vnd.apple.mpegurl} (MPDs {@code application/dash+xml}), never cached, with
 * {@code Access-Control-Allow-Origin: *}. Refusals carry a plain-text reason: 400 bad input,
 * 403 bad token or content outside the origins, 404 unknown playlist, 502 upstream failure.
 * Work that waits on fetches or auctions leaves the IO thread.
 */
final class SsaiHandler implements HttpHandler {
    static final String PREFIX = "/ssai/v1";
    static final String HLS = "application/vnd.apple.mpegurl";
    private static final Logger LOG = LoggerFactory.getLogger(SsaiHandler.class);
    private static final Pattern VARIANT = Pattern.compile("/ssai/v1/hls/([A-Za-z0-9_-]+)/v/([0-9]{1,6})\\.m3u8");
    private static final Pattern DASH_SEGMENT =
            Pattern.compile("/ssai/v1/dseg/([A-Za-z0-9_-]+)/(\\d{1,18})(?:\\.[A-Za-z0-9]{1,5})?");
    private static final Pattern SEGMENT = Pattern.compile("/ssai/v1/seg/([A-Za-z0-9_-]+)(?:\\.[A-Za-z0-9]{1,5})?");

    static final String DASH = "application/dash+xml";

    private final SessionDecider sessions;
    private final io.podium.exchange.ssai.DashSessions dash;
    private final VariantStitcher variants;
    private final SessionTokens tokens;
    private final BeaconFirer beacons;
    private final Metrics metrics;

    SsaiHandler(SessionDecider sessions, io.podium.exchange.ssai.DashSessions dash, VariantStitcher variants,
                SessionTokens tokens, BeaconFirer beacons, Metrics metrics) {
        this.sessions = sessions;
        this.dash = dash;
        this.variants = variants;
        this.tokens = tokens;
        this.beacons = beacons;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Responses.playerGet(exchange)) {
            return;
        }
        String path = exchange.getRequestPath();
        if (path.equals("/ssai/v1/hls/master.m3u8")) {
            exchange.dispatch(() -> master(exchange));
            return;
        }
        if (path.equals("/ssai/v1/dash/manifest.mpd")) {
            exchange.dispatch(() -> dash(exchange));
            return;
        }
        Matcher m = VARIANT.matcher(path);
        if (m.matches()) {
            String token = m.group(1);
            int index = Integer.parseInt(m.group(2));
            exchange.dispatch(() -> variant(exchange, token, index));
            return;
        }
        m = SEGMENT.matcher(path);
        if (m.matches()) {
            segment(exchange, m.group(1));
            return;
        }
        m = DASH_SEGMENT.matcher(path);
        if (m.matches()) {
            dashSegment(exchange, m.group(1), Long.parseLong(m.group(2)));
            return;
        }
        metrics.increment(MetricName.SSAI_REQUESTS, "endpoint", "unknown", "result", "not_found");
        Responses.text(exchange, 404, "no such SSAI resource");
    }

    private void master(HttpServerExchange exchange) {
        CompletableFuture<SessionDecider.Started> started;
        try {
            started = sessions.start(exchange.getQueryParameters(),
                    exchange.getRequestHeaders().getFirst(Headers.USER_AGENT), clientIp(exchange));
        } catch (RuntimeException e) {
            refuse(exchange, "master", SsaiFailure.of(e));
            return;
        }
        started.whenComplete((s, error) -> {
            if (error != null) {
                refuse(exchange, "master", SsaiFailure.of(error));
            } else {
                playlist(exchange, "master", s.masterText());
            }
        });
    }

    private void dash(HttpServerExchange exchange) {
        CompletableFuture<String> mpd;
        try {
            mpd = dash.start(exchange.getQueryParameters(), exchange.getRequestHeaders().getFirst(Headers.USER_AGENT),
                    clientIp(exchange));
        } catch (RuntimeException e) {
            refuse(exchange, "dash", SsaiFailure.of(e));
            return;
        }
        mpd.whenComplete((text, error) -> {
            if (error != null) {
                refuse(exchange, "dash", SsaiFailure.of(error));
            } else {
                metrics.increment(MetricName.SSAI_REQUESTS, "endpoint", "dash", "result", "ok");
                Responses.bytes(exchange, 200, DASH, text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private void variant(HttpServerExchange exchange, String token, int index) {
        SessionDecision decision;
        try {
            decision = tokens.openSession(token);
        } catch (TokenException e) {
            refuse(exchange, "variant", new SsaiFailure(SsaiFailure.Kind.FORBIDDEN, "session token refused: "
                    + e.kind().name().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        variants.stitch(decision, index).whenComplete((text, error) -> {
            if (error != null) {
                refuse(exchange, "variant", SsaiFailure.of(error));
            } else {
                playlist(exchange, "variant", text);
            }
        });
    }

    private void segment(HttpServerExchange exchange, String token) {
        BeaconTicket ticket = openBeacon(exchange, token);
        if (ticket != null) {
            fireAndRedirect(exchange, ticket);
        }
    }

    /** A media segment of a DASH ad template: the moments that fall on its number fire once, then 302. */
    private void dashSegment(HttpServerExchange exchange, String token, long number) {
        BeaconTicket template = openBeacon(exchange, token);
        if (template == null) {
            return;
        }
        BeaconTicket ticket = template.forNumber(number, io.podium.exchange.ssai.BeaconLinker::eventsAt);
        if (ticket == null) {
            refuse(exchange, "segment", new SsaiFailure(SsaiFailure.Kind.NOT_FOUND, "segment " + number
                    + " is not part of this ad"));
            return;
        }
        fireAndRedirect(exchange, ticket);
    }

    /** The beacon ticket of a segment URL, or null after answering 403. */
    private BeaconTicket openBeacon(HttpServerExchange exchange, String token) {
        try {
            return tokens.openBeacon(token);
        } catch (TokenException e) {
            refuse(exchange, "segment", new SsaiFailure(SsaiFailure.Kind.FORBIDDEN, "segment token refused: "
                    + e.kind().name().toLowerCase(java.util.Locale.ROOT)));
            return null;
        }
    }

    /** Fires the ticket's beacons (once, without waiting) and sends the player to the real segment. */
    private void fireAndRedirect(HttpServerExchange exchange, BeaconTicket ticket) {
        beacons.fire(ticket);
        metrics.increment(MetricName.SSAI_REQUESTS, "endpoint", "segment", "result", "ok");
        exchange.setStatusCode(302);
        exchange.getResponseHeaders().put(Headers.LOCATION, ticket.segment().toString());
        exchange.endExchange();
    }

    private void playlist(HttpServerExchange exchange, String endpoint, String text) {
        metrics.increment(MetricName.SSAI_REQUESTS, "endpoint", endpoint, "result", "ok");
        Responses.bytes(exchange, 200, HLS, text.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(HttpServerExchange exchange, String endpoint, SsaiFailure f) {
        metrics.increment(MetricName.SSAI_REQUESTS, "endpoint", endpoint, "result", f.kind().label());
        if (f.getCause() != null) {
            LOG.error("SSAI {} failed", endpoint, f.getCause());
        } else if (f.kind() == SsaiFailure.Kind.BAD_GATEWAY) {
            LOG.warn("SSAI {} failed: {}", endpoint, f.getMessage());
        }
        if (!exchange.isResponseStarted()) {
            Responses.text(exchange, f.kind().status(), f.getMessage());
        }
    }

    /** The peer's address; {@code X-Forwarded-For} is not trusted (a player can send {@code ip=}). */
    private static String clientIp(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        return peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
    }
}
