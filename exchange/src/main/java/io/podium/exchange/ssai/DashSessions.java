package io.podium.exchange.ssai;

import io.podium.ssai.dash.DashAd;
import io.podium.ssai.dash.DashBreak;
import io.podium.ssai.dash.DashStitched;
import io.podium.ssai.dash.DashStitcher;
import io.podium.ssai.dash.Mpd;
import io.podium.ssai.dash.MpdWriter;
import io.podium.ssai.dash.SkippedAd;
import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BreakDecision;
import io.podium.ssai.session.SessionDecision;
import io.podium.ssai.session.SessionTokens;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a DASH SSAI session: the same break decision and pod auctions as HLS
 * ({@link SessionDecider#plan} and {@link SessionDecider#fill}, ads with a DASH stream), auctioned once the content MPD is read, the content MPD and the ads' MPDs from
 * the caches, one multi-period MPD stitched by {@link DashStitcher}, ad start beacons routed by
 * {@link DashBeaconRewriter}. The MPD is the whole answer (no per-variant requests follow), so no
 * session token is issued; the beacon tokens carry what the segment requests need. Ads the
 * stitcher skipped are reported to their VAST Error URLs. Thread-safe.
 */
public final class DashSessions {
    private final PlaylistSource playlists;
    private final SessionDecider decider;
    private final SessionTokens tokens;
    private final ErrorPinger errors;
    private final URI publicUrl;
    private final MpdWriter writer = new MpdWriter();

    public DashSessions(PlaylistSource playlists, SessionDecider decider, SessionTokens tokens, ErrorPinger errors,
                        URI publicUrl) {
        this.playlists = playlists;
        this.decider = decider;
        this.tokens = tokens;
        this.errors = errors;
        this.publicUrl = publicUrl;
    }

    /** The stitched MPD's text; bad input fails at once (400, 403). */
    public CompletableFuture<String> start(Map<String, Deque<String>> query, String userAgent, String clientIp) {
        URI content = SessionDecider.contentUri(query, playlists);
        SessionDecider.Plan plan = decider.plan(content, query, userAgent, clientIp);
        CompletableFuture<Mpd> mpd = playlists.contentMpd(content);
        return mpd.thenCompose(m -> decider.fill(plan, AdMediaPicker.Kind.DASH)).thenCompose(decision -> {
            List<CompletableFuture<Mpd>> ads = new ArrayList<>();
            for (BreakDecision b : decision.breaks()) {
                for (AdDecision a : b.ads()) {
                    ads.add(playlists.adMpd(a.mediaUri()));
                }
            }
            return CompletableFuture.allOf(ads.toArray(CompletableFuture[]::new))
                    .thenCombine(mpd, (done, contentMpd) -> stitch(decision, contentMpd, ads));
        });
    }

    private String stitch(SessionDecision decision, Mpd content, List<CompletableFuture<Mpd>> adMpds) {
        if (!content.isStatic()) {
            throw new SsaiFailure(SsaiFailure.Kind.BAD_REQUEST, "content MPD is dynamic; only static MPDs are stitched");
        }
        List<DashBreak> breaks = new ArrayList<>();
        List<List<Integer>> unreadable = new ArrayList<>();
        int k = 0;
        for (BreakDecision b : decision.breaks()) {
            List<DashAd> list = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < b.ads().size(); i++) {
                AdDecision a = b.ads().get(i);
                Mpd m = adMpds.get(k++).join();
                if (m == null) {
                    missing.add(i);
                } else {
                    list.add(new DashAd(a.adId(), a.durationMicros(), m, a.mediaUri()));
                }
            }
            unreadable.add(missing);
            breaks.add(new DashBreak(b.breakId(), b.positionMicros(), list));
        }
        DashStitched stitched;
        try {
            stitched = new DashStitcher(new DashBeaconRewriter(decision, tokens, publicUrl))
                    .stitch(content, decision.contentUri(), breaks);
        } catch (IllegalArgumentException e) {
            throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "content MPD cannot be stitched");
        }
        report(decision, breaks, unreadable, stitched.skipped());
        return writer.write(stitched.mpd());
    }

    /** Pings the Error URLs of ads left out: unreadable MPDs (403) and those the stitcher skipped. */
    private void report(SessionDecision decision, List<DashBreak> breaks, List<List<Integer>> unreadable,
                        List<SkippedAd> skipped) {
        for (int b = 0; b < decision.breaks().size(); b++) {
            List<AdDecision> ads = decision.breaks().get(b).ads();
            for (int i : unreadable.get(b)) {
                errors.ping(ads.get(i).errorUrls(), BreakAuctioneer.NO_SUPPORTED_MEDIA);
            }
        }
        for (SkippedAd s : skipped) {
            for (int b = 0; b < breaks.size(); b++) {
                if (!breaks.get(b).breakId().equals(s.breakId()) || s.adIndex() < 0
                        || s.adIndex() >= breaks.get(b).ads().size()) {
                    continue;
                }
                String adId = breaks.get(b).ads().get(s.adIndex()).adId();
                for (AdDecision a : decision.breaks().get(b).ads()) {
                    if (a.adId().equals(adId)) {
                        errors.ping(a.errorUrls(), s.reason().vastErrorCode());
                    }
                }
            }
        }
    }
}
