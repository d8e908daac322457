package io.podium.exchange.notice;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers handled notices so that a repeated one is acted on only once. Bounded in size
 * and in time (oldest first out). Per process: billing that must be idempotent across nodes
 * is made so by the budget ledger's own charge keys. Thread-safe.
 */
public final class NoticeDeduplicator {
    private final Clock clock;
    private final long windowMillis;
    private final int capacity;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    public NoticeDeduplicator(Clock clock, long windowMillis, int capacity) {
        this.clock = clock;
        this.windowMillis = windowMillis;
        this.capacity = capacity;
    }

    /** @return true the first time a key is offered within the window, false on repeats */
    public synchronized boolean firstTime(String key) {
        long now = clock.millis();
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> oldest = it.next();
            if (now - oldest.getValue() < windowMillis && seen.size() < capacity) {
                break;
            }
            it.remove();
        }
        return seen.putIfAbsent(key, now) == null;
    }
}
