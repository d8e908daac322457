package io.podium.exchange.http;

import io.podium.exchange.config.HttpClientConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link OutboundHttp} over the JDK's {@link HttpClient} (HTTP/1.1, keep-alive pool per host).
 * The JDK timeout covers only the wait for headers, so every call is also bounded as a whole
 * by {@link CompletableFuture#orTimeout}: a bidder that trickles its body is cut off too.
 */
public final class JdkOutboundHttp implements OutboundHttp {
    private final HttpClient client;
    private final ExecutorService executor;
    private final String userAgent;
    private final int maxResponseBytes;

    public JdkOutboundHttp(HttpClientConfig config) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "podium-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.userAgent = config.userAgent();
        this.maxResponseBytes = config.maxResponseBytes();
    }

    @Override
    public CompletableFuture<HttpReply> post(URI uri, byte[] body, String contentType, String contentEncoding,
                                             String openRtbVersion, long timeoutMillis) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(Math.max(1, timeoutMillis)))
                .header("User-Agent", userAgent)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            b.header("Content-Encoding", contentEncoding);
        }
        if (openRtbVersion != null) {
            b.header("x-openrtb-version", openRtbVersion);
        }
        return send(b.build(), timeoutMillis);
    }

    @Override
    public CompletableFuture<HttpReply> get(URI uri, long timeoutMillis) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(Math.max(1, timeoutMillis)))
                .header("User-Agent", userAgent)
                .GET()
                .build();
        return send(request, timeoutMillis);
    }

    private CompletableFuture<HttpReply> send(HttpRequest request, long timeoutMillis) {
        CompletableFuture<HttpResponse<byte[]>> call;
        try {
            call = client.sendAsync(request, info -> new CappedBody(maxResponseBytes));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new OutboundFailure(OutboundFailure.Kind.IO, e.toString(), e));
        }
        CompletableFuture<HttpReply> reply = call
                .orTimeout(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        throw classify(error);
                    }
                    return new HttpReply(response.statusCode(), response.body(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            response.headers().firstValue("Content-Encoding").orElse(null));
                });
        reply.whenComplete((r, e) -> {
            if (e != null) {
                call.cancel(true);
            }
        });
        return reply;
    }

    private static OutboundFailure classify(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof OutboundFailure) {
            return (OutboundFailure) e;
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new OutboundFailure(OutboundFailure.Kind.CONNECT, e.toString(), e);
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return new OutboundFailure(OutboundFailure.Kind.TIMEOUT, "timed out", e);
        }
        if (e instanceof IOException && e.getCause() instanceof OutboundFailure) {
            return (OutboundFailure) e.getCause();
        }
        return new OutboundFailure(OutboundFailure.Kind.IO, e.toString(), e);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Collects the body and fails once it passes the cap, without reading the rest. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private byte[] buffer = new byte[512];
        private int size;
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if (size + n > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new OutboundFailure(OutboundFailure.Kind.TOO_LARGE,
                            "response body larger than " + cap + " bytes", null));
                    return;
                }
                if (size + n > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(cap, Math.max(buffer.length * 2, size + n)));
                }
                item.get(buffer, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size));
        }
    }
}
