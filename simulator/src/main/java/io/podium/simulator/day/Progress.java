package io.podium.simulator.day;

import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The progress line while a day runs: simulated time, share done, requests, fill rate and p99 of
 * the current quarter hour, live nodes, Redis, and the last fault. Rewritten in place on a
 * terminal, a new line every ten seconds otherwise (logs, CI).
 */
final class Progress {
    private final PrintStream out;
    private final TrafficRunner runner;
    private final DayRecorder recorder;
    private final Fleet fleet;
    private final RedisHost redis;
    private final FaultPlan faults;
    private final boolean terminal = System.console() != null;
    private Thread thread;

    Progress(PrintStream out, TrafficRunner runner, DayRecorder recorder, Fleet fleet,
             RedisHost redis, FaultPlan faults) {
        this.out = out;
        this.runner = runner;
        this.recorder = recorder;
        this.fleet = fleet;
        this.redis = redis;
        this.faults = faults;
    }

    void start() {
        if (out == null) {
            return;
        }
        thread = new Thread(this::loop, "sim-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int ticks = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                ticks++;
                if (terminal) {
                    out.print("\r" + line() + "   ");
                    out.flush();
                } else if (ticks % 10 == 0) {
                    out.println(line());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String line() {
        int second = Math.min(86_399, runner.second());
        int q = DayRecorder.quarter(second);
        Histogram h = recorder.quarterLatency(q);
        long imps = recorder.imps(q);
        return String.format(Locale.ROOT, "%s %3d%%  requests %,d  fill %s  p99 %s  nodes %d/%d  redis %s%s",
                DaySimulation.clockTime(second), second * 100 / 86_400, recorder.totalRequests(),
                imps == 0 ? "-" : Math.round(recorder.filled(q) * 100.0 / imps) + "%",
                h.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", h.getValueAtPercentile(99) / 1000.0),
                fleet.live(), fleet.size(), redis.up() ? "up" : "DOWN",
                faults.last().isEmpty() ? "" : "  last fault: " + faults.last());
    }

    void stop() {
        if (thread != null) {
            thread.interrupt();
            if (terminal) {
                out.println();
            }
        }
    }
}
