package io.podium.exchange.auction;

import io.podium.exchange.pod.TimedMedia;
import io.podium.openrtb.Deal;
import io.podium.openrtb.DurFloors;
import io.podium.openrtb.Imp;
import java.util.List;

/**
 * The floor a bid must reach, in micros of the exchange currency (OpenRTB 2.6 §7.11).
 *
 * <ul>
 *   <li>Open market: the highest of {@code imp.bidfloor}, {@code mincpmpersec} x the bid's
 *       {@code dur}, and the floor of every {@code durfloors} range of the imp's Video or
 *       Audio that contains {@code dur} (bounds inclusive, a missing bound unbounded). All in
 *       {@code imp.bidfloorcur}.</li>
 *   <li>A bid on a deal: the deal's own terms replace the imp's: the highest of
 *       {@code deal.bidfloor}, {@code deal.mincpmpersec} x {@code dur} and the deal's matching
 *       {@code durfloors}, in {@code deal.bidfloorcur}.</li>
 * </ul>
 * The duration terms apply to bids that give a duration on imps with a Video or Audio; banner
 * and native bids see {@code bidfloor} alone. Stateless and thread-safe.
 */
public final class Floors {
    private final CurrencyConverter currencies;

    public Floors(CurrencyConverter currencies) {
        this.currencies = currencies;
    }

    /**
     * @param media the imp's Video or Audio the bid answers, or null
     * @param durationSeconds the bid's {@code dur}, 0 when it gives none
     */
    public long openMarket(Imp imp, TimedMedia media, int durationSeconds) {
        String currency = imp.hasBidfloorcur() ? imp.getBidfloorcur() : "USD";
        long floor = micros(imp.getBidfloor(), currency);
        if (media != null && durationSeconds > 0) {
            floor = Math.max(floor, perSecond(media.minCpmPerSecond(), durationSeconds, currency));
            floor = Math.max(floor, byDuration(media.durationFloors(), durationSeconds, currency));
        }
        return floor;
    }

    /** @param durationSeconds the bid's {@code dur}, 0 when it gives none */
    public long deal(Deal deal, int durationSeconds) {
        String currency = deal.hasBidfloorcur() ? deal.getBidfloorcur() : "USD";
        long floor = micros(deal.getBidfloor(), currency);
        if (durationSeconds > 0) {
            floor = Math.max(floor, perSecond(deal.getMincpmpersec(), durationSeconds, currency));
            floor = Math.max(floor, byDuration(deal.getDurfloorsList(), durationSeconds, currency));
        }
        return floor;
    }

    private long perSecond(double cpmPerSecond, int seconds, String currency) {
        if (!(cpmPerSecond > 0)) {
            return 0;
        }
        if (!currencies.knows(currency)) {
            return Long.MAX_VALUE;
        }
        try {
            return currencies.toExchange(Math.multiplyExact(Money.toMicros(cpmPerSecond), (long) seconds), currency);
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    private long byDuration(List<DurFloors> floors, int seconds, String currency) {
        long floor = 0;
        for (DurFloors f : floors) {
            boolean inRange = (!f.hasMindur() || seconds >= f.getMindur()) && (!f.hasMaxdur() || seconds <= f.getMaxdur());
            if (inRange) {
                floor = Math.max(floor, micros(f.getBidfloor(), currency));
            }
        }
        return floor;
    }

    /** A spec floor in the exchange currency; requests with unknown floor currencies are refused earlier (400). */
    long micros(double floor, String currency) {
        if (!(floor > 0)) {
            return 0;
        }
        if (!currencies.knows(currency)) {
            return Long.MAX_VALUE;
        }
        try {
            return currencies.toExchange(Money.toMicros(floor), currency);
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }
}
