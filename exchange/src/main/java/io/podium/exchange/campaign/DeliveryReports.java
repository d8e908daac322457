package io.podium.exchange.campaign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.pacing.runtime.PacingRuntime;
import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.CampaignJson;
import io.podium.pacing.plan.DayWindow;
import io.podium.pacing.plan.PlanCurve;
import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.BudgetStore;
import io.podium.pacing.store.Delivery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/campaigns/{id}/delivery}: a campaign-day's spend against its plan, per
 * minute and per hour, impressions, utilisation, and the end-of-day spend projected from the
 * last hour's rate (never above the budget).
 */
public final class DeliveryReports {
    private final BudgetStore store;
    private final PacingRuntime pacing;
    private final Clock clock;

    public DeliveryReports(BudgetStore store, PacingRuntime pacing, Clock clock) {
        this.store = store;
        this.pacing = pacing;
        this.clock = clock;
    }

    /** @param day the campaign's local day, or null for today */
    public ObjectNode report(Campaign c, LocalDate day) {
        Instant now = clock.instant();
        LocalDate d = day != null ? day : DayWindow.dayOf(now, c.timeZone());
        BudgetKey key = new BudgetKey(c.id(), d);
        Delivery delivery = store.delivery(key);
        DayWindow window = DayWindow.of(d, c.timeZone(), c.start(), c.end());
        PlanCurve plan = pacing.planFor(c, now);
        long budget = c.dailyBudgetMicros();
        Instant dayStart = d.atStartOfDay(c.timeZone()).toInstant();
        int dayMinutes = (int) ((d.plusDays(1).atStartOfDay(c.timeZone()).toInstant().toEpochMilli()
                - dayStart.toEpochMilli()) / 60_000);
        Instant until = now.isBefore(dayStart.plusSeconds(dayMinutes * 60L)) ? now : dayStart.plusSeconds(dayMinutes * 60L);
        int nowMinute = now.isBefore(dayStart) ? -1 : PacingRuntime.minuteOfDay(key, c, until);

        ObjectNode out = CampaignJson.MAPPER.createObjectNode();
        out.put("campaign_id", c.id());
        out.put("day", d.toString());
        out.put("time_zone", c.timeZone().getId());
        out.put("currency", c.currency());
        out.put("daily_budget_micros", budget);
        out.put("spent_micros", delivery.spentMicros());
        out.put("planned_micros", plan.plannedMicros(window, budget, until));
        out.put("impressions", delivery.impressions());
        out.put("utilisation", ratio(delivery.spentMicros(), budget));
        long lastHour = 0;
        for (var e : delivery.spentByMinute().entrySet()) {
            if (e.getKey() > nowMinute - 60 && e.getKey() <= nowMinute) {
                lastHour += e.getValue();
            }
        }
        int minutesLeft = Math.max(0, dayMinutes - 1 - nowMinute);
        long projected = Math.min(budget, delivery.spentMicros() + lastHour * minutesLeft / 60);
        out.put("projected_end_of_day_micros", day != null && nowMinute >= dayMinutes - 1 ? delivery.spentMicros() : projected);

        ArrayNode minutes = out.putArray("minutes");
        long[] hourSpent = new long[(dayMinutes + 59) / 60];
        long[] hourPlan = new long[hourSpent.length];
        long before = plan.plannedMicros(window, budget, dayStart);
        for (int m = 0; m < dayMinutes; m++) {
            long after = plan.plannedMicros(window, budget, dayStart.plusSeconds((m + 1) * 60L));
            long spent = delivery.spentByMinute().getOrDefault(m, 0L);
            hourSpent[m / 60] += spent;
            hourPlan[m / 60] += after - before;
            if (m <= nowMinute) {
                minutes.addObject().put("minute", m).put("start", dayStart.plusSeconds(m * 60L).atZone(c.timeZone())
                        .toOffsetDateTime().toString()).put("spent_micros", spent).put("planned_micros", after - before);
            }
            before = after;
        }
        ArrayNode hours = out.putArray("hours");
        for (int h = 0; h < hourSpent.length; h++) {
            hours.addObject().put("hour", h).put("spent_micros", hourSpent[h]).put("planned_micros", hourPlan[h]);
        }
        return out;
    }

    private static BigDecimal ratio(long a, long b) {
        return b == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 6, RoundingMode.HALF_UP);
    }
}
