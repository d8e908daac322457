package io.podium.exchange.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.podium.exchange.config.HttpClientConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.BoundRequestBuilder;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;

/**
 * {@link OutboundHttp} over AsyncHttpClient (Netty): HTTP/1.1 keep-alive pools per host,
 * a request timeout covering the whole exchange, and a body cap enforced while the bytes
 * arrive (the connection is dropped as soon as the cap is passed).
 */
public final class NettyOutboundHttp implements OutboundHttp {
    private final AsyncHttpClient client;
    private final int maxResponseBytes;

    public NettyOutboundHttp(HttpClientConfig config) {
        this.client = Dsl.asyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
                .setUserAgent(config.userAgent())
                .setConnectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                .setRequestTimeout(Duration.ofSeconds(60))
                .setReadTimeout(Duration.ofSeconds(60))
                .setFollowRedirect(false)
                .setKeepAlive(true)
                .setMaxRequestRetry(0)
                .setMaxConnectionsPerHost(config.maxConnectionsPerHost())
                .setPooledConnectionIdleTimeout(Duration.ofSeconds(60))
                .setIoThreadsCount(Math.max(1, Runtime.getRuntime().availableProcessors()))
                .setThreadPoolName("podium-netty-http")
                .build());
        this.maxResponseBytes = config.maxResponseBytes();
    }

    @Override
    public CompletableFuture<HttpReply> post(URI uri, byte[] body, String contentType, String contentEncoding,
                                             String openRtbVersion, long timeoutMillis) {
        BoundRequestBuilder b = client.preparePost(uri.toString())
                .setRequestTimeout(Duration.ofMillis(Math.max(1, timeoutMillis)))
                .setHeader("Content-Type", contentType)
                .setBody(body);
        if (contentEncoding != null) {
            b.setHeader("Content-Encoding", contentEncoding);
        }
        if (openRtbVersion != null) {
            b.setHeader("x-openrtb-version", openRtbVersion);
        }
        return execute(b);
    }

    @Override
    public CompletableFuture<HttpReply> get(URI uri, long timeoutMillis) {
        return execute(client.prepareGet(uri.toString()).setRequestTimeout(Duration.ofMillis(Math.max(1, timeoutMillis))));
    }

    private CompletableFuture<HttpReply> execute(BoundRequestBuilder b) {
        CompletableFuture<HttpReply> result;
        try {
            result = b.execute(new Collector(maxResponseBytes)).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new OutboundFailure(OutboundFailure.Kind.IO, e.toString(), e));
        }
        return result.handle((reply, error) -> {
            if (error != null) {
                throw classify(error);
            }
            return reply;
        });
    }

    private static OutboundFailure classify(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof OutboundFailure) {
            return (OutboundFailure) e;
        }
        if (e instanceof TimeoutException) {
            return new OutboundFailure(OutboundFailure.Kind.TIMEOUT, "timed out", e);
        }
        if (e instanceof ConnectException) {
            return new OutboundFailure(OutboundFailure.Kind.CONNECT, e.toString(), e);
        }
        return new OutboundFailure(OutboundFailure.Kind.IO, e.toString(), e);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }

    /** Gathers status, two headers and the body, aborting past the cap. */
    private static final class Collector implements AsyncHandler<HttpReply> {
        private final int cap;
        private int status;
        private String contentType;
        private String contentEncoding;
        private byte[] buffer = new byte[512];
        private int size;

        Collector(int cap) {
            this.cap = cap;
        }

        @Override
        public State onStatusReceived(HttpResponseStatus s) {
            status = s.getStatusCode();
            return State.CONTINUE;
        }

        @Override
        public State onHeadersReceived(HttpHeaders headers) {
            contentType = headers.get("Content-Type");
            contentEncoding = headers.get("Content-Encoding");
            return State.CONTINUE;
        }

        @Override
        public State onBodyPartReceived(HttpResponseBodyPart part) {
            byte[] bytes = part.getBodyPartBytes();
            if (size + bytes.length > cap) {
                throw new OutboundFailure(OutboundFailure.Kind.TOO_LARGE, "response body larger than " + cap + " bytes", null);
            }
            if (size + bytes.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(cap, Math.max(buffer.length * 2, size + bytes.length)));
            }
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
            return State.CONTINUE;
        }

        @Override
        public void onThrowable(Throwable t) {
            // the future fails with t; classify() maps it
        }

        @Override
        public HttpReply onCompleted() {
            return new HttpReply(status, size == buffer.length ? buffer : Arrays.copyOf(buffer, size), contentType,
                    contentEncoding);
        }
    }
}
