package io.podium.exchange.notice;

/**
 * Told of every valid notice the first time it arrives (for example, the pacing ledger
 * charges a campaign on a billing notice). Called on the notice's handling thread; must not
 * block.
 */
public interface NoticeListener {
    void onNotice(Notice notice);
}
