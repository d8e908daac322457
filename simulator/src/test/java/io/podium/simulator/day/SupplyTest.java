package io.podium.simulator.day;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.simulator.replay.OpportunityLog;
import io.podium.simulator.replay.ReplayCampaign;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplyTest {
    @Test
    void potentialIsWhatEachCampaignWouldPayAgainstTheMarketAloneByHour() {
        List<ReplayCampaign> campaigns = List.of(new ReplayCampaign("a", 1_000_000, 3_000_000),
                new ReplayCampaign("b", 1_000_000, 1_000_000));
        OpportunityLog log = new OpportunityLog();
        log.append(10, 0b11, 1_500_000, 500_000, true);   // a: min(3.00, 1.50 + 0.01) = 1.51 CPM -> 1,510; b under the market
        log.append(20, 0b11, 0, 500_000, true);           // no DSP: floor 0.50 -> a and b both 0.51 CPM -> 510
        log.append(3_700, 0b01, 0, 200_000, true);        // hour 1: a alone, 0.21 CPM -> 210
        log.append(3_800, 0b01, 0, 200_000, false);       // not billed: nothing
        log.append(7_300, 0b10, 0, 2_000_000, true);      // hour 2: b's bid under the floor: nothing
        long[][] p = Supply.potential(campaigns, log, 10_000);
        long[] a = new long[24];
        a[0] = 1_510 + 510;
        a[1] = 210;
        long[] b = new long[24];
        b[0] = 510;
        assertArrayEquals(a, p[0]);
        assertArrayEquals(b, p[1]);
    }

    @Test
    void supplyAllowsWhenEveryHourCoversItsPlanAndTheDayHasRoom() {
        long[] hours = new long[24];
        Arrays.fill(hours, 100);
        assertTrue(Supply.allows(hours, 1_600), "2,400 a day >= 1.5 × 1,600; 100 an hour >= 66.7");
        assertFalse(Supply.allows(hours, 1_700), "2,400 < 1.5 × 1,700");
        hours[4] = 60;
        assertFalse(Supply.allows(hours, 1_600), "04:00 offers 60 against a plan of 66.7");
    }
}
