package io.podium.exchange.auction;

import io.podium.openrtb.Imp;

/**
 * The winner of one imp.
 *
 * @param clearingMicros what the winner pays, exchange currency
 * @param minToWinMicros the price that would have tied the next-best bid (or the floor)
 */
public record ImpWin(Imp imp, CandidateBid winner, long clearingMicros, long minToWinMicros) {
}
