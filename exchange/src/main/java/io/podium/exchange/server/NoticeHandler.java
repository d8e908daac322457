package io.podium.exchange.server;

import io.podium.exchange.notice.NoticeService;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;

/**
 * {@code GET /notice/{win|bill|start|firstQuartile|midpoint|thirdQuartile|complete|error}}:
 * Podium's signed notices and player events. 403 when
 * unsigned, tampered or expired; 204 once acted on (or on a repeat, without acting); 200 with
 * the DSP's markup for a bid whose markup is served on the win notice.
 */
final class NoticeHandler implements HttpHandler {
    private final NoticeService notices;

    NoticeHandler(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRelativePath();
        String type = path.startsWith("/") ? path.substring(1) : path;
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> notices.handle(type, exchange.getQueryString())
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        Responses.text(exchange, 500, "notice failed");
                    } else if (answer.markup() != null) {
                        Responses.bytes(exchange, 200, answer.markup().contentType() == null
                                ? "text/html; charset=utf-8" : answer.markup().contentType(), answer.markup().body());
                    } else if (answer.status() == 204) {
                        Responses.noContent(exchange);
                    } else {
                        Responses.text(exchange, answer.status(), answer.message());
                    }
                }));
    }
}
