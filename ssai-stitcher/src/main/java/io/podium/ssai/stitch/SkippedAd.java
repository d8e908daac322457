package io.podium.ssai.stitch;

import java.util.Objects;

/**
 * An ad (or the slate) that got no segments of its own in one stitched playlist. The service
 * reports it to the ad's VAST error URL; since it stitches several playlists of one content, it
 * should report each (breakIndex, adIndex, reason) once.
 *
 * @param breakIndex the break's index in position order
 * @param adIndex the ad's index in {@link Break#ads()}, or {@link SegmentLinker#SLATE}
 * @param adId the ad's id
 * @param reason why
 */
public record SkippedAd(int breakIndex, int adIndex, String adId, Reason reason) {
    /** Why an ad got no segments of its own. */
    public enum Reason {
        /**
         * No variant of the ad's master has its media playlist supplied with segments: the ad
         * plays nowhere and takes no time in any playlist.
         */
        NO_MEDIA(403),
        /**
         * The ad plays, but offers no rendition in this playlist's container (transport stream
         * against fragmented MP4, told by EXT-X-MAP): this playlist gets gap segments instead.
         */
        CONTAINER_MISMATCH(403),
        /**
         * The ad plays, but this is an audio rendition and the ad has no usable separate audio
         * rendition (its audio is muxed into its variants): this playlist gets gap segments.
         */
        NO_AUDIO_RENDITION(405);

        private final int vastErrorCode;

        Reason(int vastErrorCode) {
            this.vastErrorCode = vastErrorCode;
        }

        /**
         * The VAST error code that fits: 403 (no supported media file) or 405 (problem displaying
         * the media file).
         */
        public int vastErrorCode() {
            return vastErrorCode;
        }
    }

    public SkippedAd {
        Objects.requireNonNull(adId, "adId");
        Objects.requireNonNull(reason, "reason");
    }
}
