/**
 * The HLS layer of the stitcher: a model of master and media playlists (RFC 8216), a tolerant
 * {@link io.podium.ssai.hls.HlsParser}, a canonical {@link io.podium.ssai.hls.HlsWriter} and an
 * {@link io.podium.ssai.hls.HlsChecker} that reports RFC violations with line numbers.
 *
 * <p>Every model type is an immutable record, safe to share between threads. Optional values are
 * {@code null} when the playlist does not carry them, so that writing reproduces what was read.
 * Decimal values keep the text they were written with next to the parsed number, so that a
 * playlist passes through the stitcher without its durations drifting. Tags and comments the
 * model does not know are kept as raw lines and written back next to the segment they preceded.
 */
package io.podium.ssai.hls;
