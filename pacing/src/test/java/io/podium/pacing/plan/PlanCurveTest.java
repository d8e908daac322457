package io.podium.pacing.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PlanCurveTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day.atTime(hour, minute), NY).toInstant();
    }

    @Test
    void evenPlanIsLinearOverTheLocalDay() {
        DayWindow w = DayWindow.of(DAY, NY, null, null);
        EvenPlan plan = new EvenPlan();
        assertEquals(0, plan.plannedMicros(w, 24_000_000, at(DAY, 0, 0)));
        assertEquals(6_000_000, plan.plannedMicros(w, 24_000_000, at(DAY, 6, 0)));
        assertEquals(12_500_000, plan.plannedMicros(w, 24_000_000, at(DAY, 12, 30)));
        assertEquals(24_000_000, plan.plannedMicros(w, 24_000_000, at(DAY.plusDays(1), 0, 0)));
        assertEquals(24_000_000, plan.plannedMicros(w, 24_000_000, at(DAY.plusDays(1), 5, 0)));
    }

    @Test
    void aDaylightSavingDayHasTwentyFiveHours() {
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        DayWindow w = DayWindow.of(fallBack, NY, null, null);
        assertEquals(25L * 3_600_000, w.lengthMillis());
        assertEquals(12_500_000, new EvenPlan().plannedMicros(w, 25_000_000, w.start().plusSeconds(12 * 3600 + 1800)));
    }

    @Test
    void theFlightLimitsTheWindow() {
        DayWindow w = DayWindow.of(DAY, NY, at(DAY, 12, 0), at(DAY, 18, 0));
        EvenPlan plan = new EvenPlan();
        assertEquals(0, plan.plannedMicros(w, 6_000_000, at(DAY, 9, 0)));
        assertEquals(3_000_000, plan.plannedMicros(w, 6_000_000, at(DAY, 15, 0)));
        assertEquals(6_000_000, plan.plannedMicros(w, 6_000_000, at(DAY, 20, 0)));
    }

    @Test
    void asapPlansTheWholeBudgetFromTheStart() {
        DayWindow w = DayWindow.of(DAY, NY, at(DAY, 8, 0), null);
        assertEquals(0, new AsapPlan().plannedMicros(w, 5_000, at(DAY, 7, 59)));
        assertEquals(5_000, new AsapPlan().plannedMicros(w, 5_000, at(DAY, 8, 0)));
    }

    @Test
    void shapedPlanFollowsTheForecast() {
        double[] hours = new double[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = h < 12 ? 1 : 3;
        }
        DayWindow w = DayWindow.of(DAY, NY, null, null);
        ShapedPlan plan = new ShapedPlan(hours);
        assertEquals(12_000_000, plan.plannedMicros(w, 48_000_000, at(DAY, 12, 0)), "12 of 48 weight units");
        assertEquals(13_500_000, plan.plannedMicros(w, 48_000_000, at(DAY, 12, 30)));
        assertEquals(48_000_000, plan.plannedMicros(w, 48_000_000, at(DAY.plusDays(1), 0, 0)));
    }

    @Test
    void shapedPlanRescalesToAPartialWindow() {
        double[] hours = new double[24];
        java.util.Arrays.fill(hours, 1);
        hours[20] = 5;
        DayWindow w = DayWindow.of(DAY, NY, at(DAY, 18, 0), null);
        ShapedPlan plan = new ShapedPlan(hours);
        assertEquals(0, plan.plannedMicros(w, 10_000, at(DAY, 18, 0)));
        assertEquals(2_000, plan.plannedMicros(w, 10_000, at(DAY, 20, 0)), "2 of 10 units from 18:00");
        assertEquals(7_000, plan.plannedMicros(w, 10_000, at(DAY, 21, 0)));
        assertEquals(10_000, plan.plannedMicros(w, 10_000, at(DAY, 23, 59, 59)));
    }

    private static Instant at(LocalDate day, int h, int m, int s) {
        return ZonedDateTime.of(day.atTime(h, m, s), NY).toInstant().plusSeconds(1);
    }

    @Test
    void aForecastMustHaveWeight() {
        assertThrows(IllegalArgumentException.class, () -> new ShapedPlan(new double[24]));
        assertThrows(IllegalArgumentException.class, () -> new ShapedPlan(new double[] {1, -1}));
        assertTrue(new ShapedPlan(new double[] {1}).share(0.5) > 0.49);
    }
}
