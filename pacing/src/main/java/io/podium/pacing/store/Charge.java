package io.podium.pacing.store;

/**
 * Money actually spent, recorded once whatever happens: {@code id} is derived from auction,
 * imp and bid, so a notice replayed a thousand times, or journaled on two nodes, is one charge.
 *
 * @param id the idempotency key
 * @param key the campaign-day it is charged to
 * @param amountMicros the clearing price, in micros of the campaign's currency (CPM / 1000)
 * @param minute minute of the campaign's local day when it was billed (for delivery reports),
 *               or -1 when not known
 */
public record Charge(String id, BudgetKey key, long amountMicros, int minute) {
    public Charge(String id, BudgetKey key, long amountMicros) {
        this(id, key, amountMicros, -1);
    }

    public Charge {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a charge needs an id");
        }
        if (amountMicros < 0) {
            throw new IllegalArgumentException("a charge cannot be negative: " + amountMicros);
        }
    }
}
