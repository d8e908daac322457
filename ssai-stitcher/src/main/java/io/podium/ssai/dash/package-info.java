/**
 * The DASH layer of the stitcher: a model of static MPDs (ISO/IEC 23009-1), a safe
 * {@link io.podium.ssai.dash.MpdParser}, a canonical {@link io.podium.ssai.dash.MpdWriter}, the
 * multi-period {@link io.podium.ssai.dash.DashStitcher} and an {@link io.podium.ssai.dash.MpdChecker}.
 *
 * <p>Every model type is an immutable record, safe to share between threads. Optional values are
 * null when the MPD does not carry them, so that writing reproduces what was read; durations are
 * whole microseconds ({@link io.podium.ssai.dash.XsDuration}), segment times are ticks of their
 * timescale. Attributes and elements the model does not know are kept and written back.
 */
package io.podium.ssai.dash;
