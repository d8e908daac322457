package io.podium.exchange.auction;

/**
 * When an auction must be answered, on the monotonic {@link System#nanoTime()} scale.
 * Deadlines are real time on purpose: bidders are real servers on a real network, even when
 * the business clock (budgets, days) is simulated.
 *
 * @param arrivalNanos when the request arrived
 * @param deadlineNanos when the response must be on its way: arrival + min(tmax, cap) - margin
 */
public record Deadline(long arrivalNanos, long deadlineNanos) {

    public static Deadline of(long arrivalNanos, int tmaxMs, int capMs, int marginMs) {
        long budgetMs = Math.min(tmaxMs, capMs) - (long) marginMs;
        return new Deadline(arrivalNanos, arrivalNanos + Math.max(0, budgetMs) * 1_000_000L);
    }

    public long remainingNanos(long nowNanos) {
        return deadlineNanos - nowNanos;
    }

    /** Whole milliseconds left, floored at zero: what a bidder is told as its {@code tmax}. */
    public int remainingMillis(long nowNanos) {
        long ms = remainingNanos(nowNanos) / 1_000_000L;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, ms));
    }
}
