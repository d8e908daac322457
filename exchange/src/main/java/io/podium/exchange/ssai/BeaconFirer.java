package io.podium.exchange.ssai;

import io.podium.exchange.notice.NoticeForwarder;
import io.podium.ssai.session.BeaconEvent;
import io.podium.ssai.session.BeaconOnce;
import io.podium.ssai.session.BeaconTicket;
import io.podium.vast.macro.VastMacros;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fires the beacons of a routed ad segment: once per ticket key on this node
 * ({@link BeaconOnce}), every URL with {@code [TIMESTAMP]} and {@code [CACHEBUSTING]} filled,
 * through the notice forwarder (timeouts, {@code User-Agent}, metrics per event, failures
 * logged and dropped). Never blocks: the caller answers the segment request at once.
 */
public final class BeaconFirer {
    private final BeaconOnce once;
    private final NoticeForwarder forwarder;
    private final Clock clock;

    public BeaconFirer(BeaconOnce once, NoticeForwarder forwarder, Clock clock) {
        this.once = once;
        this.forwarder = forwarder;
        this.clock = clock;
    }

    /** @return whether this call fired (false for a repeat) */
    public boolean fire(BeaconTicket ticket) {
        if (ticket.beacons().isEmpty() || !once.first(ticket)) {
            return false;
        }
        VastMacros macros = VastMacros.builder()
                .set("TIMESTAMP", VastMacros.timestamp(clock.instant(), ZoneOffset.UTC))
                .set("CACHEBUSTING", VastMacros.cacheBuster(new SplittableRandom())).build();
        for (Map.Entry<BeaconEvent, List<String>> e : ticket.beacons().entrySet()) {
            for (String url : e.getValue()) {
                forwarder.fire("ssai_" + e.getKey().vastName(), macros.expand(url));
            }
        }
        return true;
    }
}
