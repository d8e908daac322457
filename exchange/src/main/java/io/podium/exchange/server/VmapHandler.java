package io.podium.exchange.server;

import io.podium.exchange.video.PodAdRequest;
import io.podium.exchange.video.VmapBuilder;
import io.podium.vast.vmap.VmapWriter;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /vmap/v1/{contentId}}: the content's VMAP 1.0 playlist, pre-, mid- and post-roll
 * breaks pointing at {@code /vast/v1/pod} ({@link VmapBuilder} says where the breaks go). A
 * bad content id or query is a 400 naming the problem.
 */
final class VmapHandler implements HttpHandler {
    static final String PREFIX = "/vmap/v1";

    private final VmapBuilder builder;
    private final VmapWriter writer = new VmapWriter();

    VmapHandler(VmapBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Responses.playerGet(exchange)) {
            return;
        }
        String path = exchange.getRelativePath();
        String raw = path.startsWith("/") ? path.substring(1) : path;
        if (raw.isEmpty() || raw.contains("/")) {
            Responses.text(exchange, 404, "use " + PREFIX + "/{contentId}");
            return;
        }
        String contentId;
        try {
            contentId = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            Responses.text(exchange, 400, "content id: malformed percent-encoding");
            return;
        }
        try {
            byte[] xml = writer.write(builder.build(contentId, exchange.getQueryParameters()));
            Responses.bytes(exchange, 200, "application/xml; charset=utf-8", xml);
        } catch (PodAdRequest.BadPodRequest e) {
            Responses.text(exchange, 400, e.getMessage());
        }
    }
}
