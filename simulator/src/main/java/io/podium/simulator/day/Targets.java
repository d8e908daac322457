package io.podium.simulator.day;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pacing targets a day is held to (those of the pacing issue): no overspend, no charge lost
 * or doubled, and where supply allows the budget, utilisation of at least 99 %, cumulative RMSE
 * of at most 0.02 of the budget and AvgErr per quarter hour of at most 10 %. The Redis command
 * rate is reported beside them (see {@code docs/simulation.md} on why its target is set at
 * production traffic density, not at a simulation's).
 */
record Targets(List<Check> checks, String redisLine) {
    static final double MIN_UTILISATION = 0.99;
    static final double MAX_RMSE = 0.02;
    static final double MAX_AVG_ERR = 0.10;

    /** One target: its key, name, the figure, whether it is met, and whether the scenario is held to it. */
    record Check(String key, String name, String target, String value, boolean met, boolean held) {
    }

    static Targets of(DayResult r) {
        List<Check> checks = new ArrayList<>();
        List<String> held = r.scenario().heldTo();
        checks.add(new Check("overspend", "overspend, worst campaign", "0 micros", r.maxOverspendMicros() + " micros",
                r.maxOverspendMicros() == 0, held.contains("overspend")));
        checks.add(new Check("charges", "charges lost or doubled", "0 micros", r.chargesLostOrDoubledMicros() + " micros",
                r.chargesLostOrDoubledMicros() == 0, held.contains("charges")));
        double minUtil = Double.NaN;
        double maxRmse = Double.NaN;
        double maxErr = Double.NaN;
        int ample = 0;
        for (int i = 0; i < r.podium().size(); i++) {
            if (!r.supplyAllows(i)) {
                continue;
            }
            ample++;
            var f = r.podium().get(i).figures();
            minUtil = ample == 1 ? f.utilisation() : Math.min(minUtil, f.utilisation());
            maxRmse = ample == 1 ? f.cumulativeRmse() : Math.max(maxRmse, f.cumulativeRmse());
            maxErr = ample == 1 ? f.avgErr15m() : Math.max(maxErr, f.avgErr15m());
        }
        checks.add(new Check("utilisation", "utilisation where supply allows (" + ample + " campaigns), lowest", "≥ 99%",
                pct(minUtil), ample == 0 || minUtil >= MIN_UTILISATION, held.contains("utilisation")));
        checks.add(new Check("rmse", "cumulative RMSE / budget, highest", "≤ 0.02", String.format(Locale.ROOT, "%.4f", maxRmse),
                ample == 0 || maxRmse <= MAX_RMSE, held.contains("rmse")));
        checks.add(new Check("avg_err", "AvgErr per 15 min, highest", "≤ 10%", pct(maxErr), ample == 0 || maxErr <= MAX_AVG_ERR,
                held.contains("avg_err")));
        String redis = String.format(Locale.ROOT, "Redis commands: %,d (%.1f per 1,000 auctions at this traffic)",
                r.redisCommands(), r.redisCommandsPer1000Auctions());
        return new Targets(checks, redis);
    }

    boolean allMet() {
        return checks.stream().allMatch(c -> c.met() || !c.held());
    }

    String report() {
        StringBuilder sb = new StringBuilder("\n");
        for (Check c : checks) {
            sb.append(String.format(Locale.ROOT, "  %-4s %-55s %-10s %s%s%n", c.met() ? "ok" : c.held() ? "MISS" : "-",
                    c.name(), c.target(), c.value(), c.held() ? "" : "  (not held to it by this scenario)"));
        }
        return sb.append("  ").append(redisLine).append('\n').toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
