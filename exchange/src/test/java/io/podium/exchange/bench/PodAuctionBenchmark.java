package io.podium.exchange.bench;

import io.podium.exchange.auction.CandidateBid;
import io.podium.exchange.auction.PodAuction;
import io.podium.exchange.pod.PodAssembler;
import io.podium.exchange.pod.PodRequest;
import io.podium.openrtb.Bid;
import io.podium.openrtb.Imp;
import io.podium.openrtb.SlotPositionInPod;
import io.podium.openrtb.Video;
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
 * A whole pod auction at second price (choice, then one more exact search per winning ad for
 * its price), on 16 seeded bid sets cycled; advertiser domains (25) and categories (12)
 * separated. {@code dynamic}: 50 bids of 6 to 60 s for 120 s and at most 8 ads.
 * {@code structured}: 6 slots, 25 bids each of 15 or 30 s. {@code hybrid}: 3 slots of 15
 * bids and 30 dynamic bids, 120 s. {@code flat} makes prices independent of duration (a
 * harder case than CPMs that grow with duration).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PodAuctionBenchmark {
    private static final int[] DURATIONS = {6, 10, 15, 15, 15, 30, 30, 60};

    @Param({"dynamic", "structured", "hybrid"})
    public String shape;

    @Param({"false", "true"})
    public boolean flat;

    private final PodAuction auction = new PodAuction(10_000, new PodAssembler());
    private final List<List<CandidateBid>> cases = new ArrayList<>();
    private PodRequest pod;
    private int next;

    @Setup
    public void setUp() {
        Random rnd = new Random(20261201);
        List<Imp> imps = new ArrayList<>();
        int slots = shape.equals("structured") ? 6 : shape.equals("hybrid") ? 3 : 0;
        for (int s = 0; s < slots; s++) {
            imps.add(Imp.newBuilder().setId("s" + s).setVideo(Video.newBuilder().addMimes("video/mp4").setPodid("p")
                    .setSlotinpod(s == 0 ? SlotPositionInPod.SLOT_POSITION_IN_POD_FIRST
                            : SlotPositionInPod.SLOT_POSITION_IN_POD_ANY)).build());
        }
        if (!shape.equals("structured")) {
            imps.add(Imp.newBuilder().setId("d").setVideo(Video.newBuilder().addMimes("video/mp4").setPodid("p")
                    .setPoddur(120).setMaxseq(shape.equals("dynamic") ? 8 : 0)).build());
        }
        pod = new PodRequest("p", imps);
        int slotBids = shape.equals("structured") ? 150 : shape.equals("hybrid") ? 45 : 0;
        int total = shape.equals("structured") ? 150 : shape.equals("hybrid") ? 75 : 50;
        for (int c = 0; c < 16; c++) {
            List<CandidateBid> bids = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                boolean slot = i < slotBids;
                int dur = slot ? 15 + 15 * rnd.nextInt(2) : DURATIONS[rnd.nextInt(DURATIONS.length)];
                Bid.Builder b = Bid.newBuilder().setId("b" + i).setImpid(slot ? "s" + (i % slots) : "d").setDur(dur)
                        .addAdomain("advertiser" + rnd.nextInt(25) + ".example");
                if (rnd.nextBoolean()) {
                    b.addCat("IAB" + (1 + rnd.nextInt(12)));
                }
                long price = flat ? 500_000L + rnd.nextInt(20_000_000)
                        : (long) (dur * (50_000 + rnd.nextInt(150_000)) * (0.8 + 0.4 * rnd.nextDouble()));
                bids.add(new CandidateBid("dsp", "seat", "", b.build(), "USD", price, 0, null, i));
            }
            cases.add(bids);
        }
    }

    @Benchmark
    public PodAuction.Result secondPricePod() {
        return auction.run(pod, 2, cases.get(next++ & 15));
    }
}
