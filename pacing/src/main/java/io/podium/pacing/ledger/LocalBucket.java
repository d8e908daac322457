package io.podium.pacing.ledger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The budget one node holds for one campaign-day: micros leased from the shared store and
 * not yet reserved by a bid. Lock-free; {@link #tryTake} is the whole cost of the pacing gate
 * on the auction path (one CAS, no I/O).
 */
public final class LocalBucket {
    private final AtomicLong available = new AtomicLong();

    /** Takes {@code micros} if that much is available; never goes below zero. */
    public boolean tryTake(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("negative amount " + micros);
        }
        while (true) {
            long now = available.get();
            if (now < micros) {
                return false;
            }
            if (available.compareAndSet(now, now - micros)) {
                return true;
            }
        }
    }

    /** Adds leased or released micros. */
    public void put(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("negative amount " + micros);
        }
        available.addAndGet(micros);
    }

    /** Takes everything (to give it back to the store); returns how much. */
    public long drain() {
        return available.getAndSet(0);
    }

    public long available() {
        return available.get();
    }
}
