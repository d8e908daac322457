/**
 * Deterministic, stateless HLS ad stitching (RFC 8216): {@link io.podium.ssai.stitch.HlsStitcher}
 * splices ad breaks into one content media playlist at a time, and rewrites the content's master
 * playlist so that every variant and rendition points at its stitched playlist.
 *
 * <p>Everything here is a pure function of its inputs: the same content, breaks, ads, options and
 * {@link io.podium.ssai.stitch.SegmentLinker} give byte-identical playlists on every node, in any
 * order of calls. No clock, no randomness, no hash-map iteration order reaches the output. All
 * types are immutable and thread-safe.
 *
 * <h2>One timeline for every playlist of a content</h2>
 * A stitched master is played through several media playlists at once (a video variant, an audio
 * rendition, a subtitle rendition). They stay in sync only if every one of them gets the same
 * breaks at the same content time, the same ads in the same order, the same discontinuities and
 * (nearly) the same durations. So every decision that shapes the timeline is taken from inputs
 * that do not depend on the playlist being stitched:
 * <ul>
 *   <li>break position: the content segment boundary nearest to the requested content time,
 *       ties to the earlier one, computed from summed EXTINF durations, never from a segment
 *       index; {@link io.podium.ssai.stitch.ContentMedia#snap} fixes positions once on the main
 *       variant for renditions whose durations jitter;</li>
 *   <li>whether an ad plays: it does when its master has at least one variant whose media
 *       playlist was supplied and has segments ({@link io.podium.ssai.stitch.AdMedia#playable()});
 *       its length on the common timeline is that of its <em>reference rendition</em>, the first
 *       such variant in master order;</li>
 *   <li>a playlist that cannot use a playing ad (a subtitle rendition always; an audio rendition
 *       when the ad has no separate audio; any playlist when the ad offers no rendition in the
 *       playlist's container) gets {@code EXT-X-GAP} segments with the reference rendition's
 *       durations instead, so that its timing and discontinuities stay those of the others.</li>
 * </ul>
 *
 * <h2>Dates</h2>
 * Content keeps its own {@code EXT-X-PROGRAM-DATE-TIME}s. A break happens at the content date of
 * the point where it is inserted: ad segments carry no date of their own (players extrapolate it
 * from the content segment before them), except the very first segment of a playlist that starts
 * with a pre-roll, which gets the content's start date; the first content segment after every
 * break carries an explicit date (its own, or the one extrapolated from the content), since the
 * date line restarts there. {@code EXT-X-DATERANGE} START-DATE is that content date.
 */
package io.podium.ssai.stitch;
