package io.podium.exchange.notice;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * OpenRTB 2.6 §4.4 substitution macros: every {@code ${NAME}} (or {@code ${NAME:B64}}) whose
 * name is known is replaced by its value; a known macro without a value is removed (empty
 * string); unknown {@code ${...}} text is left as it is. The {@code :B64} suffix encodes the
 * value as unpadded base64url, the one encoding Podium agrees with its DSPs; any other
 * suffix yields the empty string. One pass, no regular expressions.
 */
public final class Macros {
    public static final String AUCTION_ID = "AUCTION_ID";
    public static final String AUCTION_BID_ID = "AUCTION_BID_ID";
    public static final String AUCTION_IMP_ID = "AUCTION_IMP_ID";
    public static final String AUCTION_SEAT_ID = "AUCTION_SEAT_ID";
    public static final String AUCTION_AD_ID = "AUCTION_AD_ID";
    public static final String AUCTION_PRICE = "AUCTION_PRICE";
    public static final String AUCTION_CURRENCY = "AUCTION_CURRENCY";
    public static final String AUCTION_MBR = "AUCTION_MBR";
    public static final String AUCTION_LOSS = "AUCTION_LOSS";
    public static final String AUCTION_MIN_TO_WIN = "AUCTION_MIN_TO_WIN";
    public static final String AUCTION_MULTIPLIER = "AUCTION_MULTIPLIER";
    public static final String AUCTION_IMP_TS = "AUCTION_IMP_TS";
    public static final String AUCTION_DISCOUNT_PCT = "AUCTION_DISCOUNT_PCT";
    public static final String AUCTION_DISCOUNT_CPM = "AUCTION_DISCOUNT_CPM";

    private static final java.util.Set<String> KNOWN = java.util.Set.of(AUCTION_ID, AUCTION_BID_ID, AUCTION_IMP_ID,
            AUCTION_SEAT_ID, AUCTION_AD_ID, AUCTION_PRICE, AUCTION_CURRENCY, AUCTION_MBR, AUCTION_LOSS,
            AUCTION_MIN_TO_WIN, AUCTION_MULTIPLIER, AUCTION_IMP_TS, AUCTION_DISCOUNT_PCT, AUCTION_DISCOUNT_CPM);

    private Macros() {
    }

    /**
     * @param values macro values by name; a name absent from the map but known to the spec is
     *               replaced by the empty string, except those listed in {@code keep}
     * @param keep known macros to leave untouched (filled in later, e.g. AUCTION_IMP_TS)
     */
    public static String expand(String text, Map<String, String> values, java.util.Set<String> keep) {
        if (text == null || text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (true) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            out.append(text, i, start);
            String token = text.substring(start + 2, end);
            int colon = token.indexOf(':');
            String name = colon < 0 ? token : token.substring(0, colon);
            if (!KNOWN.contains(name) || keep.contains(name)) {
                out.append(text, start, end + 1);
            } else {
                String value = values.getOrDefault(name, "");
                if (colon >= 0) {
                    value = "B64".equals(token.substring(colon + 1))
                            ? Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                            : "";
                }
                out.append(value);
            }
            i = end + 1;
        }
    }

    public static String expand(String text, Map<String, String> values) {
        return expand(text, values, java.util.Set.of());
    }
}
