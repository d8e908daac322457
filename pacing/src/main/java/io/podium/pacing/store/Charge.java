package io.podium.pacing.store;

/**
 * Money actually spent, recorded once whatever happens: {@code id} is derived from auction,
 * imp and bid, so a notice replayed a thousand times, or journaled on two nodes, is one charge.
 *
 * @param id the idempotency key
 * @param key the campaign-day it is charged to
 * @param amountMicros the clearing price, in micros of the campaign's currency (CPM / 1000)
 */
public record Charge(String id, BudgetKey key, long amountMicros) {
    public Charge {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a charge needs an id");
        }
        if (amountMicros < 0) {
            throw new IllegalArgumentException("a charge cannot be negative: " + amountMicros);
        }
    }
}
