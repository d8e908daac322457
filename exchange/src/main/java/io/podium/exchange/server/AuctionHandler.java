package io.podium.exchange.server;

import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.AuctionService;
import io.podium.exchange.auction.Deadline;
import io.podium.exchange.config.AuctionConfig;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import io.podium.exchange.notice.LossNotifier;
import io.podium.exchange.notice.ResponseAssembler;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /openrtb2/auction}. Nothing here blocks an IO thread: the body is read
 * asynchronously, decoding and validation take microseconds, the bidders are called through
 * the async client and the response is written when the fan-out closes, which is at the
 * deadline at the latest.
 *
 * <ul>
 *   <li>over {@code max_concurrent_auctions} in flight: 204 at once, header
 *       {@code x-openrtb-nbr: 1}, nothing queued;</li>
 *   <li>invalid (size, gzip, JSON, protobuf, schema): 400 with {@code nbr} 2 and the problems;</li>
 *   <li>no winner: 204; otherwise 200 with the bid response in the request's format.</li>
 * </ul>
 */
final class AuctionHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AuctionHandler.class);

    private final RequestDecoder decoder;
    private final AuctionService auctions;
    private final ResponseAssembler assembler;
    private final LossNotifier losses;
    private final OpenRtbJsonCodec codec;
    private final AuctionConfig config;
    private final Metrics metrics;
    private final int maxBodyBytes;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    AuctionHandler(RequestDecoder decoder, AuctionService auctions, ResponseAssembler assembler, LossNotifier losses,
                   OpenRtbJsonCodec codec, AuctionConfig config, Metrics metrics, int maxBodyBytes, int maxInFlight) {
        this.decoder = decoder;
        this.auctions = auctions;
        this.assembler = assembler;
        this.losses = losses;
        this.codec = codec;
        this.config = config;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.maxInFlight = maxInFlight;
        metrics.gauge(MetricName.IN_FLIGHT, inFlight::get);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long arrival = System.nanoTime();
        exchange.getResponseHeaders().put(Responses.OPENRTB_VERSION, "2.6");
        if (!Methods.POST.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            Responses.text(exchange, 405, "use POST");
            return;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            metrics.increment(MetricName.SHED);
            metrics.increment(MetricName.AUCTIONS, "result", "shed");
            Responses.noBid(exchange, 1);
            return;
        }
        exchange.addExchangeCompleteListener((ex, next) -> {
            inFlight.decrementAndGet();
            next.proceed();
        });
        BodyReader.read(exchange, maxBodyBytes,
                body -> exchange.dispatch(SameThreadExecutor.INSTANCE, () -> onBody(exchange, body, arrival)),
                message -> invalid(exchange, null, java.util.List.of(new io.podium.exchange.openrtb.Problem("$", message))));
    }

    private void onBody(HttpServerExchange exchange, byte[] body, long arrival) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        RequestDecoder.Decoded decoded = decoder.decode(body, contentType,
                exchange.getRequestHeaders().getFirst(Headers.CONTENT_ENCODING));
        if (!decoded.problems().isEmpty()) {
            invalid(exchange, decoded.request() == null ? null : decoded.request().getId(), decoded.problems());
            return;
        }
        BidRequest request = decoded.request();
        int tmax = request.hasTmax() ? request.getTmax() : config.defaultTmaxMs();
        Deadline deadline = Deadline.of(arrival, tmax, config.tmaxCapMs(), config.marginMs());
        boolean protobuf = RequestDecoder.isProtobuf(contentType);
        auctions.run(request, deadline).whenComplete((outcome, error) -> {
            try {
                if (error != null) {
                    LOG.error("auction {} failed", request.getId(), error);
                    metrics.increment(MetricName.AUCTIONS, "result", "error");
                    Responses.noBid(exchange, 1);
                    return;
                }
                respond(exchange, outcome, protobuf, arrival);
            } catch (RuntimeException e) {
                LOG.error("auction {} could not be answered", request.getId(), e);
                if (!exchange.isResponseStarted()) {
                    Responses.noBid(exchange, 1);
                }
            }
        });
    }

    private void respond(HttpServerExchange exchange, AuctionOutcome outcome, boolean protobuf, long arrival) {
        BidResponse response = assembler.assemble(outcome);
        if (response == null) {
            metrics.increment(MetricName.AUCTIONS, "result", "no_bid");
            Responses.noContent(exchange);
        } else {
            metrics.increment(MetricName.AUCTIONS, "result", "won");
            Responses.bytes(exchange, 200, protobuf ? "application/x-protobuf" : "application/json",
                    protobuf ? response.toByteArray() : codec.encode(response));
        }
        long total = System.nanoTime() - arrival;
        metrics.recordNanos(MetricName.AUCTION_LATENCY, total);
        metrics.recordNanos(MetricName.EXCHANGE_OVERHEAD, Math.max(1, total - outcome.slowestBidderNanos()));
        losses.notifyLosers(outcome);
    }

    private void invalid(HttpServerExchange exchange, String id, java.util.List<io.podium.exchange.openrtb.Problem> problems) {
        metrics.increment(MetricName.AUCTIONS, "result", "invalid");
        Responses.invalidRequest(exchange, id, problems);
    }
}
