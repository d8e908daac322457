package io.podium.ssai.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test sets ({@link #millis}), for expiries and TTLs without waiting. */
public final class ManualClock extends Clock {
    public volatile long millis;

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
