package io.podium.exchange.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code video:} — the ad-pod endpoints {@code GET /vast/v1/pod} and {@code GET /vmap/v1/{id}}.
 *
 * @param podTmaxMs the auction deadline of a pod request (its {@code tmax})
 * @param maxPodSeconds the longest break a pod request may ask for
 * @param maxAdsPerPod the most ads a pod request may ask for
 * @param mimes the media types the players accept (the pod request's {@code video.mimes})
 * @param breaks the break policy of contents not listed in {@code contents}
 * @param contents per-content break policies, by content id
 */
public record VideoConfig(int podTmaxMs, int maxPodSeconds, int maxAdsPerPod, List<String> mimes,
                          BreakPolicy breaks, Map<String, ContentBreaks> contents) {

    /**
     * Where the breaks of a content go and how long they are.
     *
     * @param midrollEverySeconds a mid-roll every so many seconds of content when no cue points are
     *                            given (0: none)
     */
    public record BreakPolicy(int prerollSeconds, int midrollSeconds, int midrollEverySeconds, int postrollSeconds) {
    }

    /**
     * A content's own breaks.
     *
     * @param durationSeconds the content's length (0: unknown, then only cue points make mid-rolls)
     * @param cuePoints mid-roll positions, seconds into the content, ascending
     */
    public record ContentBreaks(String id, int durationSeconds, List<Integer> cuePoints, BreakPolicy policy) {
    }

    static VideoConfig read(ConfigNode n) {
        int tmax = n.int32("pod_tmax_ms", 500, 50, 10_000);
        int maxPod = n.int32("max_pod_seconds", 300, 5, 3600);
        int maxAds = n.int32("max_ads_per_pod", 10, 1, 50);
        List<String> mimes = n.strings("mimes", List.of("video/mp4", "application/x-mpegURL"));
        if (mimes.isEmpty()) {
            n.problem("mimes", "must name at least one media type");
        }
        ConfigNode breaks = n.section("breaks");
        BreakPolicy defaults = policy(breaks, new BreakPolicy(30, 90, 600, 30));
        breaks.finish();
        Map<String, ContentBreaks> contents = new java.util.LinkedHashMap<>();
        for (ContentBreaks c : n.list("contents", child -> content(child, defaults))) {
            if (c.id() != null && contents.putIfAbsent(c.id(), c) != null) {
                n.problem("contents", "content id \"" + c.id() + "\" is listed twice");
            }
        }
        n.finish();
        return new VideoConfig(tmax, maxPod, maxAds, mimes, defaults, Map.copyOf(contents));
    }

    /** The policy keys of a node; keys left unset take the given defaults. */
    private static BreakPolicy policy(ConfigNode n, BreakPolicy defaults) {
        return new BreakPolicy(n.int32("preroll_seconds", defaults.prerollSeconds(), 0, 3600),
                n.int32("midroll_seconds", defaults.midrollSeconds(), 0, 3600),
                n.int32("midroll_every_seconds", defaults.midrollEverySeconds(), 0, 86_400),
                n.int32("postroll_seconds", defaults.postrollSeconds(), 0, 3600));
    }

    private static ContentBreaks content(ConfigNode n, BreakPolicy defaults) {
        String id = n.string("id", "");
        if (id.isEmpty()) {
            n.problem("id", "is required");
            id = null;
        }
        int duration = n.int32("duration_seconds", 0, 0, 7 * 86_400);
        List<Integer> cues = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String s : n.strings("cue_points", List.of())) {
            try {
                int c = Integer.parseInt(s.trim());
                if (c <= 0 || duration > 0 && c >= duration) {
                    n.problem("cue_points", c + " is not inside the content (1 to duration_seconds - 1)");
                } else if (seen.add(c)) {
                    cues.add(c);
                }
            } catch (NumberFormatException e) {
                n.problem("cue_points", "\"" + s + "\" is not a whole number of seconds");
            }
        }
        cues.sort(null);
        return new ContentBreaks(id, duration, List.copyOf(cues), policy(n, defaults));
    }
}
