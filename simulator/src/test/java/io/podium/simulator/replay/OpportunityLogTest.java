package io.podium.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OpportunityLogTest {
    private record Entry(int second, long mask, long external, long floor, boolean billed) {
    }

    private static List<Entry> entries(OpportunityLog log) {
        List<Entry> out = new ArrayList<>();
        log.forEachInTimeOrder((s, m, e, f, b) -> out.add(new Entry(s, m, e, f, b)));
        return out;
    }

    @Test
    void iteratesInTimeOrderKeepingAppendOrderWithinASecond() {
        OpportunityLog log = new OpportunityLog(16);
        log.append(86_399, 1, 0, 0, true);
        log.append(10, 2, 5, 1, false);
        log.append(0, 3, 0, 2, true);
        log.append(10, 4, 6, 3, true);
        log.append(10, 5, 7, 4, false);

        assertEquals(5, log.size());
        assertEquals(List.of(new Entry(0, 3, 0, 2, true), new Entry(10, 2, 5, 1, false), new Entry(10, 4, 6, 3, true),
                new Entry(10, 5, 7, 4, false), new Entry(86_399, 1, 0, 0, true)), entries(log));
    }

    @Test
    void growsPastItsInitialCapacity() {
        OpportunityLog log = new OpportunityLog(1);
        for (int i = 0; i < 100_000; i++) {
            log.append(86_399 - i % 86_400, i, i, i, i % 2 == 0);
        }
        List<Entry> all = entries(log);
        assertEquals(100_000, all.size());
        for (int k = 1; k < all.size(); k++) {
            assertTrue(all.get(k - 1).second() <= all.get(k).second());
        }
    }

    @Test
    void rejectsSecondsOutsideTheDayAndNegativePrices() {
        OpportunityLog log = new OpportunityLog();
        assertThrows(IllegalArgumentException.class, () -> log.append(-1, 0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> log.append(86_400, 0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> log.append(0, 0, -1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> log.append(0, 0, 0, -1, true));
        assertEquals(0, log.size());
    }

    @Test
    void fourThreadsAppendingLoseNothing() throws Exception {
        OpportunityLog log = new OpportunityLog(16);
        int perThread = 100_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        // mask = thread, external = sequence number within the thread
                        log.append(i % 86_400, thread, i, thread * 1_000 + 1, i % 3 != 0);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(4 * perThread, log.size());
        boolean[][] seen = new boolean[4][perThread];
        long[] lastInSecond = new long[4 * 86_400];
        java.util.Arrays.fill(lastInSecond, -1);
        for (Entry e : entries(log)) {
            int t = (int) e.mask();
            int i = (int) e.external();
            assertEquals(i % 86_400, e.second());
            assertEquals(t * 1_000L + 1, e.floor());
            assertEquals(i % 3 != 0, e.billed());
            assertTrue(!seen[t][i], "entry " + t + "/" + i + " twice");
            seen[t][i] = true;
            // a thread's entries of one second come in its append order (the sort is stable)
            int slot = t * 86_400 + e.second();
            assertTrue(lastInSecond[slot] < i);
            lastInSecond[slot] = i;
        }
        for (boolean[] thread : seen) {
            for (boolean s : thread) {
                assertTrue(s);
            }
        }
    }
}
