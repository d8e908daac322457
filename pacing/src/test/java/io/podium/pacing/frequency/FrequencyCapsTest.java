package io.podium.pacing.frequency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.CampaignFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyCapsTest {
    /** The fixture's cap: 3 impressions per 86,400 s. */
    private final Campaign capped = CampaignFixtures.campaign("cmp-f", "adv", 1);
    private final Campaign uncapped = new Campaign("cmp-u", "adv", "n", Campaign.Status.ACTIVE, 1, 0, "USD", 1,
            Instant.EPOCH, null, java.time.ZoneOffset.UTC, Campaign.PacingMode.EVEN, Campaign.Targeting.any(),
            List.of(), null, 1, Instant.EPOCH);
    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void atMostTheCapInAPeriodThenFreeAgainWhenTheOldestAgesOut() {
        FrequencyCaps caps = new FrequencyCaps(100);
        assertTrue(caps.tryAcquire(capped, "u1", t0));
        assertTrue(caps.tryAcquire(capped, "u1", t0.plusSeconds(60)));
        assertTrue(caps.tryAcquire(capped, "u1", t0.plusSeconds(120)));
        assertFalse(caps.tryAcquire(capped, "u1", t0.plusSeconds(180)), "fourth in the day");
        assertTrue(caps.tryAcquire(capped, "u2", t0.plusSeconds(180)), "another user is counted apart");
        assertFalse(caps.tryAcquire(capped, "u1", t0.plus(Duration.ofSeconds(86_399))));
        assertTrue(caps.tryAcquire(capped, "u1", t0.plus(Duration.ofSeconds(86_400))), "the first has aged out");
    }

    @Test
    void aLostBidGivesItsSlotBack() {
        FrequencyCaps caps = new FrequencyCaps(100);
        for (int i = 0; i < 3; i++) {
            assertTrue(caps.tryAcquire(capped, "u1", t0));
        }
        caps.release(capped, "u1");
        assertTrue(caps.tryAcquire(capped, "u1", t0));
        assertFalse(caps.tryAcquire(capped, "u1", t0));
    }

    @Test
    void withoutAUserACappedCampaignDoesNotBidAndAnUncappedOneAlways() {
        FrequencyCaps caps = new FrequencyCaps(100);
        assertFalse(caps.tryAcquire(capped, null, t0));
        assertFalse(caps.tryAcquire(capped, "", t0));
        for (int i = 0; i < 10; i++) {
            assertTrue(caps.tryAcquire(uncapped, null, t0));
        }
        assertEquals(0, caps.size());
    }

    @Test
    void whenFullNewUsersAreRefusedUntilEntriesExpire() {
        FrequencyCaps caps = new FrequencyCaps(2);
        assertTrue(caps.tryAcquire(capped, "a", t0));
        assertTrue(caps.tryAcquire(capped, "b", t0));
        assertFalse(caps.tryAcquire(capped, "c", t0), "never exceed the cap to save memory");
        assertTrue(caps.tryAcquire(capped, "a", t0), "known users still counted");
        assertTrue(caps.tryAcquire(capped, "c", t0.plus(Duration.ofDays(1))), "expired pairs are swept");
        assertEquals(1, caps.size());
    }

    @Test
    void concurrentAuctionsForOneUserNeverOvershoot() throws Exception {
        FrequencyCaps caps = new FrequencyCaps(100);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(() -> {
                    for (int j = 0; j < 1000; j++) {
                        if (caps.tryAcquire(capped, "u", t0)) {
                            granted.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(3, granted.get());
    }
}
