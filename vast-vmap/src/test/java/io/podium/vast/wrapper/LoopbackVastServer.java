package io.podium.vast.wrapper;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port serving VAST documents by path,
 * counting requests and recording every call to {@code /ping...} (error pings).
 */
final class LoopbackVastServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, Long> delaysMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final BlockingQueue<String> pings = new LinkedBlockingQueue<>();

    LoopbackVastServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-vast");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            if (path.startsWith("/ping")) {
                pings.add(exchange.getRequestURI().toString() + " UA=" + exchange.getRequestHeaders().getFirst("User-Agent"));
            }
            Long delay = delaysMillis.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = documents.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(path.startsWith("/ping") ? 204 : 404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the client hung up (size cap): nothing to do
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    LoopbackVastServer serve(String path, String document) {
        documents.put(path, document.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    LoopbackVastServer serve(String path, byte[] document) {
        documents.put(path, document);
        return this;
    }

    LoopbackVastServer delay(String path, long millis) {
        delaysMillis.put(path, millis);
        return this;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The next ping's request URI, waiting for it (pings are sent without waiting for answers). */
    String nextPing() throws InterruptedException {
        String p = pings.poll(10, TimeUnit.SECONDS);
        if (p == null) {
            throw new AssertionError("no error ping arrived");
        }
        return p;
    }

    /** Waits for {@code n} pings and returns them, sorted. */
    List<String> pings(int n) throws InterruptedException {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(nextPing());
        }
        out.sort(null);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
