package io.podium.ssai.stitch;

/**
 * Where one break landed in one stitched playlist. Breaks that got no segment (no ad playing and
 * no slate) are not listed.
 *
 * @param breakIndex the break's index in position order
 * @param breakId the break's id
 * @param contentMicros the content time of the boundary where it was inserted
 * @param startMicros the time of its first segment in the stitched playlist
 * @param durationMicros the sum of its segments' durations in this playlist
 * @param plannedMicros the duration on the common timeline (reference renditions), the same in
 *     every playlist of the content; the value of EXT-X-CUE-OUT and of the EXT-X-DATERANGE
 * @param firstSegment the index of its first segment in the stitched playlist
 * @param segmentCount how many segments it has in this playlist
 */
public record StitchedBreak(int breakIndex, String breakId, long contentMicros, long startMicros, long durationMicros,
        long plannedMicros, int firstSegment, int segmentCount) {
}
