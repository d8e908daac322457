/**
 * The simulation report: reads {@code summary.json} and {@code series.json} from a run's output
 * directory and writes four PNG charts and a self-contained {@code index.html} next to them.
 * Entry point: {@link io.podium.simulator.report.ReportWriter#write(java.nio.file.Path)}.
 */
package io.podium.simulator.report;
