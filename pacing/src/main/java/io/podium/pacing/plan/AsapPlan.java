package io.podium.pacing.plan;

import java.time.Instant;

/** {@code ASAP}: the whole budget is due as soon as the window opens; spend as fast as traffic allows. */
public final class AsapPlan implements PlanCurve {
    @Override
    public long plannedMicros(DayWindow window, long budgetMicros, Instant t) {
        return t.isBefore(window.start()) ? 0 : budgetMicros;
    }
}
