package io.podium.exchange.server;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP bidder on loopback for tests. Its behaviour decides what it answers to the
 * request body it receives; it records every request body and every notice URL it is sent.
 */
final class MockBidder implements AutoCloseable {
    enum Behaviour { BID, NO_BID, HANG, TRICKLE, GARBAGE, ERROR_500, CLOSE }

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger gzipped = new AtomicInteger();
    private static final io.podium.exchange.openrtb.OpenRtbJsonCodec CODEC = new io.podium.exchange.openrtb.OpenRtbJsonCodec();
    private final Undertow server;
    private final int port;
    volatile Behaviour behaviour;
    /** How long BID waits before answering. */
    volatile int delayMs;
    volatile Function<String, String> answer;

    MockBidder(Behaviour behaviour, Function<String, String> answer) {
        this.behaviour = behaviour;
        this.answer = answer;
        this.server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(4)
                .setHandler(this::handle).build();
        server.start();
        this.port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/bid");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private void handle(HttpServerExchange exchange) {
        if (exchange.getRequestPath().startsWith("/notice")) {
            notices.add(exchange.getRequestURI() + "?" + exchange.getQueryString());
            exchange.setStatusCode(200);
            exchange.getResponseSender().send("<markup-from-nurl/>");
            return;
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this::handle);
            return;
        }
        exchange.startBlocking();
        String body;
        boolean protobuf = String.valueOf(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE)).contains("protobuf");
        try {
            byte[] raw = exchange.getInputStream().readAllBytes();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst(Headers.CONTENT_ENCODING))) {
                raw = io.podium.exchange.openrtb.Gzip.decompress(raw, 10_000_000);
                gzipped.incrementAndGet();
            }
            body = protobuf ? new String(CODEC.encode(io.podium.openrtb.BidRequest.parseFrom(raw)), StandardCharsets.UTF_8)
                    : new String(raw, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return;
        }
        requests.add(body);
        calls.incrementAndGet();
        try {
            switch (behaviour) {
                case BID:
                    if (delayMs > 0) {
                        Thread.sleep(delayMs);
                    }
                    if (protobuf) {
                        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/x-protobuf");
                        exchange.getResponseSender().send(ByteBuffer.wrap(CODEC.decodeResponse(
                                answer.apply(body).getBytes(StandardCharsets.UTF_8)).toByteArray()));
                    } else {
                        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                        exchange.getResponseSender().send(answer.apply(body));
                    }
                    break;
                case NO_BID:
                    exchange.setStatusCode(204);
                    break;
                case HANG:
                    Thread.sleep(3000);
                    exchange.setStatusCode(204);
                    break;
                case TRICKLE:
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 2000);
                    for (int i = 0; i < 30; i++) {
                        exchange.getOutputStream().write('{');
                        exchange.getOutputStream().flush();
                        Thread.sleep(100);
                    }
                    break;
                case GARBAGE:
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send(ByteBuffer.wrap("{\"id\": [garbage".getBytes(StandardCharsets.UTF_8)));
                    break;
                case ERROR_500:
                    exchange.setStatusCode(500);
                    exchange.getResponseSender().send("boom");
                    break;
                case CLOSE:
                    exchange.getConnection().close();
                    break;
                default:
                    break;
            }
        } catch (Exception e) {
            // the exchange under test may have hung up; nothing to do
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
