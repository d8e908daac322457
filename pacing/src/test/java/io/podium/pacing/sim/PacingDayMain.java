package io.podium.pacing.sim;

import io.podium.pacing.store.RedisBudgetStore;
import io.podium.pacing.redis.RedisServerProcess;
import io.podium.pacing.testing.TempDirs;
import java.time.Duration;
import java.util.Locale;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Runs the compressed pacing day against a real {@code redis-server} it starts on a free
 * loopback port, and prints the figures as Markdown.
 *
 * <p>Run: {@code ./podium pacing-day [--small] [--seed N] [--campaigns N] [--auctions N]}.
 */
public final class PacingDayMain {
    private PacingDayMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 20261122L;
        boolean small = false;
        Integer campaigns = null;
        Long auctions = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--small" -> small = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--campaigns" -> campaigns = Integer.parseInt(args[++i]);
                case "--auctions" -> auctions = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --small, --seed N, --campaigns N, --auctions N)");
            }
        }
        DayScenario s = small ? DayScenario.small(seed) : DayScenario.standard(seed);
        s = new DayScenario(campaigns == null ? s.campaigns() : campaigns, s.nodes(),
                auctions == null ? s.auctionsPerDay() : auctions, s.segments(), s.impressionsPerCampaign(),
                s.limitedShare(), s.crossNodeNotices(), s.seed(), s.day());
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; seed %d%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), seed);
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            Config config = new Config();
            config.useSingleServer().setAddress(redis.address()).setTimeout(3000).setConnectTimeout(1000);
            RedissonClient client = Redisson.create(config);
            try (RedisBudgetStore store = new RedisBudgetStore(client, "sim:", 8, Duration.ofDays(3))) {
                DayReport report = new PacingDayHarness(s, store, TempDirs.create("podium-pacing-day"),
                        store::commandsSent, () -> redis.info("total_commands_processed")).run();
                System.out.println(report.toMarkdown());
                if (Boolean.getBoolean("podium.sim.commandstats")) {
                    System.out.println(redis.infoText("commandstats"));
                }
            } finally {
                client.shutdown();
            }
        }
    }
}
