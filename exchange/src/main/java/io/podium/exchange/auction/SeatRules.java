package io.podium.exchange.auction;

import io.podium.openrtb.Deal;
import java.util.List;

/** The buyer-seat rules of OpenRTB: {@code wseat}/{@code bseat} and a deal's {@code wseat}. Seats compare case-insensitively. */
public final class SeatRules {
    private SeatRules() {
    }

    /** Not in {@code bseat}, and in {@code wseat} when that list is given. */
    public static boolean allowed(List<String> wseat, List<String> bseat, String seat) {
        return !containsIgnoreCase(bseat, seat) && (wseat.isEmpty() || containsIgnoreCase(wseat, seat));
    }

    /** A deal without {@code wseat} is open to every seat. */
    public static boolean dealAllows(Deal deal, String seat) {
        return deal.getWseatCount() == 0 || containsIgnoreCase(deal.getWseatList(), seat);
    }

    public static boolean containsIgnoreCase(List<String> list, String value) {
        for (String s : list) {
            if (s.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
