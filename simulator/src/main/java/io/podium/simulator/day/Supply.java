package io.podium.simulator.day;

import io.podium.simulator.replay.OpportunityLog;
import io.podium.simulator.replay.ReplayCampaign;
import java.util.List;

/**
 * How much each campaign could have spent in each hour of the day: every billed opportunity it
 * was open to where its bid beats the market (the best DSP bid that arrived in time, and the
 * floor), priced as the exchange would clear it against that market alone. A campaign's
 * supply allows its even plan when the day's potential is at least {@value #AMPLE} times the
 * budget (the pacing harness's rule) and every hour's potential covers that hour's plan (a
 * twenty-fourth of the budget): a budget that needs more than the night's supply cannot be
 * spent evenly, however it is paced. Only those campaigns are held to the utilisation and
 * error targets.
 */
final class Supply {
    static final double AMPLE = 1.5;

    private Supply() {
    }

    /** Per campaign, per hour of the day: the potential spend, micros. */
    static long[][] potential(List<ReplayCampaign> campaigns, OpportunityLog log, long incrementMicros) {
        long[][] potential = new long[campaigns.size()][24];
        log.forEachInTimeOrder((second, mask, external, floor, billed) -> {
            if (!billed || mask == 0) {
                return;
            }
            long market = Math.max(external, floor);
            for (int i = 0; i < potential.length; i++) {
                long bid = campaigns.get(i).maxCpmMicros();
                if ((mask & 1L << i) != 0 && bid >= floor && bid > external) {
                    potential[i][second / 3600] += (Math.min(bid, market + incrementMicros) + 500) / 1000;
                }
            }
        });
        return potential;
    }

    static long total(long[] byHour) {
        long t = 0;
        for (long v : byHour) {
            t += v;
        }
        return t;
    }

    /** Whether the day's potential is {@value #AMPLE} times the budget and every hour's covers the hour's plan. */
    static boolean allows(long[] potentialByHour, long budgetMicros) {
        for (long v : potentialByHour) {
            if (v < budgetMicros / 24.0) {
                return false;
            }
        }
        return total(potentialByHour) >= AMPLE * budgetMicros;
    }
}
