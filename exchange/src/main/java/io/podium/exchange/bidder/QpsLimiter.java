package io.podium.exchange.bidder;

import java.time.Clock;

/**
 * A token bucket that caps the requests per second sent to one bidder; it holds at most one
 * second's worth of tokens, so bursts stay within the cap. A cap of 0 means no limit.
 * Thread-safe; time from the injected clock.
 */
public final class QpsLimiter {
    private final int qps;
    private final Clock clock;
    private double tokens;
    private long lastMillis;

    public QpsLimiter(int qps, Clock clock) {
        this.qps = qps;
        this.clock = clock;
        this.tokens = qps;
        this.lastMillis = clock.millis();
    }

    public boolean tryAcquire() {
        if (qps == 0) {
            return true;
        }
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                tokens = Math.min(qps, tokens + (now - lastMillis) * qps / 1000.0);
                lastMillis = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
