package io.podium.exchange.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;

/** {@code GET /health}: 200 {@code {"status":"UP"}} while the server serves. */
final class HealthHandler implements HttpHandler {
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Responses.bytes(exchange, 200, "application/json", UP);
    }
}
