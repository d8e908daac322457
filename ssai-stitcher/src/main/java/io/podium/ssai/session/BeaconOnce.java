package io.podium.ssai.session;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which beacon tickets have fired, so each fires once however often (and however
 * concurrently) its segment is fetched: {@link #first} is true for exactly one caller per key.
 * Bounded (the oldest keys are forgotten first) and keys are kept until their ticket expires.
 * Per node: a session's segment requests reach one node in the usual deployment (sticky by
 * session), and billing itself is idempotent across nodes (the ledger charges a charge id
 * once). Thread-safe.
 */
public final class BeaconOnce {
    private final Clock clock;
    private final int capacity;
    private final Map<String, Long> fired;

    public BeaconOnce(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.fired = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false);
    }

    /** True the first time a ticket's key is seen (until it expires); false for every repeat. */
    public synchronized boolean first(BeaconTicket ticket) {
        long now = clock.millis() / 1000;
        String key = ticket.key();
        Long seen = fired.get(key);
        if (seen != null && seen > now) {
            return false;
        }
        fired.remove(key);
        var it = fired.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> oldest = it.next();
            if (oldest.getValue() > now && fired.size() < capacity) {
                break;
            }
            it.remove();
        }
        fired.put(key, ticket.expiresAtSeconds());
        return true;
    }
}
