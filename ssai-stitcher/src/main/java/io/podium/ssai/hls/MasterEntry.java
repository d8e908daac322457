package io.podium.ssai.hls;

/**
 * One item of a master playlist, in the order written: order matters to players (the first
 * variant is where playback starts; renditions are offered in order).
 */
public sealed interface MasterEntry permits Variant, IFrameVariant, Rendition, SessionData, SessionKey,
        PassthroughLine {
}
