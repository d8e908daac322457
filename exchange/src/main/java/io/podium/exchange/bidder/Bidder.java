package io.podium.exchange.bidder;

import com.google.protobuf.CodedInputStream;
import io.podium.exchange.config.BidderConfig;
import io.podium.exchange.http.HttpReply;
import io.podium.exchange.http.OutboundFailure;
import io.podium.exchange.http.OutboundHttp;
import io.podium.exchange.openrtb.Gzip;
import io.podium.exchange.openrtb.OpenRtbDecodeException;
import io.podium.exchange.openrtb.OpenRtbJsonCodec;
import io.podium.exchange.openrtb.OpenRtbValidator;
import io.podium.exchange.openrtb.Problem;
import java.util.List;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One configured DSP: its settings, its circuit breaker and QPS cap, and the call itself.
 * {@link #call} encodes the request in the bidder's format, sends it and turns whatever
 * comes back (or does not) into a {@link BidderResult}; the future never fails.
 */
public final class Bidder implements DemandSource {
    private static final String JSON = "application/json";
    private static final String PROTOBUF = "application/x-protobuf";

    /** Protobuf answers are checked like JSON ones are while decoding: ext must be a JSON object. */
    private static final OpenRtbValidator VALIDATOR = new OpenRtbValidator();

    private final BidderConfig config;
    private final CircuitBreaker breaker;
    private final QpsLimiter limiter;
    private final OutboundHttp http;
    private final OpenRtbJsonCodec codec;
    private final int maxDecompressedBytes;

    public Bidder(BidderConfig config, CircuitBreaker breaker, QpsLimiter limiter, OutboundHttp http,
                  OpenRtbJsonCodec codec, int maxDecompressedBytes) {
        this.config = config;
        this.breaker = breaker;
        this.limiter = limiter;
        this.http = http;
        this.codec = codec;
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    public BidderConfig config() {
        return config;
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String seat() {
        return config.seat();
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public QpsLimiter limiter() {
        return limiter;
    }

    /**
     * Sends the request; the answer is judged against {@code timeoutMillis} as well as by the
     * caller's own deadline. Bidders of one auction share encoded bytes through {@code encoded}.
     */
    CompletableFuture<BidderResult> call(BidRequest sent, EncodedRequests encoded, long timeoutMillis) {
        long start = System.nanoTime();
        boolean protobuf = "protobuf".equals(config.format());
        byte[] body = encoded.bytes(sent, protobuf, config.gzip());
        String encoding = config.gzip() ? "gzip" : null;
        return http.post(config.endpoint(), body, protobuf ? PROTOBUF : JSON, encoding, "2.6", timeoutMillis)
                .handle((reply, error) -> {
                    long latency = System.nanoTime() - start;
                    BidderResult result = error != null ? failure(sent, error, latency) : judge(sent, reply, latency);
                    if (result.failed()) {
                        breaker.onFailure();
                    } else {
                        breaker.onSuccess();
                    }
                    return result;
                });
    }

    private BidderResult failure(BidRequest sent, Throwable error, long latency) {
        Throwable e = error.getCause() != null && !(error instanceof OutboundFailure) ? error.getCause() : error;
        if (e instanceof OutboundFailure && ((OutboundFailure) e).kind() == OutboundFailure.Kind.TIMEOUT) {
            return result(sent, BidderResult.Status.TIMEOUT, null, 0, "timed out", latency);
        }
        String kind = e instanceof OutboundFailure ? ((OutboundFailure) e).kind().name().toLowerCase(java.util.Locale.ROOT) : "io";
        return result(sent, BidderResult.Status.ERROR, null, 0, kind + ": " + e.getMessage(), latency);
    }

    private BidderResult judge(BidRequest sent, HttpReply reply, long latency) {
        if (reply.status() == 204) {
            return result(sent, BidderResult.Status.NO_BID, null, 0, null, latency);
        }
        if (reply.status() != 200) {
            return result(sent, BidderResult.Status.ERROR, null, 0, "http_status: HTTP " + reply.status(), latency);
        }
        byte[] body = reply.body();
        if (body.length == 0) {
            return result(sent, BidderResult.Status.NO_BID, null, 0, null, latency);
        }
        BidResponse response;
        try {
            if (reply.contentEncoding() != null && reply.contentEncoding().toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
                body = Gzip.decompress(body, maxDecompressedBytes);
            }
            response = isProtobuf(reply.contentType()) ? parseProtobuf(body) : codec.decodeResponse(body);
        } catch (OpenRtbDecodeException e) {
            return result(sent, BidderResult.Status.INVALID, null, 0, "malformed: " + e.getMessage(), latency);
        } catch (IOException e) {
            return result(sent, BidderResult.Status.INVALID, null, 0, "malformed: " + e.getMessage(), latency);
        }
        if (isProtobuf(reply.contentType())) {
            List<Problem> problems = VALIDATOR.validateResponse(response);
            if (!problems.isEmpty()) {
                return result(sent, BidderResult.Status.INVALID, null, 0, "invalid: " + problems.get(0), latency);
            }
        }
        if (!sent.getId().equals(response.getId())) {
            return result(sent, BidderResult.Status.INVALID, null, 0,
                    "invalid: response id \"" + response.getId() + "\" does not match request id", latency);
        }
        if (response.getSeatbidCount() == 0) {
            return result(sent, BidderResult.Status.NO_BID, null, response.getNbrValue(), null, latency);
        }
        return result(sent, BidderResult.Status.BIDS, response, 0, null, latency);
    }

    private static BidResponse parseProtobuf(byte[] body) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(body);
        in.setRecursionLimit(32);
        return BidResponse.parseFrom(in);
    }

    private static boolean isProtobuf(String contentType) {
        return contentType != null && (contentType.startsWith("application/x-protobuf")
                || contentType.startsWith("application/protobuf") || contentType.startsWith("application/octet-stream"));
    }

    private BidderResult result(BidRequest sent, BidderResult.Status status, BidResponse response, int nbr,
                                String error, long latency) {
        return new BidderResult(this, sent, status, response, nbr, error, latency);
    }
}
