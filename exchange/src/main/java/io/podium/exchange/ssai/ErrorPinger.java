package io.podium.exchange.ssai;

import io.podium.exchange.notice.NoticeForwarder;
import io.podium.ssai.session.BeaconOnce;
import io.podium.ssai.session.BeaconTicket;
import io.podium.vast.macro.VastMacros;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Calls an ad's VAST Error URLs with {@code [ERRORCODE]} filled, server-side, without blocking
 * (through the notice forwarder: timeout, {@code User-Agent}, failures logged and dropped). A
 * skip seen while stitching is reported once per session, break, ad and code on this node,
 * however many variant playlists show it. Thread-safe.
 */
public final class ErrorPinger {
    private final NoticeForwarder forwarder;
    private final BeaconOnce once;

    public ErrorPinger(NoticeForwarder forwarder, BeaconOnce once) {
        this.forwarder = forwarder;
        this.once = once;
    }

    /** Pings every URL now. */
    public void ping(List<String> errorUrls, int code) {
        if (errorUrls.isEmpty()) {
            return;
        }
        VastMacros macros = VastMacros.builder().set("ERRORCODE", code).build();
        for (String url : errorUrls) {
            forwarder.fire("ssai_error", macros.expand(url));
        }
    }

    /** Pings the URLs the first time this (session, break, ad, code) is reported. */
    public void pingOnce(String sessionId, int breakIndex, int adIndex, long expiresAtSeconds, List<String> errorUrls,
                         int code) {
        BeaconTicket key = new BeaconTicket(sessionId, breakIndex, adIndex, code, expiresAtSeconds,
                URI.create("error:" + code), Map.of());
        if (once.first(key)) {
            ping(errorUrls, code);
        }
    }
}
