package io.podium.ssai.dash;

import java.util.List;
import java.util.Objects;

/**
 * The result of a stitch.
 *
 * @param mpd the multi-period MPD
 * @param skipped the ads left out, in break and ad order
 */
public record DashStitched(Mpd mpd, List<SkippedAd> skipped) {
    public DashStitched {
        Objects.requireNonNull(mpd, "mpd");
        skipped = List.copyOf(skipped);
    }
}
