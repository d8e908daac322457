package io.podium.simulator.replay;

import io.podium.pacing.report.DayFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Replays a day's impression opportunities through a pacing {@link Strategy}, so the report
 * can put a baseline beside Podium's own pacing on the same traffic.
 *
 * <p>For each opportunity, in time order, a campaign bids its maximum CPM when all hold: its
 * bit is set in the eligibility mask, its bid reaches the imp's floor, its remaining budget
 * covers one impression at that bid ({@code spent + ceil(maxCpm / 1000) <= budget}: an ideal
 * central counter, so a baseline never overspends), and the strategy admits it. The external
 * bid takes part when it is non-zero and reaches the floor. The auction is the exchange's
 * second price (see {@link ReplayAuction}: campaigns win ties with the external bid, between
 * campaigns the lower {@code id + "~"} wins). A campaign that wins an imp the player bills pays
 * {@code (clearing CPM + 500) / 1000}, as {@code CampaignDemand.settle} charges; an unbilled win
 * costs nothing. Deterministic for a given log, strategy and seed.
 */
public final class BaselineReplay {
    /** At most this many campaigns: the log's eligibility mask is one {@code long}. */
    public static final int MAX_CAMPAIGNS = 64;

    private BaselineReplay() {
    }

    /**
     * One campaign's replayed day.
     *
     * @param id the campaign id
     * @param spentByMinute spend in each of the day's 1,440 minutes, micros
     * @param impressions billed impressions won
     * @param figures the day's pacing figures
     */
    public record CampaignDay(String id, long[] spentByMinute, long impressions, DayFigures figures) {
    }

    /**
     * A strategy's replayed day.
     *
     * @param strategy the strategy's name
     * @param campaigns per campaign, in the order given to {@link #run}
     */
    public record Result(String strategy, List<CampaignDay> campaigns) {
    }

    /**
     * Replays the log.
     *
     * @param campaigns campaign {@code i} is bit {@code i} of the log's eligibility masks; at most 64, unique ids
     * @param incrementMicros the second-price increment, CPM micros
     * @param seed the strategy's seed
     */
    public static Result run(List<ReplayCampaign> campaigns, OpportunityLog log, Strategy strategy,
                             long incrementMicros, long seed) {
        Objects.requireNonNull(log, "log");
        int n = campaigns.size();
        if (n > MAX_CAMPAIGNS) {
            throw new IllegalArgumentException("at most " + MAX_CAMPAIGNS + " campaigns, got " + n);
        }
        if (new HashSet<>(campaigns.stream().map(ReplayCampaign::id).toList()).size() != n) {
            throw new IllegalArgumentException("campaign ids must be unique");
        }
        Day day = new Day(campaigns, strategy.start(campaigns, seed), new ReplayAuction(incrementMicros));
        log.forEachInTimeOrder(day::opportunity);
        day.advanceTo(DayFigures.MINUTES - 1);
        List<CampaignDay> days = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ReplayCampaign c = campaigns.get(i);
            days.add(new CampaignDay(c.id(), day.byMinute[i], day.impressions[i],
                    DayFigures.of(c.budgetMicros(), day.byMinute[i])));
        }
        return new Result(strategy.name(), List.copyOf(days));
    }

    /** The state of one replay. */
    private static final class Day {
        private final Strategy.Gate gate;
        private final ReplayAuction auction;
        private final long[] budgets;
        private final long[] bids;
        private final long[] maxCosts;
        private final int[] tieOrder; // campaign indexes, lower bid id first
        private final boolean[] bidding;
        private final long[] spent;
        private final long[] impressions;
        private final long[][] byMinute;
        private int minute;

        Day(List<ReplayCampaign> campaigns, Strategy.Gate gate, ReplayAuction auction) {
            int n = campaigns.size();
            this.gate = gate;
            this.auction = auction;
            budgets = campaigns.stream().mapToLong(ReplayCampaign::budgetMicros).toArray();
            bids = campaigns.stream().mapToLong(ReplayCampaign::maxCpmMicros).toArray();
            maxCosts = campaigns.stream().mapToLong(ReplayCampaign::maxCostMicros).toArray();
            tieOrder = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparing(i -> campaigns.get(i).id() + "~"))
                    .mapToInt(Integer::intValue).toArray();
            bidding = new boolean[n];
            spent = new long[n];
            impressions = new long[n];
            byMinute = new long[n][DayFigures.MINUTES];
        }

        /** Tells the strategy of every minute boundary up to the start of {@code target}. */
        void advanceTo(int target) {
            while (minute < target) {
                minute++;
                gate.minuteStarts(minute, spent);
            }
        }

        void opportunity(int second, long eligibleMask, long externalCpmMicros, long floorCpmMicros, boolean billed) {
            advanceTo(second / 60);
            for (int i = 0; i < bids.length; i++) {
                bidding[i] = (eligibleMask >>> i & 1) != 0 && bids[i] >= floorCpmMicros
                        && spent[i] + maxCosts[i] <= budgets[i] && gate.admits(i);
            }
            auction.begin(floorCpmMicros);
            for (int i : tieOrder) {
                if (bidding[i]) {
                    auction.offer(i, bids[i]);
                }
            }
            if (externalCpmMicros > 0 && externalCpmMicros >= floorCpmMicros) {
                auction.offer(ReplayAuction.EXTERNAL, externalCpmMicros);
            }
            int w = auction.winner();
            if (w >= 0 && billed) {
                long cost = (auction.clearingCpmMicros() + 500) / 1000;
                spent[w] += cost;
                byMinute[w][minute] += cost;
                impressions[w]++;
            }
        }
    }
}
