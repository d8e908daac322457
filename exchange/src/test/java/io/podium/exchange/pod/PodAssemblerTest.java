package io.podium.exchange.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.exchange.pod.PodCandidate.SlotPosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodAssemblerTest {
    private final PodAssembler assembler = new PodAssembler();

    private static PodCandidate bid(String id, long price, int dur, SlotPosition slot, String... keys) {
        return new PodCandidate(id, price, dur, slot, List.of(keys));
    }

    private static List<String> ids(PodAssembler.Pod pod) {
        return pod.ads().stream().map(PodCandidate::id).toList();
    }

    @Test
    void greedyByPriceIsBeatenByTheExactFill() {
        // greedy takes the 30 s ad at 10.00 and leaves 30 s unfilled by the two 20 s ads;
        // the optimum is the three 20 s ads at 6.00 + 6.00 + 6.00
        PodAssembler.Pod pod = assembler.assemble(List.of(bid("big", 10_000_000, 45, SlotPosition.ANY),
                bid("a", 6_000_000, 20, SlotPosition.ANY), bid("b", 6_000_000, 20, SlotPosition.ANY),
                bid("c", 6_000_000, 20, SlotPosition.ANY)), 60, 0);
        assertEquals(18_000_000, pod.totalPriceMicros());
        assertEquals(List.of("a", "b", "c"), ids(pod));
    }

    @Test
    void twoAdsOfOneAdvertiserOrCategoryNeverShareAPod() {
        PodAssembler.Pod pod = assembler.assemble(List.of(bid("car1", 9_000_000, 15, SlotPosition.ANY, "adomain:car.example"),
                bid("car2", 8_000_000, 15, SlotPosition.ANY, "adomain:car.example"),
                bid("beer", 7_000_000, 15, SlotPosition.ANY, "cat:IAB8-5"),
                bid("wine", 6_000_000, 15, SlotPosition.ANY, "cat:IAB8-5"),
                bid("soap", 1_000_000, 15, SlotPosition.ANY)), 60, 0);
        assertEquals(List.of("car1", "beer", "soap"), ids(pod));
    }

    @Test
    void maxseqAndDurationAreRespected() {
        List<PodCandidate> bids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bids.add(bid("b" + i, 1_000_000 + i, 10, SlotPosition.ANY));
        }
        PodAssembler.Pod pod = assembler.assemble(bids, 120, 3);
        assertEquals(List.of("b9", "b8", "b7"), ids(pod));
        assertEquals(30, pod.totalDurationSeconds());
        assertEquals(0, assembler.assemble(List.of(bid("long", 5_000_000, 31, SlotPosition.ANY)), 30, 0).ads().size());
    }

    @Test
    void slotPositionsAreHonouredAndOrdered() {
        PodAssembler.Pod pod = assembler.assemble(List.of(bid("last", 9_000_000, 15, SlotPosition.LAST),
                bid("first", 8_000_000, 15, SlotPosition.FIRST), bid("first2", 7_000_000, 15, SlotPosition.FIRST),
                bid("mid", 1_000_000, 15, SlotPosition.ANY)), 60, 0);
        assertEquals(List.of("first", "mid", "last"), ids(pod), "one first, one last; the second FIRST bid is left out");

        PodAssembler.Pod edges = assembler.assemble(List.of(bid("e1", 5_000_000, 15, SlotPosition.FIRST_OR_LAST),
                bid("e2", 5_000_000, 15, SlotPosition.FIRST_OR_LAST), bid("e3", 5_000_000, 15, SlotPosition.FIRST_OR_LAST),
                bid("m", 1_000_000, 15, SlotPosition.ANY)), 60, 0);
        assertEquals(11_000_000, edges.totalPriceMicros(), "only two ads can stand at the edges");
        assertEquals("m", edges.ads().get(1).id());
    }

    @Test
    void matchesABruteForceSolverOnThousandsOfRandomPods() {
        long seed = System.nanoTime();
        System.out.println("PodAssemblerTest seed " + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 3000; round++) {
            int n = 1 + rnd.nextInt(11);
            List<PodCandidate> bids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> keys = new ArrayList<>();
                if (rnd.nextInt(3) > 0) {
                    keys.add("adomain:d" + rnd.nextInt(5));
                }
                if (rnd.nextBoolean()) {
                    keys.add("cat:c" + rnd.nextInt(4));
                }
                bids.add(new PodCandidate("b" + i, 100_000L * (1 + rnd.nextInt(60)), 5 * (1 + rnd.nextInt(8)),
                        SlotPosition.values()[rnd.nextInt(10) < 7 ? 0 : 1 + rnd.nextInt(3)], keys));
            }
            int poddur = 15 + rnd.nextInt(106);
            int maxseq = rnd.nextInt(6);
            PodAssembler.Pod pod = assembler.assemble(bids, poddur, maxseq);
            assertTrue(feasible(pod.ads(), poddur, maxseq), "seed " + seed + " round " + round + ": infeasible " + pod);
            long best = bruteForce(bids, poddur, maxseq);
            assertEquals(best, pod.totalPriceMicros(), "seed " + seed + " round " + round);
            assertEquals(pod.ads().stream().mapToLong(PodCandidate::priceMicros).sum(), pod.totalPriceMicros());
            if (!pod.ads().isEmpty()) {
                // told of a worse pod (the best without one of its ads), the search still finds the best
                long known = pod.totalPriceMicros() - pod.ads().get(round % pod.ads().size()).priceMicros();
                assertEquals(best, assembler.bestTotal(bids, poddur, maxseq, known), "seed " + seed + " round " + round);
            }
        }
    }

    @Test
    void oneBidPerSlotWithSeparationMatchesABruteForceSolver() {
        // structured and hybrid pods: a bid per slot at most (the slot is its first key)
        long seed = System.nanoTime();
        System.out.println("PodAssemblerTest slots seed " + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 1000; round++) {
            int n = 1 + rnd.nextInt(14);
            int slots = 1 + rnd.nextInt(4);
            List<PodCandidate> bids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> keys = new ArrayList<>();
                if (rnd.nextInt(4) > 0) {
                    keys.add("slot:" + rnd.nextInt(slots));
                }
                keys.add("adomain:d" + rnd.nextInt(6));
                if (rnd.nextBoolean()) {
                    keys.add("cat:c" + rnd.nextInt(5));
                }
                bids.add(new PodCandidate("b" + i, 100_000L * rnd.nextInt(60), 5 * (1 + rnd.nextInt(6)),
                        SlotPosition.values()[rnd.nextInt(10) < 8 ? 0 : 1 + rnd.nextInt(3)], keys));
            }
            boolean structured = rnd.nextBoolean();
            int poddur = structured ? Integer.MAX_VALUE : 30 + rnd.nextInt(60);
            int maxseq = structured ? 0 : rnd.nextInt(5);
            PodAssembler.Pod pod = assembler.assemble(bids, poddur, maxseq);
            assertTrue(feasible(pod.ads(), poddur, maxseq), "seed " + seed + " round " + round + ": infeasible " + pod);
            assertEquals(bruteForce(bids, poddur, maxseq), pod.totalPriceMicros(), "seed " + seed + " round " + round);
        }
    }

    private static long bruteForce(List<PodCandidate> bids, int poddur, int maxseq) {
        long best = 0;
        for (int mask = 0; mask < 1 << bids.size(); mask++) {
            List<PodCandidate> set = new ArrayList<>();
            for (int i = 0; i < bids.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(bids.get(i));
                }
            }
            if (feasible(set, poddur, maxseq)) {
                best = Math.max(best, set.stream().mapToLong(PodCandidate::priceMicros).sum());
            }
        }
        return best;
    }

    /** The rules, written out independently of the solver. */
    private static boolean feasible(List<PodCandidate> set, int poddur, int maxseq) {
        if (maxseq > 0 && set.size() > maxseq) {
            return false;
        }
        if (set.stream().mapToLong(PodCandidate::durationSeconds).sum() > poddur) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (PodCandidate c : set) {
            for (String k : c.dedupeKeys()) {
                if (!seen.add(k)) {
                    return false;
                }
            }
        }
        // try every arrangement of positions: at most one ad per edge, an edge ad where it asked
        long first = set.stream().filter(c -> c.slot() == SlotPosition.FIRST).count();
        long last = set.stream().filter(c -> c.slot() == SlotPosition.LAST).count();
        long either = set.stream().filter(c -> c.slot() == SlotPosition.FIRST_OR_LAST).count();
        if (set.size() == 1) {
            return true;
        }
        return first <= 1 && last <= 1 && first + last + either <= 2;
    }
}
