package io.podium.exchange.config;

/**
 * {@code circuit_breaker:} — how a failing bidder is cut off and let back in.
 *
 * @param failureThreshold consecutive failures (error, timeout, bad response) that open it
 * @param openMs how long an open breaker sends the bidder nothing
 * @param rampMs after that, the share of requests let through grows linearly from
 *               {@code rampStartPercent} to 100% over this time; a failure meanwhile
 *               opens it again
 * @param rampStartPercent the share let through when the ramp starts
 */
public record CircuitBreakerConfig(int failureThreshold, int openMs, int rampMs, int rampStartPercent) {

    static CircuitBreakerConfig read(ConfigNode n) {
        CircuitBreakerConfig c = new CircuitBreakerConfig(
                n.int32("failure_threshold", 20, 1, 1_000_000),
                n.int32("open_ms", 5_000, 1, 3_600_000),
                n.int32("ramp_ms", 10_000, 0, 3_600_000),
                n.int32("ramp_start_percent", 10, 1, 100));
        n.finish();
        return c;
    }
}
