package io.podium.exchange.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for tests that only moves when told to. Thread-safe; shared by every view made
 * with {@link #withZone}.
 */
public final class MutableClock extends Clock {
    private final Object lock;
    private final ZoneId zone;
    private Instant now;
    private final MutableClock root;

    public MutableClock(Instant start) {
        this.lock = new Object();
        this.zone = ZoneOffset.UTC;
        this.now = start;
        this.root = this;
    }

    /** Starts at an arbitrary fixed instant (2024-01-01T00:00:00Z). */
    public MutableClock() {
        this(Instant.parse("2024-01-01T00:00:00Z"));
    }

    private MutableClock(MutableClock root, ZoneId zone) {
        this.lock = root.lock;
        this.zone = zone;
        this.root = root;
    }

    public void advance(Duration d) {
        synchronized (lock) {
            root.now = root.now.plus(d);
        }
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    public void set(Instant instant) {
        synchronized (lock) {
            root.now = instant;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(root, newZone);
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return root.now;
        }
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
