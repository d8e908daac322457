package io.podium.ssai.dash;

/**
 * How the stitcher writes the URLs of ad segments, so that the SSAI service can route them
 * through itself and fire the ad's beacons server side. Called once per URL of each ad
 * Representation (not per segment: with a template, the rewriter gets the template).
 *
 * <p>Implementations must be pure functions of their argument (the stitch is deterministic only
 * if rewriting is) and thread-safe. The result must be a non-blank URL, absolute (the stitched
 * MPD is served from elsewhere); it must keep the {@code $Number...$} and {@code $Time...$}
 * identifiers of a template verbatim, since the player fills them in.
 */
@FunctionalInterface
public interface DashUrlRewriter {
    /** Writes every URL absolute, as it is. */
    DashUrlRewriter NONE = AdSegmentUrl::url;

    /** The URL to write for {@code url}. */
    String rewrite(AdSegmentUrl url);
}
