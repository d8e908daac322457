package io.podium.pacing.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.testing.MutableClock;
import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.CampaignJson;
import io.podium.pacing.campaign.ChronicleCampaignRepository;
import io.podium.pacing.ledger.BudgetLedger;
import io.podium.pacing.ledger.ChargeJournal;
import io.podium.pacing.ledger.LeaseManager;
import io.podium.pacing.plan.DayWindow;
import io.podium.pacing.plan.EvenPlan;
import io.podium.pacing.plan.PlanCurve;
import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.ChronicleBudgetStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacingRuntimeTest {
    private static final String SHAPED = "{\"name\":\"Evening\",\"daily_budget_micros\":40000000,\"max_cpm_micros\":2000000,"
            + "\"start\":\"2026-01-01T00:00:00Z\",\"time_zone\":\"UTC\",\"pacing\":\"SHAPED\",\"creatives\":[{\"id\":\"c\","
            + "\"type\":\"banner\",\"markup\":\"<img>\",\"w\":300,\"h\":250,\"adomain\":[\"a.example\"]}]}";

    @TempDir
    Path dir;

    @Test
    void aShapedCampaignFollowsTheTrafficSeenOnceAFullDayIsObserved() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));
        Campaign c = CampaignJson.read(CampaignJson.MAPPER.readTree(SHAPED), "cmp-s", "adv", 1, clock.instant()).campaign();
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir.resolve("s"), 1000, LocalDate.of(2026, 11, 1));
             ChargeJournal journal = new ChargeJournal(dir.resolve("j"), 1000);
             ChronicleCampaignRepository repo = new ChronicleCampaignRepository(dir.resolve("c"), 100)) {
            repo.put(c);
            BudgetLedger ledger = new BudgetLedger(store, journal, clock, 60_000);
            PacingRuntime runtime = new PacingRuntime(repo, ledger, new LeaseManager(store, ledger, 4), clock, 60_000, 60, 0);

            // day 1: 100 opportunities at 08:00, 300 at 20:00
            clock.advance(Duration.ofHours(8));
            for (int i = 0; i < 100; i++) {
                runtime.gate(c, "m" + i, 2_000, clock.instant());
            }
            assertTrue(runtime.planFor(c, clock.instant()) instanceof EvenPlan, "even until a full day is seen");
            clock.advance(Duration.ofHours(12));
            for (int i = 0; i < 300; i++) {
                runtime.gate(c, "e" + i, 2_000, clock.instant());
            }
            clock.advance(Duration.ofHours(13)); // day 2, 09:00: a full day after the first observation

            PlanCurve plan = runtime.planFor(c, clock.instant());
            DayWindow day2 = DayWindow.of(LocalDate.of(2026, 11, 22), c.timeZone(), c.start(), null);
            long at20 = plan.plannedMicros(day2, 40_000_000, Instant.parse("2026-11-22T20:00:00Z"));
            long at21 = plan.plannedMicros(day2, 40_000_000, Instant.parse("2026-11-22T21:00:00Z"));
            long at9 = plan.plannedMicros(day2, 40_000_000, Instant.parse("2026-11-22T09:00:00Z"));
            assertEquals(10_000_000, at9, "a quarter of the traffic by 09:00");
            assertEquals(30_000_000, at21 - at20, "three quarters of the budget in the 20:00 hour");
        }
    }

    @Test
    void theMinuteOfDayFollowsTheCampaignsTimeZone() throws Exception {
        Campaign c = CampaignJson.read(CampaignJson.MAPPER.readTree(SHAPED.replace("\"UTC\"", "\"America/New_York\"")),
                "cmp-t", "adv", 1, Instant.EPOCH).campaign();
        Instant t = Instant.parse("2026-11-22T12:05:30Z");
        assertEquals(425, PacingRuntime.minuteOfDay(PacingRuntime.key(c, t), c, t));
        assertEquals(LocalDate.of(2026, 11, 22), PacingRuntime.key(c, Instant.parse("2026-11-23T04:59:00Z")).day());
    }

    private static final String ASAP = "{\"name\":\"Lifetime\",\"daily_budget_micros\":100000,\"lifetime_budget_micros\":150000,"
            + "\"max_cpm_micros\":2000000,\"start\":\"2026-01-01T00:00:00Z\",\"time_zone\":\"UTC\",\"pacing\":\"ASAP\","
            + "\"creatives\":[{\"id\":\"c\",\"type\":\"banner\",\"markup\":\"<img>\",\"w\":300,\"h\":250,\"adomain\":[\"a.example\"]}]}";

    @Test
    void aLifetimeBudgetCapsTheSumOfTheDaysAndTheDayRollsOverAtLocalMidnight() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));
        Campaign c = CampaignJson.read(CampaignJson.MAPPER.readTree(ASAP), "cmp-l", "adv", 1, clock.instant()).campaign();
        try (ChronicleBudgetStore store = new ChronicleBudgetStore(dir.resolve("s"), 10_000, LocalDate.of(2026, 11, 1));
             ChargeJournal journal = new ChargeJournal(dir.resolve("j"), 10_000);
             ChronicleCampaignRepository repo = new ChronicleCampaignRepository(dir.resolve("c"), 100)) {
            repo.put(c);
            BudgetLedger ledger = new BudgetLedger(store, journal, clock, 60_000);
            PacingRuntime runtime = new PacingRuntime(repo, ledger, new LeaseManager(store, ledger, 4), clock, 60_000, 60, 0);

            spendAllDay(runtime, c, clock, "d1");
            BudgetKey day1 = new BudgetKey("cmp-l", LocalDate.of(2026, 11, 21));
            assertEquals(100_000, store.spent(day1), "the daily budget, fully spent, not a micro more");

            spendAllDay(runtime, c, clock, "d2");
            BudgetKey day2 = new BudgetKey("cmp-l", LocalDate.of(2026, 11, 22));
            assertEquals(50_000, store.spent(day2), "only what the lifetime budget had left");
            assertEquals(100_000, store.spent(day1), "day 1 untouched by day 2");

            spendAllDay(runtime, c, clock, "d3");
            assertEquals(0, store.spent(new BudgetKey("cmp-l", LocalDate.of(2026, 11, 23))), "lifetime budget used up");
        }
    }

    /** Every minute of one day: 20 opportunities, each winner billed its maximum; then midnight. */
    private static void spendAllDay(PacingRuntime runtime, Campaign c, MutableClock clock, String prefix) {
        for (int minute = 0; minute < 24 * 60; minute++) {
            runtime.tick();
            for (int i = 0; i < 20; i++) {
                String id = prefix + "-" + minute + "-" + i;
                if (runtime.gate(c, id, 2_000, clock.instant()) != null) {
                    runtime.settle(c, id, 2_000, clock.millis());
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
        runtime.tick();
    }
}
