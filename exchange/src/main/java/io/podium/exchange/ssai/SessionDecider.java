package io.podium.exchange.ssai;

import io.podium.exchange.config.VideoConfig;
import io.podium.exchange.video.PodAdRequest;
import io.podium.exchange.video.VmapBuilder;
import io.podium.ssai.hls.HlsWriter;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.origin.PlaylistCache;
import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BreakDecision;
import io.podium.ssai.session.SessionDecision;
import io.podium.ssai.session.SessionTokens;
import io.podium.ssai.stitch.HlsStitcher;
import io.podium.ssai.stitch.StitchOptions;
import io.podium.vast.vmap.AdBreak;
import io.podium.vast.vmap.AdTagUri;
import io.podium.vast.vmap.TimeOffset;
import io.podium.vast.vmap.Vmap;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Starts an SSAI session: checks the content URL against the origins, decides the breaks with
 * the VMAP policy ({@link VmapBuilder}: {@code video.contents}/{@code video.breaks}, or the
 * query's {@code duration} and {@code cues}), fetches the content master, then fills every break
 * with its own pod auction (concurrently; no auction runs for a content that cannot be read), seals the decision into a session token
 * and answers the stitched master whose playlist URLs are {@code /ssai/v1/hls/{token}/v/{i}.m3u8}.
 * Bad input fails at once with a {@link SsaiFailure} (400 or 403), before any auction runs.
 * Thread-safe.
 */
public final class SessionDecider {
    /** Where a session's variant playlists are served; root-relative, so every node writes the same text. */
    static final String HLS_PREFIX = "/ssai/v1/hls/";

    private final PlaylistSource playlists;
    private final VmapBuilder vmap;
    private final VideoConfig video;
    private final BreakAuctioneer auctioneer;
    private final SessionTokens tokens;
    private final Clock clock;
    private final long ttlSeconds;
    private final HlsStitcher masterStitcher = new HlsStitcher(StitchOptions.DEFAULTS);
    private final HlsWriter writer = new HlsWriter();

    /** The answer: the stitched master's text, and what it was made of. */
    public record Started(SessionDecision decision, String token, String masterText) {
    }

    public SessionDecider(PlaylistSource playlists, VmapBuilder vmap, VideoConfig video, BreakAuctioneer auctioneer,
                          SessionTokens tokens, Clock clock, long ttlSeconds) {
        this.playlists = playlists;
        this.vmap = vmap;
        this.video = video;
        this.auctioneer = auctioneer;
        this.tokens = tokens;
        this.clock = clock;
        this.ttlSeconds = ttlSeconds;
    }

    /**
     * Starts an HLS session: the decision, its token, and the stitched master.
     *
     * @param query the request's query ({@code content} and the pod parameters of {@code /vast/v1/pod})
     * @param userAgent the player's User-Agent, or null
     * @param clientIp the player's address, or null
     */
    public CompletableFuture<Started> start(Map<String, Deque<String>> query, String userAgent, String clientIp) {
        URI content = contentUri(query, playlists);
        Plan plan = plan(content, query, userAgent, clientIp);
        return playlists.contentMaster(content).thenCompose(m -> fill(plan, AdMediaPicker.Kind.HLS).thenApply(decision -> {
            String token = tokens.seal(decision);
            MediaIndex index = new MediaIndex(m, content);
            MasterPlaylist stitched;
            try {
                stitched = masterStitcher.stitchMaster(m, content, uri -> {
                    int i = index.indexOf(uri);
                    return i < 0 ? uri.toString() : variantPath(token, i);
                });
            } catch (IllegalArgumentException e) {
                throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "content master cannot be stitched");
            }
            return new Started(decision, token, writer.write(stitched));
        }));
    }

    /** A session's breaks, placed and with their pod requests checked, not yet filled. */
    public record Plan(URI content, List<Planned> breaks) {
    }

    /**
     * Places a session's breaks and checks their pod requests; bad pod parameters are a 400, at
     * once, before anything is fetched or auctioned.
     *
     * @param content an allowed content URL (see {@link #contentUri})
     */
    public Plan plan(URI content, Map<String, Deque<String>> query, String userAgent, String clientIp) {
        Deque<String> idParam = query.get("content_id");
        String contentId = idParam != null && !idParam.isEmpty() && !idParam.getFirst().isBlank()
                ? idParam.getFirst() : PlaylistCache.key(content);
        List<Planned> planned = new ArrayList<>();
        try {
            Vmap map = vmap.build(contentId, query);
            for (AdBreak b : map.breaks()) {
                Map<String, Deque<String>> podQuery = query(((AdTagUri) b.adSource().data()).url());
                PodAdRequest ask = PodAdRequest.parse(podQuery, userAgent, clientIp, video);
                planned.add(new Planned(b.breakId(), position(b.timeOffset()), ask.durationSeconds() * 1_000_000L, ask));
            }
        } catch (PodAdRequest.BadPodRequest e) {
            throw new SsaiFailure(SsaiFailure.Kind.BAD_REQUEST, e.getMessage());
        }
        planned.sort(Comparator.comparingLong(Planned::positionMicros).thenComparing(Planned::breakId));
        return new Plan(content, List.copyOf(planned));
    }

    /** Fills every break of a plan with its own pod auction, concurrently; ads carry a stream of {@code kind}. */
    public CompletableFuture<SessionDecision> fill(Plan plan, AdMediaPicker.Kind kind) {
        List<CompletableFuture<List<AdDecision>>> fills = new ArrayList<>();
        for (Planned p : plan.breaks()) {
            fills.add(auctioneer.fill(p.ask(), p.breakId(), kind));
        }
        return CompletableFuture.allOf(fills.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<BreakDecision> breaks = new ArrayList<>();
            for (int i = 0; i < plan.breaks().size(); i++) {
                Planned p = plan.breaks().get(i);
                breaks.add(new BreakDecision(p.breakId(), p.positionMicros(), p.plannedMicros(), fills.get(i).join()));
            }
            long now = clock.millis() / 1000;
            return new SessionDecision(UUID.randomUUID().toString(), now, now + ttlSeconds, plan.content(), breaks);
        });
    }

    static String variantPath(String token, int index) {
        return HLS_PREFIX + token + "/v/" + index + ".m3u8";
    }

    /** One break of a plan: where, how long, and its pod request. */
    public record Planned(String breakId, long positionMicros, long plannedMicros, PodAdRequest ask) {
    }

    /** The query's {@code content} URL: 400 when missing or not a URL, 403 outside the origins. */
    public static URI contentUri(Map<String, Deque<String>> query, PlaylistSource playlists) {
        URI u = parseContent(query);
        if (!playlists.allowed(u)) {
            throw new SsaiFailure(SsaiFailure.Kind.FORBIDDEN, "content URL is not under an allowed origin");
        }
        return u;
    }

    private static URI parseContent(Map<String, Deque<String>> query) {
        Deque<String> v = query.get("content");
        if (v == null || v.isEmpty() || v.getFirst().isBlank()) {
            throw new SsaiFailure(SsaiFailure.Kind.BAD_REQUEST, "content: the content's master playlist URL is required");
        }
        if (v.size() > 1) {
            throw new SsaiFailure(SsaiFailure.Kind.BAD_REQUEST, "content: give one URL");
        }
        try {
            URI u = new URI(v.getFirst().trim());
            if (!u.isAbsolute() || u.getHost() == null) {
                throw new SsaiFailure(SsaiFailure.Kind.BAD_REQUEST, "content: must be an absolute http(s) URL");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new SsaiFailure(SsaiFailure.Kind.BAD_REQUEST, "content: not a valid URL");
        }
    }

    private static long position(TimeOffset t) {
        return switch (t.kind()) {
            case START -> 0;
            case END -> Long.MAX_VALUE;
            case TIME -> t.value() * 1000;
            default -> throw new IllegalStateException("the VMAP policy made a " + t.kind() + " offset");
        };
    }

    /** The decoded query of a break URL the VMAP builder wrote. */
    private static Map<String, Deque<String>> query(String url) {
        Map<String, Deque<String>> out = new HashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayDeque<>()).add(v);
        }
        return out;
    }
}
