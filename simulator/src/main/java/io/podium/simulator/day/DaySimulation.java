package io.podium.simulator.day;

import io.podium.exchange.config.ConfigLoader;
import io.podium.exchange.http.OutboundHttp;
import io.podium.pacing.report.DayFigures;
import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.Delivery;
import io.podium.pacing.store.RedisBudgetStore;
import io.podium.simulator.dsp.MockDsp;
import io.podium.simulator.replay.BaselineReplay;
import io.podium.simulator.replay.NoPacing;
import io.podium.simulator.replay.OpportunityLog;
import io.podium.simulator.replay.ProbabilisticThrottling;
import io.podium.simulator.replay.ReplayCampaign;
import io.podium.simulator.report.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * One simulated day, end to end: a real {@code redis-server}, the scenario's mock DSPs, a content
 * origin, the exchange nodes (real Podium servers on the compressed clock), the campaigns created
 * through the API, the day's traffic with its faults, then the figures: each campaign's spend per
 * minute as Redis recorded it, the same opportunities replayed through the two baselines, and the
 * output directory ({@code summary.json}, {@code series.json}, charts, {@code index.html}).
 */
public final class DaySimulation {
    /** The clock starts this many simulated seconds before midnight, so that nodes lease first. */
    static final int LEAD_SECONDS = 120;
    /** After midnight the clock runs on this long: reservations expire, journals flush. */
    static final int TAIL_SECONDS = 1_200;
    private static final long INCREMENT_MICROS = 10_000;
    /** Auctions sent before the clock starts, so that the day's first quarter hour is not the JIT's. */
    static final int WARM_UP_REQUESTS = 3_000;

    private final Scenario scenario;
    private final Path out;
    private final PrintStream progress;

    public DaySimulation(Scenario scenario, Path out, PrintStream progress) {
        this.scenario = scenario;
        this.out = out;
        this.progress = progress;
    }

    /** {@code HH:MM} of a second of the day. */
    static String clockTime(int second) {
        return String.format(Locale.ROOT, "%02d:%02d", second / 3600, second / 60 % 60);
    }

