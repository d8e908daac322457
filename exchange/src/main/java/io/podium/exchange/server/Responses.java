package io.podium.exchange.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.podium.exchange.openrtb.Problem;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers that end an exchange with a status and body. Callable from any thread. */
final class Responses {
    static final HttpString OPENRTB_VERSION = new HttpString("x-openrtb-version");
    static final HttpString NBR = new HttpString("x-openrtb-nbr");
    private static final JsonFactory JSON = new JsonFactory();

    private Responses() {
    }

    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");

    /**
     * The start of every answer to a player ({@code /vast}, {@code /vmap}, {@code /ssai}): any
     * origin may read it (web players), nothing caches it, and only GET is served.
     *
     * @return false when the request was answered 405 (not a GET)
     */
    static boolean playerGet(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*").put(Headers.CACHE_CONTROL, "no-store");
        if (!io.undertow.util.Methods.GET.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            text(exchange, 405, "use GET");
            return false;
        }
        return true;
    }

    static void noContent(HttpServerExchange exchange) {
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    /** 204 with the no-bid reason in a header: a fast no-bid that needs no body. */
    static void noBid(HttpServerExchange exchange, int nbr) {
        exchange.getResponseHeaders().put(NBR, Integer.toString(nbr));
        noContent(exchange);
    }

    static void bytes(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    static void text(HttpServerExchange exchange, int status, String body) {
        bytes(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An invalid bid request: HTTP 400 with {@code {"id":..,"nbr":2,"problems":[{"path","message"}]}}.
     */
    static void invalidRequest(HttpServerExchange exchange, String requestId, List<Problem> problems) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (requestId != null) {
                g.writeStringField("id", requestId);
            }
            g.writeNumberField("nbr", 2);
            g.writeArrayFieldStart("problems");
            for (Problem p : problems) {
                g.writeStartObject();
                g.writeStringField("path", p.path());
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes(exchange, 400, "application/json", out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
