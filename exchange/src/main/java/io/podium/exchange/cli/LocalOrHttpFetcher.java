package io.podium.exchange.cli;

import io.podium.vast.wrapper.FetchException;
import io.podium.vast.wrapper.HttpVastFetcher;
import io.podium.vast.wrapper.VastFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The command line's documents: {@code file:} URIs read from disk (size-capped), http(s) through
 * {@link HttpVastFetcher} (timeout, size cap, {@code User-Agent}). The user names the inputs,
 * so any host may be fetched. Pings are not sent: the command line works offline.
 */
final class LocalOrHttpFetcher implements VastFetcher {
    private final HttpVastFetcher http;
    private final int maxBytes;

    LocalOrHttpFetcher(HttpVastFetcher http, int maxBytes) {
        this.http = http;
        this.maxBytes = maxBytes;
    }

    /** A path or a URL as a URI: paths become absolute {@code file:} URIs. */
    static URI toUri(String fileOrUrl) {
        String lower = fileOrUrl.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
            return URI.create(fileOrUrl);
        }
        return Path.of(fileOrUrl).toAbsolutePath().normalize().toUri();
    }

    @Override
    public CompletableFuture<byte[]> get(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            return http.get(uri);
        }
        try {
            Path p = Path.of(uri);
            if (Files.size(p) > maxBytes) {
                return CompletableFuture.failedFuture(new FetchException(FetchException.Kind.TOO_LARGE,
                        p + " is over the " + maxBytes + "-byte limit"));
            }
            return CompletableFuture.completedFuture(Files.readAllBytes(p));
        } catch (IOException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new FetchException(FetchException.Kind.UNAVAILABLE,
                    "cannot read " + uri + ": " + e.getMessage()));
        }
    }

    @Override
    public CompletableFuture<Void> ping(URI uri) {
        return CompletableFuture.completedFuture(null);
    }
}
