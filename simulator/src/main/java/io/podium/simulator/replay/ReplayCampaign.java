package io.podium.simulator.replay;

import java.util.Objects;

/**
 * A campaign as the baselines replay it: it bids its maximum CPM, as Podium's campaigns do.
 * Money is micros of the exchange currency.
 *
 * @param id the campaign id; ties between campaigns go to the lower {@code id + "~"} (the
 *     exchange's lower bid id, {@code campaignId~impId})
 * @param budgetMicros the day's budget, {@code >= 0}
 * @param maxCpmMicros its bid, CPM, {@code >= 0}
 */
public record ReplayCampaign(String id, long budgetMicros, long maxCpmMicros) {
    public ReplayCampaign {
        Objects.requireNonNull(id, "id");
        if (budgetMicros < 0) {
            throw new IllegalArgumentException(id + ": budgetMicros must be >= 0, got " + budgetMicros);
        }
        if (maxCpmMicros < 0) {
            throw new IllegalArgumentException(id + ": maxCpmMicros must be >= 0, got " + maxCpmMicros);
        }
    }

    /** The most one impression can cost: the maximum CPM / 1000, rounded up. */
    public long maxCostMicros() {
        return (maxCpmMicros + 999) / 1000;
    }
}
