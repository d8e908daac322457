package io.podium.pacing.sim;

import java.time.LocalDate;

/**
 * A compressed day for the pacing harness: who spends, how much traffic, how many nodes.
 *
 * @param campaigns how many campaigns (EVEN pacing, UTC days)
 * @param nodes how many exchange nodes share the store
 * @param auctionsPerDay the exchange's auctions over the day (diurnal profile)
 * @param segments audience segments; an auction belongs to one, a campaign targets 1-4
 * @param impressionsPerCampaign the average impressions a campaign's budget buys
 * @param limitedShare share of campaigns given less supply than budget
 * @param crossNodeNotices share of billing notices that reach another node than the bid's
 * @param seed seed of every random choice of the scenario (traffic, campaigns, prices)
 * @param day the simulated day
 */
public record DayScenario(int campaigns, int nodes, long auctionsPerDay, int segments, long impressionsPerCampaign,
                          double limitedShare, double crossNodeNotices, long seed, LocalDate day) {

    /** The pacing issue's quality scenario: 200 campaigns, 4 nodes, 100 million auctions. */
    public static DayScenario standard(long seed) {
        return new DayScenario(200, 4, 100_000_000L, 400, 20_000, 0.15, 0.10, seed, LocalDate.of(2026, 11, 23));
    }

    /** A tenth of the standard day's traffic and budgets, for the test suite. */
    public static DayScenario small(long seed) {
        return new DayScenario(200, 4, 10_000_000L, 400, 2_000, 0.15, 0.10, seed, LocalDate.of(2026, 11, 23));
    }
}
