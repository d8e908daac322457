package io.podium.pacing.plan;

import java.time.Instant;

/** {@code EVEN}: spend at a constant rate over the window. */
public final class EvenPlan implements PlanCurve {
    @Override
    public long plannedMicros(DayWindow window, long budgetMicros, Instant t) {
        return Math.round(budgetMicros * window.elapsed(t));
    }
}
