package io.podium.ssai.stitch;

import java.net.URI;

/**
 * How segment URIs are written in stitched playlists. The SSAI service routes ad segments through
 * itself, so that it can fire beacons, and serves the stitched playlists from its own host, so
 * content URIs are written absolute.
 *
 * <p>Implementations must be pure functions of their arguments (the same arguments always give
 * the same text: stitching is deterministic only if linking is), thread-safe, and return a URI
 * reference that is not empty, has no line break and does not start with '#' or whitespace.
 * {@code EXT-X-MAP} and {@code EXT-X-KEY} URIs are not linked: they are written absolute.
 */
public interface SegmentLinker {
    /** The {@code adIndex} given for segments of the slate, which is not one of the break's ads. */
    int SLATE = -1;

    /** Writes every URI absolute, as it is. */
    SegmentLinker DIRECT = new SegmentLinker() {
        @Override
        public String contentSegment(URI absolute) {
            return absolute.toString();
        }

        @Override
        public String adSegment(int breakIndex, int adIndex, String adId, int segmentIndex, int segmentCount,
                URI absolute) {
            return absolute.toString();
        }

        @Override
        public String toString() {
            return "SegmentLinker.DIRECT";
        }
    };

    /**
     * The URI of a content segment. Called for every content segment of every stitch, so keep it
     * cheap: returning {@code absolute.toString()} lets the stitcher reuse the prepared segment.
     *
     * @param absolute the segment's URI resolved against its media playlist's
     */
    String contentSegment(URI absolute);

    /**
     * The URI of one segment of an ad (or of the slate).
     *
     * @param breakIndex the break's index in position order (see {@link HlsStitcher#stitchMedia})
     * @param adIndex the ad's index in {@link Break#ads()}, or {@link #SLATE}
     * @param adId the ad's {@link AdMedia#adId()}
     * @param segmentIndex the segment's index within this ad in this playlist, from 0; for the slate,
     *     counted across its repetitions
     * @param segmentCount how many segments this ad has in this playlist (the first quartile,
     *     midpoint and third quartile can be told from it)
     * @param absolute the segment's URI resolved against the ad media playlist's
     */
    String adSegment(int breakIndex, int adIndex, String adId, int segmentIndex, int segmentCount, URI absolute);
}
