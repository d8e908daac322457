package io.podium.pacing.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The harness's figures for one simulated day.
 *
 * @param redisCommands commands the nodes sent to Redis during the day (a script counts once),
 *     -1 if the store was not Redis
 * @param redisServerCommands what Redis executed (INFO total_commands_processed), including the
 *     commands inside scripts, -1 if unknown
 */
public record DayReport(DayScenario scenario, List<CampaignReport> campaigns, long auctions, long campaignBids,
                        long wins, long redisCommands, long redisServerCommands, long wallMillis) {

    public long maxOverspendMicros() {
        return campaigns.stream().mapToLong(CampaignReport::overspendMicros).max().orElse(0);
    }

    public List<CampaignReport> ample() {
        return campaigns.stream().filter(CampaignReport::supplyAllows).toList();
    }

    public double minUtilisationWhereSupplyAllows() {
        return ample().stream().mapToDouble(CampaignReport::utilisation).min().orElse(Double.NaN);
    }

    public double redisCommandsPer1000Auctions() {
        return redisCommands < 0 ? Double.NaN : redisCommands * 1000.0 / auctions;
    }

    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) Math.ceil(p / 100 * s.length) - 1)];
    }

    /** Mean, p90 and max of a figure over the campaigns whose supply allows their budget. */
    public double[] spread(java.util.function.ToDoubleFunction<CampaignReport> f) {
        double[] v = ample().stream().mapToDouble(f).toArray();
        return new double[] {Arrays.stream(v).average().orElse(Double.NaN), percentile(v, 90),
                Arrays.stream(v).max().orElse(Double.NaN)};
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        DayScenario s = scenario;
        sb.append(String.format(Locale.ROOT, "scenario: %d campaigns (%d with less supply than budget), %d nodes, "
                        + "%,d auctions, seed %d, %.0f%% of billing notices to another node%n%n",
                campaigns.size(), campaigns.size() - ample().size(), s.nodes(), auctions, s.seed(),
                s.crossNodeNotices() * 100));
        double[] rmse = spread(CampaignReport::cumulativeRmse);
        double[] avgErr = spread(CampaignReport::avgErr15m);
        double[] util = spread(CampaignReport::utilisation);
        long supplyLimitedOver = campaigns.stream().filter(c -> !c.supplyAllows()).mapToLong(CampaignReport::overspendMicros)
                .max().orElse(0);
        long lost = campaigns.stream().mapToLong(c -> Math.abs(c.spentMicros() - c.settledMicros())).sum();
        sb.append("| figure | target | result |\n|---|---|---|\n");
        sb.append(String.format(Locale.ROOT, "| overspend, worst campaign | 0 micros | %d micros (supply-limited: %d) |%n",
                maxOverspendMicros(), supplyLimitedOver));
        sb.append(String.format(Locale.ROOT, "| charges lost or doubled (store vs settlements) | 0 micros | %d micros |%n", lost));
        sb.append(String.format(Locale.ROOT, "| utilisation where supply allows: min / mean | ≥ 99%% | %.2f%% / %.2f%% |%n",
                minUtilisationWhereSupplyAllows() * 100, util[0] * 100));
        sb.append(String.format(Locale.ROOT, "| cumulative RMSE / budget: mean / p90 / max | ≤ 0.02 | %.4f / %.4f / %.4f |%n",
                rmse[0], rmse[1], rmse[2]));
        sb.append(String.format(Locale.ROOT, "| AvgErr per 15 min: mean / p90 / max | ≤ 10%% | %.1f%% / %.1f%% / %.1f%% |%n",
                avgErr[0] * 100, avgErr[1] * 100, avgErr[2] * 100));
        sb.append(String.format(Locale.ROOT, "| Redis commands sent per 1,000 auctions | ≤ 10 | %.2f (%,d commands; "
                        + "Redis executed %,d counting those inside scripts) |%n",
                redisCommandsPer1000Auctions(), redisCommands, redisServerCommands));
        double limitedUtil = campaigns.stream().filter(c -> !c.supplyAllows()).mapToDouble(CampaignReport::utilisation)
                .average().orElse(Double.NaN);
        sb.append("\nlowest utilisation where supply allows (supply = potential spend / budget):");
        ample().stream().sorted(java.util.Comparator.comparingDouble(CampaignReport::utilisation)).limit(5)
                .forEach(c -> sb.append(String.format(Locale.ROOT, " %s %.2f%% (supply %.1f×, RMSE %.4f);", c.id(),
                        c.utilisation() * 100, c.potentialMicros() / (double) c.budgetMicros(), c.cumulativeRmse())));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%ncampaign bids %,d, wins %,d; supply-limited campaigns spent %.1f%% of "
                + "their budgets on average; simulated in %.1f s%n", campaignBids, wins, limitedUtil * 100, wallMillis / 1000.0));
        return sb.toString();
    }
}
