package io.podium.simulator.day;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulated day's clock, shared by every node: it runs {@code compression} times faster than
 * the wall clock from the moment {@link #start} is called, beginning at {@code origin}. Before
 * {@link #start} it stands still at {@code origin}. Injected into the nodes as their business
 * clock (budgets, days, pacing), never for deadlines, which stay real time.
 */
public final class CompressedClock extends Clock {
    private final Instant origin;
    private final double compression;
    private volatile long startNanos = Long.MIN_VALUE;

    public CompressedClock(Instant origin, double compression) {
        if (!(compression >= 1)) {
            throw new IllegalArgumentException("compression must be at least 1, got " + compression);
        }
        this.origin = origin;
        this.compression = compression;
    }

    /** Starts the clock running now. */
    public void start() {
        startNanos = System.nanoTime();
    }

    /** Simulated milliseconds since {@code origin}. */
    public long elapsedMillis() {
        long s = startNanos;
        if (s == Long.MIN_VALUE) {
            return 0;
        }
        return (long) ((System.nanoTime() - s) / 1e6 * compression);
    }

    /** Real nanoseconds until the clock shows {@code origin + simulatedMillis} (negative when past). */
    public long realNanosUntil(long simulatedMillis) {
        return (long) ((simulatedMillis - elapsedMillis()) / compression * 1e6);
    }

    public double compression() {
        return compression;
    }

    @Override
    public long millis() {
        return origin.toEpochMilli() + elapsedMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same simulated time seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        CompressedClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public long millis() {
                return self.millis();
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
