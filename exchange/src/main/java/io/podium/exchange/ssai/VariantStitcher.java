package io.podium.exchange.ssai;

import io.podium.ssai.hls.HlsWriter;
import io.podium.ssai.session.AdDecision;
import io.podium.ssai.session.BreakDecision;
import io.podium.ssai.session.SessionDecision;
import io.podium.ssai.session.SessionTokens;
import io.podium.ssai.stitch.AdMedia;
import io.podium.ssai.stitch.Break;
import io.podium.ssai.stitch.HlsStitcher;
import io.podium.ssai.stitch.SkippedAd;
import io.podium.ssai.stitch.StitchOptions;
import io.podium.ssai.stitch.StitchedMedia;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a session's variant (or rendition) playlist from its decision alone: the content
 * master and media playlist and the ad packages come from the {@link PlaylistSource} caches,
 * the stitch is a pure function ({@link HlsStitcher} with a {@link BeaconLinker}), so one
 * token gives byte-identical text on every node with the same secret and the same upstream
 * playlists. Ads the stitch skipped are reported to their VAST Error URLs once. An unknown
 * playlist number is a 404. Thread-safe.
 */
public final class VariantStitcher {
    private final PlaylistSource playlists;
    private final SessionTokens tokens;
    private final ErrorPinger errors;
    private final URI slateUri;
    private final HlsWriter writer = new HlsWriter();

    /** @param slateUri the slate's HLS master, or null to leave unfilled breaks out */
    public VariantStitcher(PlaylistSource playlists, SessionTokens tokens, ErrorPinger errors, URI slateUri) {
        this.playlists = playlists;
        this.tokens = tokens;
        this.errors = errors;
        this.slateUri = slateUri;
    }

    public CompletableFuture<String> stitch(SessionDecision decision, int index) {
        return playlists.contentMaster(decision.contentUri()).thenCompose(master -> {
            MediaIndex media = new MediaIndex(master, decision.contentUri());
            if (index < 0 || index >= media.size()) {
                throw new SsaiFailure(SsaiFailure.Kind.NOT_FOUND, "no media playlist " + index + " in this content ("
                        + media.size() + ")");
            }
            List<CompletableFuture<AdMedia>> ads = new ArrayList<>();
            for (BreakDecision b : decision.breaks()) {
                for (AdDecision a : b.ads()) {
                    ads.add(playlists.ad(a.adId(), a.durationMicros(), a.mediaUri()));
                }
            }
            CompletableFuture<AdMedia> slate = slateUri == null ? CompletableFuture.completedFuture(null)
                    : playlists.ad("slate", 0, slateUri);
            CompletableFuture<Void> all = CompletableFuture.allOf(ads.toArray(CompletableFuture[]::new));
            return playlists.contentMedia(media.uri(index)).thenCombine(all.thenCombine(slate, (x, s) -> s),
                    (content, slateMedia) -> {
                        List<Break> breaks = new ArrayList<>();
                        int k = 0;
                        for (BreakDecision b : decision.breaks()) {
                            List<AdMedia> list = new ArrayList<>();
                            for (int i = 0; i < b.ads().size(); i++) {
                                list.add(ads.get(k++).join());
                            }
                            breaks.add(new Break(b.breakId(), b.positionMicros(), b.plannedMicros(), list));
                        }
                        StitchOptions options = slateMedia != null && slateMedia.playable()
                                ? StitchOptions.DEFAULTS.withSlate(slateMedia) : StitchOptions.DEFAULTS;
                        StitchedMedia stitched = new HlsStitcher(options).stitchMedia(content, media.target(index),
                                breaks, new BeaconLinker(decision, tokens));
                        report(decision, stitched.skipped());
                        return writer.write(stitched.playlist());
                    });
        });
    }

    private void report(SessionDecision decision, List<SkippedAd> skipped) {
        for (SkippedAd s : skipped) {
            if (s.adIndex() == io.podium.ssai.stitch.SegmentLinker.SLATE || s.breakIndex() >= decision.breaks().size()) {
                continue;
            }
            List<AdDecision> ads = decision.breaks().get(s.breakIndex()).ads();
            if (s.adIndex() < ads.size()) {
                errors.pingOnce(decision.sessionId(), s.breakIndex(), s.adIndex(), decision.expiresAtSeconds(),
                        ads.get(s.adIndex()).errorUrls(), s.reason().vastErrorCode());
            }
        }
    }
}
