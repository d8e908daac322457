/** Mock DSPs, traffic generator, multi-node day simulation and reports. */
package io.podium.simulator;
