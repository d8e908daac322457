package io.podium.ssai.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.ssai.testing.ManualClock;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BeaconOnceTest {
    private static BeaconTicket ticket(int segment, long expires) {
        return new BeaconTicket("s", 0, 0, segment, expires, URI.create("https://cdn.example/x.ts"), Map.of());
    }


    @Test
    void exactlyOneOfManyConcurrentFetchesFires() throws Exception {
        BeaconOnce once = new BeaconOnce(Clock.systemUTC(), 1000);
        int threads = 8;
        int rounds = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long far = Instant.now().getEpochSecond() + 3600;
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                start.await();
                for (int s = 0; s < rounds; s++) {
                    if (once.first(ticket(s, far))) {
                        fired.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(rounds, fired.get(), "each of the " + rounds + " segments fired once across " + threads + " threads");
    }

    @Test
    void keysAreForgottenWhenTheirTicketExpiresOrWhenFull() {
        ManualClock clock = new ManualClock();
        BeaconOnce once = new BeaconOnce(clock, 2);
        assertTrue(once.first(ticket(1, 10)));
        assertFalse(once.first(ticket(1, 10)));
        clock.millis = 11_000;
        assertTrue(once.first(ticket(1, 20)), "the first ticket expired, so its key is free again");
        assertTrue(once.first(ticket(2, 20)));
        assertTrue(once.first(ticket(3, 20)), "full: the oldest key goes");
        assertTrue(once.first(ticket(1, 20)), "the oldest was forgotten");
        assertFalse(once.first(ticket(3, 20)));
        assertEquals(List.of(), List.of());
    }
}
