package io.podium.simulator.day;

import io.podium.simulator.replay.OpportunityLog;
import io.podium.simulator.replay.ReplayCampaign;
import java.util.List;

/**
 * How much each campaign could have spent over the day: every billed opportunity it was open
 * to where its bid beats the market (the best DSP bid that arrived in time, or the floor),
 * priced as the exchange would clear it against that market alone. A campaign's supply allows
 * its budget when this potential is at least {@value #AMPLE} times the budget: only those
 * campaigns are held to the utilisation and error targets.
 */
final class Supply {
    static final double AMPLE = 1.5;

    private Supply() {
    }

    static long[] potential(List<ReplayCampaign> campaigns, OpportunityLog log, long incrementMicros) {
        long[] potential = new long[campaigns.size()];
        log.forEachInTimeOrder((second, mask, external, floor, billed) -> {
            if (!billed || mask == 0) {
                return;
            }
            long market = Math.max(external, floor);
            for (int i = 0; i < potential.length; i++) {
                long bid = campaigns.get(i).maxCpmMicros();
                if ((mask & 1L << i) != 0 && bid >= floor && bid > external) {
                    potential[i] += (Math.min(bid, market + incrementMicros) + 500) / 1000;
                }
            }
        });
        return potential;
    }

    static boolean allows(long potentialMicros, long budgetMicros) {
        return potentialMicros >= AMPLE * budgetMicros;
    }
}
