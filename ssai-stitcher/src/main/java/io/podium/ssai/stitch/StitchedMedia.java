package io.podium.ssai.stitch;

import io.podium.ssai.hls.MediaPlaylist;
import java.util.List;
import java.util.Objects;

/**
 * One stitched media playlist and what could not go into it.
 *
 * @param playlist the stitched playlist
 * @param skipped the ads that got no segments of their own, by break then ad
 * @param breaks where the breaks landed, in playlist order
 */
public record StitchedMedia(MediaPlaylist playlist, List<SkippedAd> skipped, List<StitchedBreak> breaks) {
    public StitchedMedia {
        Objects.requireNonNull(playlist, "playlist");
        skipped = List.copyOf(skipped);
        breaks = List.copyOf(breaks);
    }
}
