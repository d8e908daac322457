package io.podium.exchange.bidder;

import io.podium.exchange.config.CircuitBreakerConfig;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cuts off a bidder that keeps failing and lets it back in gradually.
 *
 * <p>CLOSED: every call goes through; {@code failureThreshold} consecutive failures open it.
 * OPEN: nothing goes through for {@code openMs}. RAMPING: the share of calls let through
 * grows linearly from {@code rampStartPercent} to 100% over {@code rampMs}; a failure opens
 * it again, reaching the end of the ramp closes it. Thread-safe; time from the injected clock.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, RAMPING }

    private final CircuitBreakerConfig config;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAtMillis;

    public CircuitBreaker(CircuitBreakerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether a call may go out now. */
    public synchronized boolean allow() {
        long now = clock.millis();
        advance(now);
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN) {
            return false;
        }
        return ThreadLocalRandom.current().nextDouble() * 100 < rampPercent(now);
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        advance(clock.millis());
    }

    public synchronized void onFailure() {
        long now = clock.millis();
        advance(now);
        consecutiveFailures++;
        if (state == State.RAMPING || state == State.CLOSED && consecutiveFailures >= config.failureThreshold()) {
            state = State.OPEN;
            openedAtMillis = now;
        }
    }

    public synchronized State state() {
        advance(clock.millis());
        return state;
    }

    /** The share of calls let through now, in percent. */
    synchronized double rampPercent(long now) {
        long since = now - openedAtMillis - config.openMs();
        if (config.rampMs() == 0 || since >= config.rampMs()) {
            return 100;
        }
        return config.rampStartPercent() + (100.0 - config.rampStartPercent()) * since / config.rampMs();
    }

    private void advance(long now) {
        if (state == State.OPEN && now - openedAtMillis >= config.openMs()) {
            state = State.RAMPING;
            consecutiveFailures = 0;
        }
        if (state == State.RAMPING && now - openedAtMillis - config.openMs() >= config.rampMs()) {
            state = State.CLOSED;
        }
    }
}
