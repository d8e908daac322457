/**
 * Baselines for the day simulation: the impression opportunities the real exchange nodes saw
 * ({@link io.podium.simulator.replay.OpportunityLog}) are replayed through simple pacing
 * strategies ({@link io.podium.simulator.replay.NoPacing},
 * {@link io.podium.simulator.replay.ProbabilisticThrottling}) with the exchange's auction rule
 * and an ideal central budget counter, so the report shows Podium's pacing beside them.
 */
package io.podium.simulator.replay;
