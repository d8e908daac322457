package io.podium.ssai.dash;

import java.util.Objects;

/**
 * An ad that got no Period in the stitched MPD. The service reports it to the ad's VAST error URL
 * with {@link Reason#vastErrorCode()}.
 *
 * @param breakId the break's id
 * @param adIndex the ad's index in {@link DashBreak#ads()}
 * @param adId the ad's id
 * @param reason why, as a kind
 * @param detail why, in words
 */
public record SkippedAd(String breakId, int adIndex, String adId, Reason reason, String detail) {
    /** Why an ad was left out. */
    public enum Reason {
        /** The ad MPD is not one static Period the stitcher can use, or its URLs do not resolve. */
        UNSUPPORTED_MPD(405),
        /** No video Representation of the ad fits the content's codec, container and resolution. */
        NO_MATCHING_VIDEO(403),
        /** No audio Representation of the ad fits the content's codec and container. */
        NO_MATCHING_AUDIO(403);

        private final int vastErrorCode;

        Reason(int vastErrorCode) {
            this.vastErrorCode = vastErrorCode;
        }

        /** 403 (no supported media file) or 405 (problem displaying the media file). */
        public int vastErrorCode() {
            return vastErrorCode;
        }
    }

    public SkippedAd {
        Objects.requireNonNull(breakId, "breakId");
        Objects.requireNonNull(adId, "adId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
