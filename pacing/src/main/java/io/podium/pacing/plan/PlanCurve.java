package io.podium.pacing.plan;

import java.time.Instant;

/**
 * How much of a day's budget should have been spent by a given moment: a non-decreasing
 * function from 0 at the start of the window to the whole budget at its end.
 */
public interface PlanCurve {
    /** The planned cumulative spend at {@code t}, in micros, for a daily budget of {@code budgetMicros}. */
    long plannedMicros(DayWindow window, long budgetMicros, Instant t);
}
