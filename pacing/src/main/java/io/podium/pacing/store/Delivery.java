package io.podium.pacing.store;

import java.util.Map;

/**
 * What a campaign-day has delivered so far, from the recorded charges.
 *
 * @param spentMicros the sum of its charges
 * @param impressions how many charges
 * @param spentByMinute spend per minute of the local day it was billed in (minutes without
 *                      spend are absent)
 */
public record Delivery(long spentMicros, long impressions, Map<Integer, Long> spentByMinute) {
}
