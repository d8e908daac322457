package io.podium.pacing.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The part of one local day during which a campaign may spend: from the later of local
 * midnight and the flight start to the earlier of the next local midnight and the flight
 * end. Days are taken in the campaign's time zone, so a DST day is 23 or 25 hours long.
 */
public record DayWindow(LocalDate day, ZoneId zone, Instant start, Instant end) {

    public static DayWindow of(LocalDate day, ZoneId zone, Instant flightStart, Instant flightEnd) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant s = flightStart != null && flightStart.isAfter(dayStart) ? flightStart : dayStart;
        Instant e = flightEnd != null && flightEnd.isBefore(dayEnd) ? flightEnd : dayEnd;
        if (e.isBefore(s)) {
            e = s;
        }
        return new DayWindow(day, zone, s, e);
    }

    /** The local day that contains an instant. */
    public static LocalDate dayOf(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate();
    }

    public long lengthMillis() {
        return end.toEpochMilli() - start.toEpochMilli();
    }

    /** Elapsed share of the window at {@code t}, in [0, 1]. */
    public double elapsed(Instant t) {
        long len = lengthMillis();
        if (len == 0) {
            return t.isBefore(start) ? 0 : 1;
        }
        double f = (t.toEpochMilli() - start.toEpochMilli()) / (double) len;
        return Math.max(0, Math.min(1, f));
    }

    /** Elapsed share of the whole local day (midnight to midnight) at {@code t}, in [0, 1]. */
    public double dayFraction(Instant t) {
        long s = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long e = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return Math.max(0, Math.min(1, (t.toEpochMilli() - s) / (double) (e - s)));
    }
}
