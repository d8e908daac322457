package io.podium.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.simulator.replay.BaselineReplay.CampaignDay;
import io.podium.simulator.replay.BaselineReplay.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaselineReplayTest {
    private static final long INCREMENT = 10_000;
    // a: at most 2,000 an impression; b: at most 1,500
    private static final List<ReplayCampaign> TWO = List.of(
            new ReplayCampaign("a", 4_000, 2_000_000),
            new ReplayCampaign("b", 10_000, 1_500_000));

    /** Seven opportunities, appended out of time order. */
    private static OpportunityLog smallLog() {
        OpportunityLog log = new OpportunityLog();
        log.append(130, 0b11, 0, 1_000_000, true);          // e1
        log.append(5, 0b11, 0, 1_000_000, true);            // e2
        log.append(61, 0b01, 1_200_000, 1_000_000, true);   // e3
        log.append(61, 0b11, 1_500_000, 1_000_000, false);  // e4
        log.append(62, 0b10, 1_500_000, 0, true);           // e5
        log.append(200, 0b11, 0, 1_600_000, true);          // e6
        log.append(200, 0b11, 0, 1_000_000, true);          // e7
        return log;
    }

    private static long[] minutes(long... pairs) {
        long[] m = new long[1440];
        for (int i = 0; i < pairs.length; i += 2) {
            m[(int) pairs[i]] = pairs[i + 1];
        }
        return m;
    }

    @Test
    void noPacingSpendsAsFastAsTheAuctionsAllow() {
        Result r = BaselineReplay.run(TWO, smallLog(), new NoPacing(), INCREMENT, 1);

        // e2 (00:00:05): a 2.00 beats b 1.50, pays 1.50 + 0.01 -> 1,510
        // e3 (00:01:01): only a; beats the external 1.20, pays 1.21 -> 1,210 (a has spent 2,720)
        // e4: a can no longer afford 2,000 more; b ties the external 1.50 and wins (campaigns
        //     answer first), pays min(1.50, 1.51) = 1.50, but the imp is not billed: no charge
        // e5: b ties the external again, floor 0: pays 1.50 -> 1,500
        // e1 (00:02:10): b alone, floor 1.00: pays 1.01 -> 1,010
        // e6: floor 1.60: a is out of budget, b's 1.50 is under the floor: no campaign bids
        // e7 (00:03:20): b alone -> 1,010
        assertEquals("no_pacing", r.strategy());
        CampaignDay a = r.campaigns().get(0);
        CampaignDay b = r.campaigns().get(1);
        assertEquals("a", a.id());
        assertArrayEquals(minutes(0, 1_510, 1, 1_210), a.spentByMinute());
        assertEquals(2, a.impressions());
        assertEquals(2_720, a.figures().spentMicros());
        assertArrayEquals(minutes(1, 1_500, 2, 1_010, 3, 1_010), b.spentByMinute());
        assertEquals(3, b.impressions());
        assertEquals(3_520, b.figures().spentMicros());
        assertEquals(0.352, b.figures().utilisation(), 1e-12);
    }

    @Test
    void throttlingPassesEachOfferWithTheCampaignsRate() {
        // the seed's first draws, in the order the replay asks for them
        SplittableRandom draws = new SplittableRandom(6);
        double[] d = new double[11];
        for (int i = 0; i < d.length; i++) {
            d[i] = draws.nextDouble();
        }
        assertArrayEquals(new double[] {0.7398, 0.4463, 0.0563, 0.1055, 0.5507, 0.8237, 0.1926, 0.2027, 0.1179,
                0.9087, 0.1244}, d, 1e-4);

        Result r = BaselineReplay.run(TWO, smallLog(), new ProbabilisticThrottling(), INCREMENT, 6);

        // minute 0, p = 0.10 / 0.10. e2: a 0.7398 no, b 0.4463 no.
        // minute 1: both under plan, p = 0.11 / 0.11.
        //   e3: a 0.0563 yes, beats the external 1.20 -> 1,210.
        //   e4: a 0.1055 yes, b 0.5507 no; a wins, unbilled. e5: b 0.8237 no.
        // minute 2: a over plan (1,210 >= 5.6), p = 0.099; b under, p = 0.121.
        //   e1: a 0.1926 no, b 0.2027 no.
        // minute 3: p = 0.0891 / 0.1331.
        //   e6: a 0.1179 no; b is under the floor (no draw).
        //   e7: a 0.9087 no, b 0.1244 yes, alone: pays 1.01 -> 1,010.
        assertEquals("throttling", r.strategy());
        assertArrayEquals(minutes(1, 1_210), r.campaigns().get(0).spentByMinute());
        assertEquals(1, r.campaigns().get(0).impressions());
        assertArrayEquals(minutes(3, 1_010), r.campaigns().get(1).spentByMinute());
        assertEquals(1, r.campaigns().get(1).impressions());
    }

    @Test
    void betweenCampaignsATieGoesToTheLowerBidId() {
        // bid ids "ab~1" < "a~1" ('b' < '~'), so "ab" wins though listed second
        List<ReplayCampaign> tied = List.of(new ReplayCampaign("a", 1_000_000, 1_000_000),
                new ReplayCampaign("ab", 1_000_000, 1_000_000));
        OpportunityLog log = new OpportunityLog();
        log.append(0, 0b11, 0, 0, true);

        Result r = BaselineReplay.run(tied, log, new NoPacing(), INCREMENT, 1);

        assertEquals(0, r.campaigns().get(0).impressions());
        assertEquals(1, r.campaigns().get(1).impressions());
        assertEquals(1_000, r.campaigns().get(1).figures().spentMicros()); // min(1.00, 1.00 + 0.01)
    }

    @Test
    void throttlingSpreadsAnAbundantDayWhereNoPacingRunsOutEarly() {
        // one opportunity a second, always won at 1.01 (cost 1,010); without pacing the budget buys
        // 999 of them (the 1,000th is refused: 999 * 1,010 + 2,000 > 1,010,000), by second 998
        List<ReplayCampaign> one = List.of(new ReplayCampaign("c", 1_010_000, 2_000_000));
        OpportunityLog log = new OpportunityLog();
        for (int s = 0; s < 86_400; s++) {
            log.append(s, 1, 0, 1_000_000, true);
        }
        long seed = System.nanoTime();
        System.out.println("throttlingSpreadsAnAbundantDay seed " + seed);

        CampaignDay fast = BaselineReplay.run(one, log, new NoPacing(), INCREMENT, seed).campaigns().get(0);
        CampaignDay paced = BaselineReplay.run(one, log, new ProbabilisticThrottling(), INCREMENT, seed)
                .campaigns().get(0);

        assertEquals(999, fast.impressions());
        assertEquals(1_008_990, fast.figures().spentMicros()); // exactly 99.9% of the budget
        assertEquals(16, fast.figures().exhaustionMinute());
        // over 300 seeds: RMSE at most 0.06 (no pacing: 0.56), utilisation at least 0.89
        assertTrue(paced.figures().cumulativeRmse() < fast.figures().cumulativeRmse() / 5,
                "seed " + seed + ": " + paced.figures() + " vs " + fast.figures());
        assertTrue(paced.figures().utilisation() > 0.8, "seed " + seed + ": " + paced.figures());
    }

    @Test
    void noBaselineEverOverspendsOnRandomLogs() {
        long seed = System.nanoTime();
        System.out.println("noBaselineEverOverspendsOnRandomLogs seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            List<ReplayCampaign> campaigns = randomCampaigns(random);
            OpportunityLog log = randomLog(random, 20_000);
            for (Strategy s : List.of(new NoPacing(), new ProbabilisticThrottling())) {
                Result r = BaselineReplay.run(campaigns, log, s, random.nextInt(3) * 10_000L, random.nextLong());
                for (int i = 0; i < campaigns.size(); i++) {
                    CampaignDay day = r.campaigns().get(i);
                    String where = "seed " + seed + " round " + round + " " + s.name() + " " + day.id();
                    assertTrue(day.figures().spentMicros() <= campaigns.get(i).budgetMicros(), where);
                    assertEquals(0, day.figures().overspendMicros(), where);
                    assertEquals(java.util.Arrays.stream(day.spentByMinute()).sum(), day.figures().spentMicros(), where);
                }
            }
        }
    }

    @Test
    void sameSeedSameDay() {
        long seed = System.nanoTime();
        System.out.println("sameSeedSameDay seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<ReplayCampaign> campaigns = randomCampaigns(random);
        OpportunityLog log = randomLog(random, 50_000);
        long replaySeed = random.nextLong();

        for (Strategy s : List.of(new NoPacing(), new ProbabilisticThrottling())) {
            Result first = BaselineReplay.run(campaigns, log, s, 10_000, replaySeed);
            Result second = BaselineReplay.run(campaigns, log, s, 10_000, replaySeed);
            for (int i = 0; i < campaigns.size(); i++) {
                CampaignDay x = first.campaigns().get(i);
                CampaignDay y = second.campaigns().get(i);
                assertArrayEquals(x.spentByMinute(), y.spentByMinute(), "seed " + seed + " " + s.name());
                assertEquals(x.impressions(), y.impressions(), "seed " + seed + " " + s.name());
                assertEquals(x.figures(), y.figures(), "seed " + seed + " " + s.name());
            }
        }
    }

    @Test
    void refusesMoreThan64CampaignsOrDuplicateIds() {
        List<ReplayCampaign> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add(new ReplayCampaign("c" + i, 1, 1));
        }
        OpportunityLog log = new OpportunityLog();
        assertThrows(IllegalArgumentException.class, () -> BaselineReplay.run(many, log, new NoPacing(), 0, 1));
        List<ReplayCampaign> twice = List.of(new ReplayCampaign("x", 1, 1), new ReplayCampaign("x", 2, 2));
        assertThrows(IllegalArgumentException.class, () -> BaselineReplay.run(twice, log, new NoPacing(), 0, 1));
    }

    static List<ReplayCampaign> randomCampaigns(SplittableRandom random) {
        int n = 1 + random.nextInt(64);
        List<ReplayCampaign> campaigns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            campaigns.add(new ReplayCampaign("c" + i, random.nextLong(0, 50_000_000),
                    random.nextLong(0, 20_000_000)));
        }
        return campaigns;
    }

    static OpportunityLog randomLog(SplittableRandom random, int entries) {
        OpportunityLog log = new OpportunityLog();
        for (int i = 0; i < entries; i++) {
            log.append(random.nextInt(86_400), random.nextLong(), random.nextBoolean() ? 0 : random.nextLong(0, 20_000_000),
                    random.nextLong(0, 5_000_000), random.nextInt(10) != 0);
        }
        return log;
    }
}
