package io.podium.exchange.server;

import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.AuctionService;
import io.podium.exchange.auction.Deadline;
import io.podium.exchange.config.AuctionConfig;
import io.podium.exchange.config.VideoConfig;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.notice.LossNotifier;
import io.podium.exchange.notice.Notice;
import io.podium.exchange.notice.NoticeService;
import io.podium.exchange.video.PodAdRequest;
import io.podium.exchange.video.PodBidRequestFactory;
import io.podium.exchange.video.PodVastBuilder;
import io.podium.openrtb.BidRequest;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /vast/v1/pod?dur=..&...} ({@link PodAdRequest} lists the parameters): runs one
 * dynamic-pod auction under {@code video.pod_tmax_ms} and answers a VAST 4.2 pod, the ads in
 * play order with {@code sequence}, each with Podium's signed trackers and the DSP's own. No
 * fill is a valid empty VAST ({@code <VAST version="4.2"/>}), as players expect; a bad query is
 * a 400 naming the parameter. Podium acts on the win notices of the ads it serves at once
 * (it is the ad server here); billing happens when the player calls the impression. Answers
 * carry {@code Access-Control-Allow-Origin: *} for web players and are never cached.
 */
final class VastPodHandler implements HttpHandler {
    static final String PATH = "/vast/v1/pod";
    private static final Logger LOG = LoggerFactory.getLogger(VastPodHandler.class);

    private final VideoConfig video;
    private final AuctionConfig auction;
    private final PodBidRequestFactory requests;
    private final AuctionService auctions;
    private final PodVastBuilder builder;
    private final NoticeService notices;
    private final LossNotifier losses;
    private final Metrics metrics;

    VastPodHandler(VideoConfig video, AuctionConfig auction, AuctionService auctions, PodVastBuilder builder,
                   NoticeService notices, LossNotifier losses, Metrics metrics) {
        this.video = video;
        this.auction = auction;
        this.requests = new PodBidRequestFactory(video.mimes(), video.podTmaxMs());
        this.auctions = auctions;
        this.builder = builder;
        this.notices = notices;
        this.losses = losses;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long arrival = System.nanoTime();
        if (!Responses.playerGet(exchange)) {
            return;
        }
        PodAdRequest ask;
        try {
            ask = PodAdRequest.parse(exchange.getQueryParameters(),
                    exchange.getRequestHeaders().getFirst(Headers.USER_AGENT), clientIp(exchange), video);
        } catch (PodAdRequest.BadPodRequest e) {
            metrics.increment(MetricName.VIDEO_PODS, "result", "invalid");
            Responses.text(exchange, 400, e.getMessage());
            return;
        }
        BidRequest request = requests.build(ask);
        Deadline deadline = Deadline.of(arrival, video.podTmaxMs(), auction.tmaxCapMs(), auction.marginMs());
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> auctions.run(request, deadline)
                .whenComplete((outcome, error) -> {
                    try {
                        if (error != null) {
                            LOG.error("pod auction {} failed", request.getId(), error);
                            answer(exchange, builder.build(emptyOutcome(request)));
                            return;
                        }
                        PodVastBuilder.Built built = builder.build(outcome);
                        answer(exchange, built);
                        for (Notice win : built.winNotices()) {
                            notices.accept(win);
                        }
                        losses.notifyLosers(outcome);
                        if (built.dropped() > 0) {
                            metrics.increment(MetricName.VIDEO_PODS, "result", "dropped_ads");
                        }
                    } catch (RuntimeException e) {
                        LOG.error("pod auction {} could not be answered", request.getId(), e);
                        if (!exchange.isResponseStarted()) {
                            Responses.text(exchange, 500, "the pod could not be built");
                        }
                    }
                }));
    }

    private void answer(HttpServerExchange exchange, PodVastBuilder.Built built) {
        metrics.increment(MetricName.VIDEO_PODS, "result", built.served().isEmpty() ? "empty" : "filled");
        Responses.bytes(exchange, 200, "application/xml; charset=utf-8", built.xml());
    }

    private static AuctionOutcome emptyOutcome(BidRequest request) {
        return new AuctionOutcome(request, java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), 0, 0);
    }

    /** The peer's address; {@code X-Forwarded-For} is not trusted (a player can send {@code ip=}). */
    private static String clientIp(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        return peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
    }
}
