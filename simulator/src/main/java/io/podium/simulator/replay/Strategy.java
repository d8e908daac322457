package io.podium.simulator.replay;

import java.util.List;

/**
 * A pacing strategy the baselines replay: it decides, opportunity by opportunity, which
 * campaigns bid. Budget is not its business: the replay lets a campaign through to the
 * strategy only when it is eligible for the imp, its bid reaches the floor and its remaining
 * budget covers one impression at its maximum CPM.
 */
public interface Strategy {
    /** The name the report uses ({@code no_pacing}, {@code throttling}). */
    String name();

    /**
     * A fresh gate for one replay of a day.
     *
     * @param campaigns the replayed campaigns; campaign {@code i} of the gate is {@code campaigns.get(i)}
     * @param seed the seed of any randomness the strategy uses
     */
    Gate start(List<ReplayCampaign> campaigns, long seed);

    /** The strategy's state during one replay. Used by one thread. */
    interface Gate {
        /**
         * Minute {@code minute} (1..1439) of the day starts; called once per minute, in order,
         * before the minute's opportunities.
         *
         * @param cumulativeSpentMicros each campaign's spend since the start of the day (read only)
         */
        void minuteStarts(int minute, long[] cumulativeSpentMicros);

        /** Whether campaign {@code campaign} bids on the current opportunity. */
        boolean admits(int campaign);
    }
}
