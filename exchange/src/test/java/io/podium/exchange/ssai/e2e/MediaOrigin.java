package io.podium.exchange.ssai.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP origin serving a directory under {@code /media/}: GET and HEAD of its files with
 * the content type of their extension, 404 for anything else. Records every path asked for.
 */
final class MediaOrigin implements AutoCloseable {
    final List<String> hits = new CopyOnWriteArrayList<>();
    final String base;
    private final Path root;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    MediaOrigin(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            hits.add(path);
            String method = exchange.getRequestMethod();
            Path file = path.startsWith("/media/") && !path.contains("..")
                    ? root.resolve(path.substring("/media/".length())).normalize() : null;
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
            if ("HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (n.endsWith(".ts")) {
            return "video/mp2t";
        }
        if (n.endsWith(".m4s")) {
            return "video/iso.segment";
        }
        if (n.endsWith(".mp4")) {
            return "video/mp4";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
