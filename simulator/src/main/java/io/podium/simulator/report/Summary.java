package io.podium.simulator.report;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code summary.json}. Every field the JSON may leave out is {@code null} here
 * (boxed numbers, strings); lists and maps are empty instead of absent.
 *
 * @param campaigns per-campaign results by strategy: {@link Strategy#PODIUM} from the top-level
 *                  {@code campaigns}, the baselines from {@code baselines.<key>.campaigns}; a
 *                  strategy whose section is absent has no entry
 */
public record Summary(Scenario scenario, List<FaultWindow> faults, Map<Strategy, List<CampaignResult>> campaigns,
        Overall overall) {

    public Summary {
        faults = List.copyOf(faults);
        campaigns = Map.copyOf(campaigns);
    }

    /** Campaign results of one strategy; empty when the strategy is absent from the JSON. */
    public List<CampaignResult> campaigns(Strategy strategy) {
        return campaigns.getOrDefault(strategy, List.of());
    }

    public boolean has(Strategy strategy) {
        return campaigns.containsKey(strategy);
    }

    public record Scenario(String name, Long seed, String day, Long nodes, Double wallSeconds) {
    }

    /** One injected fault; {@code from}/{@code to} are simulated wall-clock times {@code HH:MM}. */
    public record FaultWindow(String kind, String from, String to, String detail) {
    }

    /**
     * One campaign's day under one strategy.
     *
     * @param utilisation    spent / budget (a fraction, 1.0 = all spent)
     * @param cumulativeRmse error of cumulative spend against the plan, as the simulation computes it
     * @param avgErr15m      error of spend per quarter hour against the plan, as the simulation computes it
     * @param exhaustionTime {@code HH:MM} when 99.9 % of the budget was spent; null when never (JSON
     *                       {@code null}) or not reported
     */
    public record CampaignResult(String id, String advertiser, Long budgetMicros, Long spentMicros, Long impressions,
            Double utilisation, Long overspendMicros, Double cumulativeRmse, Double avgErr15m, String exhaustionTime,
            Boolean supplyAllows) {
    }

    /**
     * Exchange-wide figures.
     *
     * @param latencyMs      auction latency percentiles in milliseconds, keyed as in the JSON
     *                       ({@code p50}, {@code p90}, …), in the JSON's order
     * @param requestsByKind auction requests by kind ({@code banner}, {@code video}, …), JSON order
     */
    public record Overall(Long auctions, Long imps, Long filledImps, Double fillRate, Long revenueMicros,
            Map<String, Double> latencyMs, Long redisCommands, Double redisCommandsPer1000Auctions,
            Map<String, Long> requestsByKind, List<BidderCounts> bidders) {

        public Overall {
            bidders = List.copyOf(bidders);
        }
    }

    public record BidderCounts(String id, Long requests, Long bids, Long timeouts, Long errors) {
    }
}
