package io.podium.exchange.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code auction:} — deadlines, pricing and currencies.
 *
 * @param defaultTmaxMs deadline used when a request has no {@code tmax}
 * @param tmaxCapMs the longest deadline Podium grants, whatever the request asks
 * @param marginMs time Podium keeps for itself (auction, encoding, the way back) out of the
 *                 deadline; bidders get what remains
 * @param currency the exchange's own currency (ISO 4217); floors and bids are compared in it
 * @param ratesMicros value of one unit of each foreign currency, in micros of {@code currency}
 * @param secondPriceIncrementMicros added to the second price in {@code at=2} auctions
 * @param schainAsi Podium's own supply-chain node: the advertising system's domain
 * @param schainSid Podium's seller id within that system
 * @param lateGraceMs how long after the deadline a bidder's connection is kept open so that a
 *                    late answer is still read (and counted as late) instead of cut off
 */
public record AuctionConfig(int defaultTmaxMs, int tmaxCapMs, int marginMs, String currency,
                            Map<String, Long> ratesMicros, long secondPriceIncrementMicros,
                            String schainAsi, String schainSid, int lateGraceMs) {

    static AuctionConfig read(ConfigNode n) {
        int defaultTmax = n.int32("default_tmax_ms", 250, 10, 60_000);
        int cap = n.int32("tmax_cap_ms", 1000, 10, 60_000);
        int margin = n.int32("margin_ms", 15, 0, 10_000);
        String currency = n.string("currency", "USD").toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            n.problem("currency", "must be an ISO 4217 code such as USD, got \"" + currency + "\"");
        }
        Map<String, Long> rates = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : n.numberMap("currency_rates").entrySet()) {
            String code = e.getKey().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{3}")) {
                n.problem("currency_rates." + e.getKey(), "must be an ISO 4217 code");
            } else if (!(e.getValue() > 0)) {
                n.problem("currency_rates." + e.getKey(), "must be a positive number of " + currency);
            } else {
                rates.put(code, Math.round(e.getValue() * 1_000_000d));
            }
        }
        rates.put(currency, 1_000_000L);
        long increment = n.integer("second_price_increment_micros", 10_000, 0, 1_000_000_000);
        ConfigNode schain = n.section("schain");
        String asi = schain.string("asi", "podium.local");
        String sid = schain.string("sid", "podium");
        schain.finish();
        int grace = n.int32("late_grace_ms", 50, 0, 60_000);
        if (margin >= Math.min(defaultTmax, cap)) {
            n.problem("margin_ms", "must be smaller than default_tmax_ms and tmax_cap_ms");
        }
        n.finish();
        return new AuctionConfig(defaultTmax, cap, margin, currency, Map.copyOf(rates), increment, asi, sid, grace);
    }
}
