package io.podium.ssai.dash;

import java.net.URI;
import java.util.Objects;

/**
 * One ad of a break: its DASH rendition and how long it plays.
 *
 * @param adId the ad's id, handed to the {@link DashUrlRewriter} and named in {@link SkippedAd}
 * @param durationMicros how long the ad plays (its VAST duration); its Period lasts this long, or
 *     less when the ad MPD's Period is shorter
 * @param adMpd the ad's MPD
 * @param adMpdUri the absolute URL the ad MPD was read from, to resolve its URLs against
 */
public record DashAd(String adId, long durationMicros, Mpd adMpd, URI adMpdUri) {
    public DashAd {
        Objects.requireNonNull(adId, "adId");
        Objects.requireNonNull(adMpd, "adMpd");
        Objects.requireNonNull(adMpdUri, "adMpdUri");
        if (durationMicros <= 0) {
            throw new IllegalArgumentException("ad " + adId + ": duration " + durationMicros + " µs is not positive");
        }
        if (!adMpdUri.isAbsolute()) {
            throw new IllegalArgumentException("ad " + adId + ": MPD URL " + adMpdUri + " is not absolute");
        }
    }
}
