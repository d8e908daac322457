package io.podium.ssai.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podium.ssai.testing.ManualClock;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlaylistCacheTest {

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger loads = new AtomicInteger();

    private CompletableFuture<String> load(URI u) {
        return CompletableFuture.completedFuture(u.getPath() + "#" + loads.incrementAndGet());
    }

    @Test
    void aUrlIsLoadedOncePerTtlAndConcurrentLoadsAreShared() throws Exception {
        PlaylistCache<String> cache = new PlaylistCache<>(clock, 1000, 10);
        URI a = URI.create("https://cdn.example/a.m3u8");
        assertEquals("/a.m3u8#1", cache.get(a, this::load).get());
        assertEquals("/a.m3u8#1", cache.get(a, this::load).get());
        clock.millis = 1000;
        assertEquals("/a.m3u8#2", cache.get(a, this::load).get(), "after the TTL it is loaded again");
        CompletableFuture<String> pending = new CompletableFuture<>();
        URI b = URI.create("https://cdn.example/b.m3u8");
        CompletableFuture<String> first = cache.get(b, u -> pending);
        CompletableFuture<String> second = cache.get(b, u -> {
            throw new AssertionError("a second load while the first runs");
        });
        pending.complete("b");
        assertEquals("b", first.get());
        assertSame(first, second);
    }

    @Test
    void failuresAreNotKeptAndTheCacheIsBounded() throws Exception {
        PlaylistCache<String> cache = new PlaylistCache<>(clock, 60_000, 2);
        URI a = URI.create("https://cdn.example/a.m3u8");
        assertThrows(ExecutionException.class,
                () -> cache.get(a, u -> CompletableFuture.failedFuture(new IllegalStateException("down"))).get());
        assertEquals("/a.m3u8#1", cache.get(a, this::load).get());
        cache.get(URI.create("https://cdn.example/b.m3u8"), this::load).get();
        cache.get(URI.create("https://cdn.example/c.m3u8"), this::load).get();
        assertEquals(2, cache.size());
        assertEquals("/a.m3u8#4", cache.get(a, this::load).get(), "the least recently used went first");
        assertEquals(64, PlaylistCache.key(a).length());
        assertEquals(PlaylistCache.key(a), PlaylistCache.key(URI.create("https://cdn.example/a.m3u8")));
    }
}
