package io.podium.exchange.config;

import java.net.URI;

/**
 * {@code server:} — the HTTP listener and its protective limits.
 *
 * @param host address to bind
 * @param port TCP port; 0 picks a free one (tests)
 * @param ioThreads Undertow IO threads (non-blocking; one per core is right)
 * @param workerThreads threads for the few blocking tasks (CLI-like admin work)
 * @param maxBodyBytes largest request body accepted on the wire
 * @param maxDecompressedBytes largest body after gzip decompression (gzip-bomb guard)
 * @param maxJsonDepth deepest JSON nesting accepted
 * @param maxConcurrentAuctions auctions in flight before new ones are shed with a fast no-bid
 * @param publicUrl the URL the outside world reaches this server at; notice URLs start with it
 */
public record ServerConfig(String host, int port, int ioThreads, int workerThreads, int maxBodyBytes,
                           int maxDecompressedBytes, int maxJsonDepth, int maxConcurrentAuctions, URI publicUrl) {

    static ServerConfig read(ConfigNode n) {
        String host = n.string("host", "0.0.0.0");
        int port = n.int32("port", 8080, 0, 65535);
        int io = n.int32("io_threads", Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 256);
        int workers = n.int32("worker_threads", 16, 1, 1024);
        int maxBody = n.int32("max_body_bytes", 256 * 1024, 1024, 64 * 1024 * 1024);
        int maxInflated = n.int32("max_decompressed_bytes", 1024 * 1024, 1024, 256 * 1024 * 1024);
        int depth = n.int32("max_json_depth", 32, 8, 256);
        int concurrent = n.int32("max_concurrent_auctions", 2000, 1, 1_000_000);
        URI publicUrl = n.url("public_url", null);
        if (maxInflated < maxBody) {
            n.problem("max_decompressed_bytes", "must be at least max_body_bytes (" + maxBody + ")");
        }
        if (publicUrl == null) {
            publicUrl = URI.create("http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port);
        }
        n.finish();
        return new ServerConfig(host, port, io, workers, maxBody, maxInflated, depth, concurrent, publicUrl);
    }
}
