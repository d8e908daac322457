package io.podium.simulator.day;

import io.podium.simulator.replay.BaselineReplay;
import java.util.List;
import java.util.Map;

/**
 * Everything a simulated day measured; {@link SummaryWriter} turns it into {@code summary.json}
 * and {@code series.json}.
 *
 * @param podium per campaign, Podium's own pacing as Redis recorded it
 * @param potential per campaign and hour, what it could have spent ({@link Supply})
 * @param bidders per bidder over all nodes: requests, bids, timeouts, errors
 * @param chargeTotals micros of campaign billing notices by what the nodes' ledgers did with them
 * @param redisCommands commands Redis processed from the first second to the end of the tail
 * @param dspRevenueMicros what the DSPs were billed (their billing notices' prices)
 * @param opportunities imps logged for the baselines
 */
public record DayResult(Scenario scenario, List<DaySimulation.CampaignOutcome> podium, long[][] potential,
                        BaselineReplay.Result noPacing, BaselineReplay.Result throttling, DayRecorder recorder,
                        Map<String, long[]> bidders, Map<String, Long> chargeTotals, long redisCommands, long dspRevenueMicros, int opportunities,
                        double wallSeconds) {

    public boolean supplyAllows(int campaign) {
        return Supply.allows(potential[campaign], podium.get(campaign).spec().budgetMicros());
    }

    /** The worst overspend of Podium's pacing over the campaigns, micros. */
    public long maxOverspendMicros() {
        return podium.stream().mapToLong(c -> c.figures().overspendMicros()).max().orElse(0);
    }

    /** What the nodes' ledgers charged (from their reservations, for other nodes, or late from their buckets). */
    public long ledgerChargedMicros() {
        return chargeTotals.getOrDefault("charged_reservation", 0L) + chargeTotals.getOrDefault("charged_remote", 0L)
                + chargeTotals.getOrDefault("charged_from_bucket", 0L);
    }

    /**
     * The difference between what the nodes' ledgers charged and what Redis recorded, micros:
     * a charge lost on the way (a crash, an outage) or recorded twice would show here.
     */
    public long chargesLostOrDoubledMicros() {
        long spent = podium.stream().mapToLong(c -> c.figures().spentMicros()).sum();
        return Math.abs(ledgerChargedMicros() - spent);
    }

    /** Requests that ran auctions: OpenRTB, pod and SSAI sessions. */
    public long auctions() {
        return recorder.totalRequests();
    }

    public double redisCommandsPer1000Auctions() {
        return auctions() == 0 ? 0 : redisCommands * 1000.0 / auctions();
    }
}
