package io.podium.pacing.control;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps one campaign-day's cumulative spend on its plan by throttling: each auction the
 * campaign could bid in is let through with probability {@link #passRate()}.
 *
 * <p>Every control interval the caller reports the planned spend now and at the end of the
 * next interval, and the actual spend. The controller estimates what the campaign would
 * spend in one interval with nothing throttled (the last interval's spend divided by the pass
 * rate it ran at, smoothed), and sets the pass rate so that the next interval's spend closes
 * the gap to the plan: {@code rate = (planNext - spent) / potential}, bounded to
 * [{@code minRate}, 1]. With no spend observed yet the rate doubles each interval.
 *
 * <p>{@link #admit()} is the auction-path check: one volatile read and one random draw.
 */
public final class PacingController {
    private final double minRate;
    private final double smoothing;
    private volatile double passRate;
    private double potentialPerInterval = Double.NaN;

    /**
     * @param initialRate the pass rate before any feedback
     * @param minRate the lowest pass rate (keeps a trickle of signal about supply)
     * @param smoothing weight of the newest observation in the potential estimate, (0, 1]
     */
    public PacingController(double initialRate, double minRate, double smoothing) {
        if (!(minRate > 0 && minRate <= 1) || !(initialRate >= minRate && initialRate <= 1)
                || !(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("rates must satisfy 0 < minRate <= initialRate <= 1, 0 < smoothing <= 1");
        }
        this.minRate = minRate;
        this.smoothing = smoothing;
        this.passRate = initialRate;
    }

    /** Auction path: whether this opportunity is let through. */
    public boolean admit() {
        double p = passRate;
        return p >= 1.0 || ThreadLocalRandom.current().nextDouble() < p;
    }

    public double passRate() {
        return passRate;
    }

    /**
     * One control step.
     *
     * @param spentMicros cumulative spend of the day so far
     * @param spentLastIntervalMicros spend during the interval that just ended
     * @param plannedNextMicros planned cumulative spend at the end of the next interval
     */
    public synchronized void update(long spentMicros, long spentLastIntervalMicros, long plannedNextMicros) {
        double p = passRate;
        if (spentLastIntervalMicros > 0) {
            double observed = spentLastIntervalMicros / p;
            potentialPerInterval = Double.isNaN(potentialPerInterval) ? observed
                    : smoothing * observed + (1 - smoothing) * potentialPerInterval;
        }
        long need = plannedNextMicros - spentMicros;
        double next;
        if (need <= 0) {
            next = minRate;
        } else if (Double.isNaN(potentialPerInterval) || potentialPerInterval <= 0) {
            next = Math.min(1.0, p * 2);
        } else {
            next = need / potentialPerInterval;
        }
        passRate = Math.max(minRate, Math.min(1.0, next));
    }
}
