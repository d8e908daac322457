package io.podium.vast.model;

/** One rendition of a linear creative, ready to play. Attributes as written. */
public record MediaFile(String id, String delivery, String type, String width, String height, String codec,
                        String bitrate, String minBitrate, String maxBitrate, String scalable,
                        String maintainAspectRatio, String fileSize, String mediaType, String apiFramework,
                        String url) {
    /** The bitrate in kbit/s ({@code bitrate}, else the midpoint of min and max), or 0. */
    public int bitrateKbps() {
        int b = VastTime.intOr(bitrate, 0);
        if (b > 0) {
            return b;
        }
        int lo = VastTime.intOr(minBitrate, 0);
        int hi = VastTime.intOr(maxBitrate, 0);
        return lo > 0 && hi > 0 ? (lo + hi) / 2 : Math.max(lo, hi);
    }
}
