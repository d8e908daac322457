package io.podium.pacing.plan;

import java.time.Instant;

/**
 * {@code SHAPED}: spend in proportion to the traffic forecast. The forecast gives the
 * expected share of a day's traffic in each of {@code n} equal slices of the local day
 * (24 for hours, 96 for quarter hours, ...); the plan follows its cumulative distribution,
 * linear inside a slice, restricted to the campaign's window and scaled to the budget.
 */
public final class ShapedPlan implements PlanCurve {
    private final double[] cumulative;

    /** @param forecast non-negative weights per slice of the local day, not all zero */
    public ShapedPlan(double[] forecast) {
        if (forecast.length == 0) {
            throw new IllegalArgumentException("the forecast needs at least one slice");
        }
        double total = 0;
        for (double w : forecast) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("forecast weights must be finite and non-negative");
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("the forecast cannot be all zero");
        }
        cumulative = new double[forecast.length + 1];
        for (int i = 0; i < forecast.length; i++) {
            cumulative[i + 1] = cumulative[i] + forecast[i] / total;
        }
        cumulative[forecast.length] = 1.0;
    }

    /** The forecast's share of the day's traffic up to the day fraction {@code f}. */
    double share(double f) {
        int n = cumulative.length - 1;
        double x = Math.max(0, Math.min(1, f)) * n;
        int i = Math.min(n - 1, (int) x);
        return cumulative[i] + (cumulative[i + 1] - cumulative[i]) * (x - i);
    }

    @Override
    public long plannedMicros(DayWindow window, long budgetMicros, Instant t) {
        double from = share(window.dayFraction(window.start()));
        double to = share(window.dayFraction(window.end()));
        if (to <= from) {
            return new EvenPlan().plannedMicros(window, budgetMicros, t);
        }
        double now = share(window.dayFraction(t.isBefore(window.start()) ? window.start()
                : t.isAfter(window.end()) ? window.end() : t));
        return Math.round(budgetMicros * (now - from) / (to - from));
    }
}
