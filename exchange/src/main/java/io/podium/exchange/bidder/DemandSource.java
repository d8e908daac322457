package io.podium.exchange.bidder;

/** Where bids come from: an external DSP ({@link Bidder}) or Podium's own campaigns. */
public interface DemandSource {
    /** Stable id, used in metrics, notices and {@code ext.podium.bidders}. */
    String id();

    /** The seat its bids count as when a seatbid names none. */
    String seat();
}
