package io.podium.exchange.bench;

import io.podium.exchange.testing.MutableClock;
import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.ChronicleCampaignRepository;
import io.podium.pacing.ledger.BudgetLedger;
import io.podium.pacing.ledger.ChargeJournal;
import io.podium.pacing.ledger.LeaseManager;
import io.podium.pacing.runtime.PacingRuntime;
import io.podium.pacing.store.ChronicleBudgetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pacing gate on the auction path ({@link PacingRuntime#gate}): the campaign's controller
 * draw and a reservation from the node's bucket, then the release a losing bid makes. The
 * controller is opened to a pass rate of 1 first, so every call goes all the way through the
 * reservation (the worst case). {@code baselineChargeId} is the cost of building the charge id
 * string alone, which the auction pays anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PacingGateBenchmark {
    private final AtomicLong sequence = new AtomicLong();
    private Path dir;
    private ChronicleBudgetStore store;
    private ChargeJournal journal;
    private ChronicleCampaignRepository repo;
    private PacingRuntime runtime;
    private Campaign campaign;
    private MutableClock clock;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("podium-gate-bench");
        clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
        store = new ChronicleBudgetStore(dir.resolve("s"), 10_000, LocalDate.of(2026, 11, 1));
        journal = new ChargeJournal(dir.resolve("j"), 10_000);
        repo = new ChronicleCampaignRepository(dir.resolve("c"), 100);
        campaign = new Campaign("bench", "adv", "Bench", Campaign.Status.ACTIVE, Long.MAX_VALUE / 4, 0, "USD", 2_000_000,
                Instant.parse("2026-01-01T00:00:00Z"), null, ZoneId.of("America/New_York"), Campaign.PacingMode.ASAP,
                Campaign.Targeting.any(), List.of(), null, 1, clock.instant());
        repo.put(campaign);
        BudgetLedger ledger = new BudgetLedger(store, journal, clock, 900_000);
        runtime = new PacingRuntime(repo, ledger, new LeaseManager(store, ledger, 8), clock, 60_000, 60, 10_000);
        for (int i = 0; i < 6; i++) { // no spend yet: the pass rate doubles each control step, up to 1
            clock.advance(Duration.ofSeconds(61));
            runtime.tick();
        }
        if (runtime.passRate(campaign) < 1) {
            throw new IllegalStateException("controller not open: " + runtime.passRate(campaign));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        repo.close();
        journal.close();
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public void gateThenRelease(Blackhole bh) {
        String chargeId = "auction-" + sequence.incrementAndGet() + ":1:bench~1";
        bh.consume(runtime.gate(campaign, chargeId, 2_000, clock.instant()));
        runtime.cancel(chargeId);
    }

    @Benchmark
    public void baselineChargeId(Blackhole bh) {
        bh.consume("auction-" + sequence.incrementAndGet() + ":1:bench~1");
    }
}
