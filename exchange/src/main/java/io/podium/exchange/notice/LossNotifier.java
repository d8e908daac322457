package io.podium.exchange.notice;

import io.podium.exchange.auction.AuctionOutcome;
import io.podium.exchange.auction.RejectedBid;
import java.time.Clock;
import java.util.Map;

/**
 * Calls the {@code lurl} of every bid that did not win, with {@code ${AUCTION_LOSS}} set to
 * its loss reason and {@code ${AUCTION_MIN_TO_WIN}} where the auction shares it.
 * Fire-and-forget: runs after the response is on its way.
 */
public final class LossNotifier {
    private final NoticeForwarder forwarder;
    private final MacroValues macros;
    private final Clock clock;

    public LossNotifier(NoticeForwarder forwarder, MacroValues macros, Clock clock) {
        this.forwarder = forwarder;
        this.macros = macros;
        this.clock = clock;
    }

    public void notifyLosers(AuctionOutcome outcome) {
        long now = clock.millis();
        for (RejectedBid loser : outcome.losers()) {
            if (!loser.bid().hasLurl() || loser.bid().getLurl().isEmpty()) {
                continue;
            }
            Map<String, String> values = macros.of(outcome.request(),
                    ResponseAssembler.imp(outcome.request(), loser.bid().getImpid()), loser.responseBidId(),
                    loser.seat(), loser.bid(), loser.currency(), -1, loser.minToWinMicros(), loser.lossReason());
            values.put(Macros.AUCTION_IMP_TS, Long.toString(now));
            forwarder.fire("loss", Macros.expand(loser.bid().getLurl(), values));
        }
    }
}
