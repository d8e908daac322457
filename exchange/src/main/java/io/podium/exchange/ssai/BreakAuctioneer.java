package io.podium.exchange.ssai;

import io.podium.exchange.auction.AuctionService;
import io.podium.exchange.auction.Deadline;
import io.podium.exchange.config.AuctionConfig;
import io.podium.exchange.notice.LossNotifier;
import io.podium.exchange.notice.Notice;
import io.podium.exchange.notice.NoticeService;
import io.podium.exchange.video.PodAdRequest;
import io.podium.exchange.video.PodBidRequestFactory;
import io.podium.exchange.video.PodVastBuilder;
import io.podium.openrtb.BidRequest;
import io.podium.ssai.session.AdDecision;
import io.podium.vast.model.Ad;
import io.podium.vast.model.InLine;
import io.podium.vast.wrapper.WrapperResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills one SSAI break the way {@code /vast/v1/pod} fills a pod: one dynamic-pod auction under
 * {@code video.pod_tmax_ms}, the winners built into VAST with Podium's signed trackers (its
 * billing notice among the impressions), win notices acted on, losers told; then each ad's
 * wrappers resolved to inline and its HLS (or DASH) stream picked. An ad without one is dropped and its
 * VAST Error URLs pinged with 403. Never fails: a failed auction is an empty break.
 */
public final class BreakAuctioneer {
    private static final Logger LOG = LoggerFactory.getLogger(BreakAuctioneer.class);
    /** VAST 403: no supported media file. */
    static final int NO_SUPPORTED_MEDIA = 403;

    private final PodBidRequestFactory requests;
    private final AuctionConfig auction;
    private final int podTmaxMs;
    private final AuctionService auctions;
    private final PodVastBuilder builder;
    private final NoticeService notices;
    private final LossNotifier losses;
    private final WrapperResolver resolver;
    private final ErrorPinger errors;

    /** What a break shares with {@code /vast/v1/pod}: the auction, the VAST builder, the notice service and loss notices. */
    public record Parts(AuctionService auctions, PodVastBuilder builder, NoticeService notices, LossNotifier losses) {
    }

    public BreakAuctioneer(io.podium.exchange.config.VideoConfig video, AuctionConfig auction, Parts parts,
                           WrapperResolver resolver, ErrorPinger errors) {
        this.requests = new PodBidRequestFactory(video.mimes(), video.podTmaxMs());
        this.auction = auction;
        this.podTmaxMs = video.podTmaxMs();
        this.auctions = parts.auctions();
        this.builder = parts.builder();
        this.notices = parts.notices();
        this.losses = parts.losses();
        this.resolver = resolver;
        this.errors = errors;
    }

    /** The ads of one break with a stream of {@code kind}, in play order; ids are {@code breakId-n}. */
    public CompletableFuture<List<AdDecision>> fill(PodAdRequest ask, String breakId, AdMediaPicker.Kind kind) {
        long arrival = System.nanoTime();
        BidRequest request = requests.build(ask);
        Deadline deadline = Deadline.of(arrival, podTmaxMs, auction.tmaxCapMs(), auction.marginMs());
        return auctions.run(request, deadline).thenCompose(outcome -> {
            PodVastBuilder.Built built = builder.build(outcome);
            for (Notice win : built.winNotices()) {
                notices.accept(win);
            }
            losses.notifyLosers(outcome);
            return resolver.resolve(built.vast(), null);
        }).thenApply(resolution -> {
            List<AdDecision> out = new ArrayList<>();
            for (Ad ad : resolution.ads()) {
                String id = breakId + "-" + (out.size() + 1);
                AdDecision d = AdMediaPicker.pick(ad, id, kind);
                if (d == null) {
                    if (ad.content() instanceof InLine in) {
                        errors.ping(in.errors(), NO_SUPPORTED_MEDIA);
                    }
                } else {
                    out.add(d);
                }
            }
            return out;
        }).exceptionally(t -> {
            LOG.warn("SSAI break {} could not be filled: {}", breakId, t.toString());
            return List.of();
        });
    }
}
