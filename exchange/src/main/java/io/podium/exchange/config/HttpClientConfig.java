package io.podium.exchange.config;

/**
 * {@code http_client:} — every outbound call (bid requests, notices).
 *
 * @param userAgent sent on every outbound request
 * @param connectTimeoutMs TCP connect timeout
 * @param maxResponseBytes largest response body read from a bidder or notice URL
 * @param maxConnectionsPerHost keep-alive pool size per bidder host
 * @param implementation {@code netty} (AsyncHttpClient) or {@code jdk} (java.net.http); see
 *                       docs/http-client.md for the measurements behind the default
 */
public record HttpClientConfig(String userAgent, int connectTimeoutMs, int maxResponseBytes,
                               int maxConnectionsPerHost, String implementation) {

    static HttpClientConfig read(ConfigNode n) {
        HttpClientConfig c = new HttpClientConfig(
                n.string("user_agent", "Podium/0.1 (+https://github.com/podium-exchange)"),
                n.int32("connect_timeout_ms", 200, 1, 60_000),
                n.int32("max_response_bytes", 1024 * 1024, 1024, 64 * 1024 * 1024),
                n.int32("max_connections_per_host", 256, 1, 100_000),
                n.choice("implementation", "netty", java.util.Set.of("netty", "jdk")));
        n.finish();
        return c;
    }
}
