package io.podium.pacing.runtime;

import io.podium.pacing.plan.EvenPlan;
import io.podium.pacing.plan.PlanCurve;
import io.podium.pacing.plan.ShapedPlan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A campaign's traffic forecast, learnt on this node: how many opportunities it matched in
 * each hour of its local day. Once a full day has been seen, {@code SHAPED} campaigns follow
 * its shape; before that they pace evenly. Counting is one atomic increment (auction path).
 */
public final class TrafficForecast {
    private final AtomicLongArray perHour = new AtomicLongArray(24);
    private final long firstSeenMillis;

    TrafficForecast(long firstSeenMillis) {
        this.firstSeenMillis = firstSeenMillis;
    }

    void count(Instant t, ZoneId zone) {
        perHour.incrementAndGet(t.atZone(zone).getHour());
    }

    /** The plan to follow: the observed shape after a full day of observations, else even. */
    PlanCurve plan(Instant now) {
        if (now.toEpochMilli() - firstSeenMillis < 86_400_000L) {
            return new EvenPlan();
        }
        double[] weights = new double[24];
        double total = 0;
        for (int h = 0; h < 24; h++) {
            weights[h] = perHour.get(h);
            total += weights[h];
        }
        return total == 0 ? new EvenPlan() : new ShapedPlan(weights);
    }
}
