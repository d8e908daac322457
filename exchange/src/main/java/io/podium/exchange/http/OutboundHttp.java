package io.podium.exchange.http;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous outbound HTTP with keep-alive pools. Every call carries Podium's
 * {@code User-Agent}, has a timeout, and reads at most the configured number of response
 * bytes. The futures fail with {@link OutboundFailure}; they never block the caller.
 */
public interface OutboundHttp extends AutoCloseable {

    /**
     * POSTs a body.
     *
     * @param contentEncoding {@code gzip} when the body is already gzip-compressed, else null
     * @param timeoutMillis the whole call, connect to last byte
     */
    CompletableFuture<HttpReply> post(URI uri, byte[] body, String contentType, String contentEncoding,
                                      String openRtbVersion, long timeoutMillis);

    /** GETs a URL (notices). */
    CompletableFuture<HttpReply> get(URI uri, long timeoutMillis);

    @Override
    void close();

    /** The implementation the configuration names. */
    static OutboundHttp create(io.podium.exchange.config.HttpClientConfig config) {
        return "jdk".equals(config.implementation()) ? new JdkOutboundHttp(config) : new NettyOutboundHttp(config);
    }
}
