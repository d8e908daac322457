package io.podium.simulator.day;

import io.podium.simulator.dsp.MockDsp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario's faults as events at simulated seconds: each is run, when its second comes, on a
 * thread of its own so that a slow restart never holds the traffic back.
 */
final class FaultPlan implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultPlan.class);

    /** One thing to do at a simulated second. */
    private record Event(int second, String what, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private final List<Event> events = new ArrayList<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sim-faults");
        t.setDaemon(true);
        return t;
    });
    private int nextEvent;
    private volatile String active = "";

    FaultPlan(List<Scenario.FaultSpec> faults, RedisHost redis, Fleet fleet, Map<String, MockDsp> dsps) {
        for (Scenario.FaultSpec f : faults) {
            switch (f.kind()) {
                case Scenario.FaultSpec.REDIS_OUTAGE -> {
                    events.add(new Event(f.fromSecond(), "Redis killed", redis::kill));
                    events.add(new Event(f.toSecond(), "Redis restarted", redis::restart));
                }
                case Scenario.FaultSpec.NODE_KILL -> {
                    events.add(new Event(f.fromSecond(), "node " + f.node() + " killed", () -> fleet.kill(f.node())));
                    events.add(new Event(f.toSecond(), "node " + f.node() + " restarted", () -> fleet.restart(f.node())));
                }
                case Scenario.FaultSpec.DSP_SLOWDOWN -> {
                    MockDsp d = dsps.get(f.dsp());
                    events.add(new Event(f.fromSecond(), f.dsp() + " slowed ×" + f.factor(), () -> d.slowdown(f.factor())));
                    events.add(new Event(f.toSecond(), f.dsp() + " back to speed", () -> d.slowdown(1)));
                }
                default -> throw new IllegalArgumentException("unknown fault " + f.kind());
            }
        }
        events.sort(Comparator.comparingInt(Event::second));
    }

    /** Starts the events whose second has come. */
    void due(int second) {
        while (nextEvent < events.size() && events.get(nextEvent).second() <= second) {
            Event e = events.get(nextEvent++);
            runner.execute(() -> {
                try {
                    e.action().run();
                    active = e.what();
                    LOG.warn("simulated fault at {}: {}", DaySimulation.clockTime(e.second()), e.what());
                } catch (Exception ex) {
                    LOG.error("fault '{}' failed: {}", e.what(), ex.toString());
                }
            });
        }
    }

    /** The last fault event that happened, for the progress line. */
    String last() {
        return active;
    }

    @Override
    public void close() throws InterruptedException {
        runner.shutdown();
        runner.awaitTermination(30, TimeUnit.SECONDS);
    }
}
