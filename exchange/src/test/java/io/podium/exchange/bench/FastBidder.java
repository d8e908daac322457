package io.podium.exchange.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A bidder for load tests that answers at once, on its IO thread, with one bid for imp "1".
 * It reads the request id with a string search instead of a JSON parser so that the load
 * test measures Podium, not the bidder.
 */
final class FastBidder implements AutoCloseable {
    private final Undertow server;
    private final int port;
    private final String seat;
    private final double price;

    FastBidder(String seat, double price) {
        this.seat = seat;
        this.price = price;
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(1)
                .setHandler(this::handle).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/bid");
    }

    private void handle(HttpServerExchange exchange) {
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            int start = text.indexOf("\"id\":\"") + 6;
            String id = text.substring(start, text.indexOf('"', start));
            String answer = "{\"id\":\"" + id + "\",\"cur\":\"USD\",\"seatbid\":[{\"seat\":\"" + seat + "\",\"bid\":[{\"id\":\""
                    + seat + "-1\",\"impid\":\"1\",\"price\":" + price + ",\"crid\":\"cr-" + seat
                    + "\",\"adomain\":[\"" + seat + ".example\"],\"adm\":\"<div>ad ${AUCTION_PRICE}</div>\","
                    + "\"nurl\":\"http://127.0.0.1:9/win?p=${AUCTION_PRICE}\"}]}]}";
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            ex.getResponseSender().send(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Override
    public void close() {
        server.stop();
    }
}
