package io.podium.pacing.ledger;

import io.podium.pacing.store.BudgetKey;

/**
 * A bid's maximum price held back from a campaign's local bucket until its billing notice
 * settles it or it expires.
 *
 * @param chargeId auction, imp and bid: the charge this may become
 * @param reservedMicros what was held back (the bid's maximum cost of one impression)
 * @param expiresAtMillis after this the reservation is reconciled with the store
 * @param lifetimeKey the campaign's lifetime pool the same amount is held from, or null when
 *     the campaign has no lifetime budget
 */
public record Reservation(String chargeId, BudgetKey key, long reservedMicros, long expiresAtMillis,
                          BudgetKey lifetimeKey) {
}
