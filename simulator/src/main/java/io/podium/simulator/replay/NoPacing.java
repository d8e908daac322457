package io.podium.simulator.replay;

import java.util.List;

/** No pacing: every eligible campaign bids while its budget lasts, so it spends as fast as traffic allows. */
public final class NoPacing implements Strategy {
    /** The report's name for this strategy. */
    public static final String NAME = "no_pacing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Gate start(List<ReplayCampaign> campaigns, long seed) {
        return new Gate() {
            @Override
            public void minuteStarts(int minute, long[] cumulativeSpentMicros) {
            }

            @Override
            public boolean admits(int campaign) {
                return true;
            }
        };
    }
}
