/**
 * Mock DSPs for simulations and tests: {@link io.podium.simulator.dsp.MockDsp} is a real HTTP
 * bidder whose latency, bidding, prices, deals, pod bids and faults follow a
 * {@link io.podium.simulator.dsp.DspProfile} and a seed; {@link io.podium.simulator.dsp.MockDspMain}
 * starts several standalone.
 */
package io.podium.simulator.dsp;
