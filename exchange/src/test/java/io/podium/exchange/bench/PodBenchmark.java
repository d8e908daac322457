package io.podium.exchange.bench;

import io.podium.exchange.pod.PodAssembler;
import io.podium.exchange.pod.PodCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact assembly of a 120 s pod from 50 bids: durations of 6 to 60 s, 20 advertiser domains and
 * 12 categories deduplicated, a few first/last-slot bids; 16 different seeded bid sets are
 * cycled so that no single lucky case is measured. {@code maxAds} 0 means no count limit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PodBenchmark {
    private static final int[] DURATIONS = {6, 10, 15, 15, 15, 30, 30, 60};

    @Param({"0", "8"})
    public int maxAds;

    private final PodAssembler assembler = new PodAssembler();
    private final List<List<PodCandidate>> cases = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        Random rnd = new Random(20261122);
        for (int c = 0; c < 16; c++) {
            List<PodCandidate> bids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                List<String> keys = new ArrayList<>(List.of("adomain:advertiser" + rnd.nextInt(20) + ".example"));
                if (rnd.nextBoolean()) {
                    keys.add("cat:IAB" + (1 + rnd.nextInt(12)));
                }
                int slot = rnd.nextInt(20);
                PodCandidate.SlotPosition position = slot == 0 ? PodCandidate.SlotPosition.FIRST
                        : slot == 1 ? PodCandidate.SlotPosition.LAST : PodCandidate.SlotPosition.ANY;
                int duration = DURATIONS[rnd.nextInt(DURATIONS.length)];
                long price = (long) (duration * (50_000 + rnd.nextInt(150_000)) * (0.8 + 0.4 * rnd.nextDouble()));
                bids.add(new PodCandidate("bid-" + c + "-" + i, price, duration, position, keys));
            }
            cases.add(bids);
        }
    }

    @Benchmark
    public PodAssembler.Pod assemble120sFrom50Bids() {
        List<PodCandidate> bids = cases.get(next++ & 15);
        return assembler.assemble(bids, 120, maxAds);
    }
}
