package io.podium.exchange.testing;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;

/**
 * A test HTTP server (origin, DSP) on a free loopback port whose handler runs on a worker
 * thread, so it may block (read the body, sleep).
 */
public final class LoopbackServer implements AutoCloseable {
    private final Undertow server;
    /** {@code http://127.0.0.1:<port>} */
    public final String base;

    public LoopbackServer(HttpHandler blockingHandler) {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                blockingHandler.handleRequest(exchange);
            }
        }).build();
        server.start();
        base = "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
