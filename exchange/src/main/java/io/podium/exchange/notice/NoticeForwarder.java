package io.podium.exchange.notice;

import io.podium.exchange.http.HttpReply;
import io.podium.exchange.http.OutboundHttp;
import io.podium.exchange.metrics.MetricName;
import io.podium.exchange.metrics.Metrics;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls DSP notice URLs (nurl, burl, lurl) with a timeout and Podium's User-Agent. Failures
 * are counted and logged at debug level; they never propagate. Only http(s) URLs are called.
 */
public final class NoticeForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeForwarder.class);

    private final OutboundHttp http;
    private final Metrics metrics;
    private final long timeoutMillis;

    public NoticeForwarder(OutboundHttp http, Metrics metrics, long timeoutMillis) {
        this.http = http;
        this.metrics = metrics;
        this.timeoutMillis = timeoutMillis;
    }

    /** @return the reply, or null on any failure (never completes exceptionally) */
    public CompletableFuture<HttpReply> fire(String kind, String url) {
        URI uri = parse(url);
        if (uri == null) {
            metrics.increment(MetricName.NOTICE_FORWARDS, "type", kind, "result", "bad_url");
            return CompletableFuture.completedFuture(null);
        }
        return http.get(uri, timeoutMillis).handle((reply, error) -> {
            String result = error != null ? "error" : reply.status() / 100 == 2 ? "ok" : "http_" + reply.status();
            metrics.increment(MetricName.NOTICE_FORWARDS, "type", kind, "result", result);
            if (error != null) {
                LOG.debug("{} notice to {} failed: {}", kind, uri.getHost(), error.toString());
                return null;
            }
            return reply;
        });
    }

    /** Expands the macros known only now ({@code ${AUCTION_IMP_TS}}) and fires. */
    public CompletableFuture<HttpReply> fireWithImpTs(String kind, String url, long nowMillis) {
        return fire(kind, Macros.expand(url, Map.of(Macros.AUCTION_IMP_TS, Long.toString(nowMillis))));
    }

    private static URI parse(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return null;
            }
            return uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