    public DayResult run() throws Exception {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("podium-sim");
        long wallStart = System.nanoTime();
        List<MockDsp> dsps = new ArrayList<>();
        Map<String, MockDsp> byId = new LinkedHashMap<>();
        MarketTap market = new MarketTap();
        try (RedisHost redis = new RedisHost(); ContentOrigin origin = new ContentOrigin()) {
            for (int i = 0; i < scenario.dsps().size(); i++) {
                MockDsp d = MockDsp.start(scenario.dsps().get(i), scenario.seed() + 1_000 + i).tap(market);
                dsps.add(d);
                byId.put(d.profile().id(), d);
            }
            Instant midnight = scenario.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            CompressedClock clock = new CompressedClock(midnight.minusSeconds(LEAD_SECONDS), scenario.compression());
            TrafficFactory factory = new TrafficFactory(scenario);
            CampaignBook book = new CampaignBook(scenario.campaigns());
            DayRecorder recorder = new DayRecorder(book.size());
            OpportunityLog log = new OpportunityLog((int) Math.min(4_000_000, scenario.traffic().requestsPerDay() * 2));
            try (Fleet fleet = new Fleet(scenario, clock, work, redis.address(), dsps, origin);
                 FaultPlan faults = new FaultPlan(scenario.faults(), redis, fleet, byId);
                 OutboundHttp http = OutboundHttp.create(ConfigLoader.fromYaml("http_client: {user_agent: \""
                         + CampaignBook.USER_AGENT + "\", max_connections_per_host: 2048, connect_timeout_ms: 1000}",
                         Map.of()).httpClient())) {
                fleet.startAll();
                book.create(scenario, factory, fleet);
                TrafficRunner runner = new TrafficRunner(scenario, factory, fleet, clock, http, market, recorder, log, book,
                        origin, faults);
                Progress bar = new Progress(progress, runner, recorder, fleet, redis, faults);
                runner.warmUp(WARM_UP_REQUESTS);
                fleet.resetBidderTotals();
                long redisBefore = redis.commands();
                clock.start();
                bar.start();
                try {
                    runner.run();
                    long tail = clock.realNanosUntil((LEAD_SECONDS + 86_400L + TAIL_SECONDS) * 1000L);
                    if (tail > 0) {
                        Thread.sleep(tail / 1_000_000, (int) (tail % 1_000_000));
                    }
                } finally {
                    bar.stop();
                }
                drain(fleet);
                long redisCommands = redis.commands() - redisBefore;
                org.slf4j.LoggerFactory.getLogger(DaySimulation.class).info("Redis command stats at the end of the day:\n{}",
                        redis.commandStats());
                Map<String, long[]> bidders = fleet.bidderTotals();
                Map<String, Long> charges = fleet.chargeTotals();
                fleet.close();
                Thread.sleep(200); // notices forwarded to DSPs land
                long dspRevenue = 0;
                for (MockDsp d : dsps) {
                    dspRevenue += d.stats().billedCpmMicros() / 1000;
                }
                List<CampaignOutcome> podium = readSpend(redis.address(), book, recorder);
                List<ReplayCampaign> replay = new ArrayList<>();
                for (int i = 0; i < book.size(); i++) {
                    replay.add(new ReplayCampaign(book.spec(i).id(), book.spec(i).budgetMicros(), book.spec(i).maxCpmMicros()));
                }
                BaselineReplay.Result noPacing = BaselineReplay.run(replay, log, new NoPacing(), INCREMENT_MICROS,
                        scenario.seed());
                BaselineReplay.Result throttling = BaselineReplay.run(replay, log, new ProbabilisticThrottling(),
                        INCREMENT_MICROS, scenario.seed());
                long[][] potential = Supply.potential(replay, log, INCREMENT_MICROS);
                DayResult result = new DayResult(scenario, podium, potential, noPacing, throttling, recorder, bidders,
                        charges, redisCommands, dspRevenue, log.size(), (System.nanoTime() - wallStart) / 1e9);
                SummaryWriter.write(result, out);
                ReportWriter.write(out);
                return result;
            } finally {
                for (MockDsp d : dsps) {
                    d.close();
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    /** One campaign's day as Redis recorded it, and what the accepted billing notices said. */
    public record CampaignOutcome(Scenario.CampaignSpec spec, long[] spentByMinute, long impressions,
                                  DayFigures figures, long settledMicros) {
    }

    private List<CampaignOutcome> readSpend(String redisAddress, CampaignBook book, DayRecorder recorder) {
        Config config = new Config();
        config.useSingleServer().setAddress(redisAddress).setTimeout(5_000).setConnectTimeout(2_000);
        RedissonClient client = Redisson.create(config);
        try (RedisBudgetStore store = new RedisBudgetStore(client, "podium:", 8, Duration.ofDays(3))) {
            List<CampaignOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < book.size(); i++) {
                Delivery d = store.delivery(new BudgetKey(book.serverId(i), scenario.day()));
                long[] perMinute = new long[DayFigures.MINUTES];
                d.spentByMinute().forEach((m, v) -> {
                    if (m >= 0 && m < perMinute.length) {
                        perMinute[m] += v;
                    }
                });
                List<String> ids = recorder.chargeIds(i);
                Map<String, Long> found = new java.util.HashMap<>();
                for (int from = 0; from < ids.size(); from += 1000) {
                    found.putAll(store.charged(new BudgetKey(book.serverId(i), scenario.day()),
                            ids.subList(from, Math.min(ids.size(), from + 1000))));
                }
                for (String id : ids) {
                    if (!found.containsKey(id)) {
                        org.slf4j.LoggerFactory.getLogger(DaySimulation.class).warn("charge {} accepted but not in Redis", id);
                    }
                }
                long inMinutes = java.util.Arrays.stream(perMinute).sum();
                if (inMinutes != d.spentMicros()) {
                    org.slf4j.LoggerFactory.getLogger(DaySimulation.class).warn(
                            "campaign {}: {} micros recorded, {} of them in the day's minutes", book.spec(i).id(),
                            d.spentMicros(), inMinutes);
                }
                outcomes.add(new CampaignOutcome(book.spec(i), perMinute, d.impressions(),
                        DayFigures.of(book.spec(i).budgetMicros(), perMinute), recorder.charged(i)));
            }
            return outcomes;
        } finally {
            client.shutdown();
        }
    }

    /**
     * Waits (up to 30 real seconds) until every live node has written its journal to Redis,
     * so that the figures read next are complete; a node that cannot is logged.
     */
    private static void drain(Fleet fleet) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        for (var node : fleet.liveServers()) {
            while (node.pendingCharges() > 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            if (node.pendingCharges() > 0) {
                org.slf4j.LoggerFactory.getLogger(DaySimulation.class).warn(
                        "node on port {} still holds {} unflushed charges", node.port(), node.pendingCharges());
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: best effort
        }
    }
}
