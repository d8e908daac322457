/** Budgets: ledger, token buckets, pacing controller, Redis and Chronicle Map stores. No HTTP. */
package io.podium.pacing;
