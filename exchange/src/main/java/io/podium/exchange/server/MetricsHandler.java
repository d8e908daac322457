package io.podium.exchange.server;

import io.podium.exchange.metrics.Metrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every metric in the Prometheus text format. */
final class MetricsHandler implements HttpHandler {
    private final Metrics metrics;

    MetricsHandler(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        StringWriter out = new StringWriter(8192);
        try {
            metrics.writePrometheus(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Responses.bytes(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
