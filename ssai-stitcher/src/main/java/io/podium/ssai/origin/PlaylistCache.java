package io.podium.ssai.origin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Fetched playlists (content and ads), kept under the SHA-256 of their URL for a TTL, at most
 * {@code capacity} of them (least recently used out first). Concurrent requests for one URL share
 * one load; a failed load is not kept. Thread-safe.
 *
 * @param <T> what is cached: a parsed playlist
 */
public final class PlaylistCache<T> {
    private final Clock clock;
    private final long ttlMillis;
    private final int capacity;
    private final Map<String, Entry<T>> entries;

    private record Entry<T>(CompletableFuture<T> value, long expiresAtMillis) {
    }

    public PlaylistCache(Clock clock, long ttlMillis, int capacity) {
        this.clock = clock;
        this.ttlMillis = ttlMillis;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The cache key of a URL: the hex SHA-256 of its text, the same on every node. */
    public static String key(URI uri) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(uri.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached value, or the loader's (started at most once per URL while it runs). */
    public CompletableFuture<T> get(URI uri, Function<URI, CompletableFuture<T>> loader) {
        String key = key(uri);
        long now = clock.millis();
        CompletableFuture<T> created;
        synchronized (this) {
            Entry<T> e = entries.get(key);
            if (e != null && e.expiresAtMillis() > now) {
                return e.value();
            }
            created = new CompletableFuture<>();
            entries.put(key, new Entry<>(created, now + ttlMillis));
            while (entries.size() > capacity) {
                var it = entries.keySet().iterator();
                it.next();
                it.remove();
            }
        }
        loader.apply(uri).whenComplete((value, failure) -> {
            if (failure != null) {
                synchronized (this) {
                    Entry<T> e = entries.get(key);
                    if (e != null && e.value() == created) {
                        entries.remove(key);
                    }
                }
                created.completeExceptionally(failure);
            } else {
                created.complete(value);
            }
        });
        return created;
    }

    public synchronized int size() {
        return entries.size();
    }
}
