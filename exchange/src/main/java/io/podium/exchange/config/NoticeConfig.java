package io.podium.exchange.config;

/**
 * {@code notices:} — Podium's signed win/billing notice URLs and their forwarding.
 *
 * @param secret HMAC key for notice URLs; every node of one deployment must share it. When
 *               empty, a random key is made at start (notices then only verify on that
 *               process, which is fine for one node and tests, and logged as a warning)
 * @param forwardTimeoutMs timeout of each call to a DSP's own nurl/burl/lurl
 * @param dedupeWindowSeconds how long a handled notice is remembered to refuse a repeat
 * @param dedupeCapacity how many handled notices are remembered at most
 * @param maxAgeSeconds a notice older than this is refused (its auction is stale)
 */
public record NoticeConfig(String secret, int forwardTimeoutMs, int dedupeWindowSeconds,
                           int dedupeCapacity, int maxAgeSeconds) {

    static NoticeConfig read(ConfigNode n) {
        String secret = n.string("secret", "");
        if (!secret.isEmpty() && secret.length() < 16) {
            n.problem("secret", "must be at least 16 characters long");
        }
        int timeout = n.int32("forward_timeout_ms", 2000, 10, 60_000);
        int window = n.int32("dedupe_window_seconds", 86_400, 1, 7 * 86_400);
        int capacity = n.int32("dedupe_capacity", 1_000_000, 1000, 100_000_000);
        int maxAge = n.int32("max_age_seconds", 86_400, 1, 30 * 86_400);
        n.finish();
        return new NoticeConfig(secret, timeout, window, capacity, maxAge);
    }
}
