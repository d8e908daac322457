package io.podium.pacing.runtime;

import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.CampaignRepository;
import io.podium.pacing.control.PacingController;
import io.podium.pacing.ledger.BudgetLedger;
import io.podium.pacing.ledger.LeaseManager;
import io.podium.pacing.plan.AsapPlan;
import io.podium.pacing.plan.DayWindow;
import io.podium.pacing.plan.EvenPlan;
import io.podium.pacing.plan.PlanCurve;
import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.BudgetStoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One node's pacing: the auction-path gate ({@link #gate}: controller draw plus a local
 * reservation, no I/O) and the background step ({@link #tick}) that leases budget, runs the
 * controllers, flushes the charge journal, reconciles expired reservations and gives back the
 * budget of days that are over or campaigns that stopped. Time comes from the injected clock,
 * so a simulation can run a day in minutes by calling {@link #tick} itself.
 */
public final class PacingRuntime {
    /** Per campaign-day state on this node. */
    private static final class DayState {
        final PacingController controller = new PacingController(0.1, 0.001, 0.3);
        final LongAdder reserved = new LongAdder();
        long reservedAtLastTick;
        double ratePerSecond;
        long lastTickMillis;
        long lastControlMillis;
        long spentAtLastControl;
    }

    private final CampaignRepository campaigns;
    private final BudgetLedger ledger;
    private final LeaseManager leases;
    private final Clock clock;
    private final long controlIntervalMillis;
    private final long leaseSeconds;
    private final long flushIntervalMillis;
    private long lastFlushMillis;
    private final Map<BudgetKey, DayState> days = new ConcurrentHashMap<>();
    private final Map<String, TrafficForecast> forecasts = new ConcurrentHashMap<>();
    private final PlanCurve even = new EvenPlan();
    private final PlanCurve asap = new AsapPlan();

    /**
     * @param controlIntervalMillis how often each campaign's controller is updated
     * @param leaseSeconds how many seconds of spend, at the observed rate, a lease covers
     * @param flushIntervalMillis how often the charge journal is written to the store
     */
    public PacingRuntime(CampaignRepository campaigns, BudgetLedger ledger, LeaseManager leases, Clock clock,
                         long controlIntervalMillis, long leaseSeconds, long flushIntervalMillis) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.leases = leases;
        this.clock = clock;
        this.controlIntervalMillis = controlIntervalMillis;
        this.leaseSeconds = leaseSeconds;
        this.flushIntervalMillis = flushIntervalMillis;
    }

    public static BudgetKey key(Campaign c, Instant t) {
        return new BudgetKey(c.id(), DayWindow.dayOf(t, c.timeZone()));
    }

    /** The campaign's lifetime pool, or null when it has no lifetime budget. */
    public static BudgetKey lifetimeKey(Campaign c) {
        return c.lifetimeBudgetMicros() > 0 ? BudgetKey.lifetime(c.id()) : null;
    }

    /**
     * Auction path: may this campaign bid now, and can this node hold its maximum cost?
     *
     * @return the campaign-day the reservation was made on, or null (no bid)
     */
    public BudgetKey gate(Campaign c, String chargeId, long maxCostMicros, Instant now) {
        BudgetKey key = key(c, now);
        DayState state = days.computeIfAbsent(key, k -> new DayState());
        forecasts.computeIfAbsent(c.id(), id -> new TrafficForecast(now.toEpochMilli())).count(now, c.timeZone());
        if (!state.controller.admit()) {
            return null;
        }
        if (!ledger.reserve(key, lifetimeKey(c), chargeId, maxCostMicros)) {
            return null;
        }
        state.reserved.add(maxCostMicros);
        return key;
    }

    public void cancel(String chargeId) {
        ledger.cancel(chargeId);
    }

    /** A billing notice for a campaign's impression. */
    public BudgetLedger.Settlement settle(Campaign c, String chargeId, long costMicros, long issuedAtMillis) {
        BudgetKey key = key(c, Instant.ofEpochMilli(issuedAtMillis));
        return ledger.settle(key, lifetimeKey(c), chargeId, costMicros, issuedAtMillis, minuteOfDay(key, c, clock.instant()));
    }

    /** The minute of the campaign-day's local day that {@code t} falls in, clamped to the day. */
    public static int minuteOfDay(BudgetKey key, Campaign c, Instant t) {
        long start = key.day().atStartOfDay(c.timeZone()).toInstant().toEpochMilli();
        long end = key.day().plusDays(1).atStartOfDay(c.timeZone()).toInstant().toEpochMilli();
        long clamped = Math.max(start, Math.min(end - 1, t.toEpochMilli()));
        return (int) ((clamped - start) / 60_000);
    }

    /**
     * The plan a campaign follows now: ASAP, EVEN, or for SHAPED the traffic forecast learnt on
     * this node (even until a full day has been observed).
     */
    public PlanCurve planFor(Campaign c, Instant now) {
        switch (c.pacing()) {
            case ASAP:
                return asap;
            case SHAPED:
                TrafficForecast f = forecasts.get(c.id());
                return f == null ? even : f.plan(now);
            default:
                return even;
        }
    }

    /** The pass rate of a campaign's controller today (reports, tests). */
    public double passRate(Campaign c) {
        DayState s = days.get(key(c, clock.instant()));
        return s == null ? Double.NaN : s.controller.passRate();
    }

    /** Background step; safe to call often. Never throws on store outages (fails closed). */
    public synchronized void tick() {
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        Map<LocalDate, Map<String, Long>> spentByDay = new java.util.HashMap<>();
        List<LeaseManager.TopUp> topUps = new ArrayList<>();
        for (Campaign c : campaigns.all()) {
            BudgetKey key = key(c, now);
            BudgetKey lifetime = lifetimeKey(c);
            if (!c.liveAt(now)) {
                leases.giveBack(key);
                if (lifetime != null) {
                    leases.giveBack(lifetime);
                }
                continue;
            }
            DayState s = days.computeIfAbsent(key, k -> new DayState());
            long reserved = s.reserved.sum();
            if (s.lastTickMillis > 0 && nowMillis > s.lastTickMillis) {
                double rate = (reserved - s.reservedAtLastTick) * 1000.0 / (nowMillis - s.lastTickMillis);
                s.ratePerSecond = 0.3 * rate + 0.7 * s.ratePerSecond;
            }
            s.reservedAtLastTick = reserved;
            s.lastTickMillis = nowMillis;
            long maxCost = (c.maxCpmMicros() + 999) / 1000;
            long target = Math.min(c.dailyBudgetMicros(), Math.max(20 * maxCost, (long) (s.ratePerSecond * leaseSeconds)));
            topUps.add(new LeaseManager.TopUp(key, c.dailyBudgetMicros(), target / 2, target));
            if (lifetime != null) {
                topUps.add(new LeaseManager.TopUp(lifetime, c.lifetimeBudgetMicros(), target / 2, target));
            }
            if (nowMillis - s.lastControlMillis >= controlIntervalMillis) {
                if (!spentByDay.containsKey(key.day())) {
                    spentByDay.put(key.day(), spentOn(key.day())); // null (store down) is remembered too
                }
                Map<String, Long> spent = spentByDay.get(key.day());
                if (spent != null) {
                    control(c, key, s, now, spent.getOrDefault(c.id(), 0L));
                }
            }
        }
        leases.topUpAll(topUps);
        giveBackFinishedDays(now);
        if (nowMillis - lastFlushMillis >= flushIntervalMillis) {
            while (ledger.flush(5000) == 5000) {
                // a backlog (after an outage) goes out in several batches
            }
            lastFlushMillis = nowMillis;
        }
        ledger.reconcileExpired();
    }

    /** Every campaign's spend of a day in one read (a few commands, whatever the number of campaigns); null when the store is down. */
    private Map<String, Long> spentOn(LocalDate day) {
        try {
            return ledger.store().spentOn(day);
        } catch (BudgetStoreUnavailableException e) {
            return null;
        }
    }

    private void control(Campaign c, BudgetKey key, DayState s, Instant now, long spent) {
        DayWindow window = DayWindow.of(key.day(), c.timeZone(), c.start(), c.end());
        PlanCurve plan = planFor(c, now);
        long planNext = plan.plannedMicros(window, c.dailyBudgetMicros(), now.plusMillis(controlIntervalMillis));
        long sinceLast = s.lastControlMillis == 0 ? 0 : Math.max(0, spent - s.spentAtLastControl);
        s.controller.update(spent, sinceLast, planNext);
        s.spentAtLastControl = spent;
        s.lastControlMillis = now.toEpochMilli();
    }

    private void giveBackFinishedDays(Instant now) {
        Iterator<Map.Entry<BudgetKey, DayState>> it = days.entrySet().iterator();
        while (it.hasNext()) {
            BudgetKey key = it.next().getKey();
            Campaign c = campaigns.get(key.campaignId()).orElse(null);
            LocalDate today = c == null ? null : DayWindow.dayOf(now, c.timeZone());
            if (c == null || !key.day().equals(today)) {
                if (leases.giveBack(key) >= 0 && ledger.reserved(key) == 0) {
                    it.remove();
                }
            }
        }
    }
}
