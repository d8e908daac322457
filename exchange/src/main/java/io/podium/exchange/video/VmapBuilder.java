package io.podium.exchange.video;

import io.podium.exchange.config.VideoConfig;
import io.podium.vast.vmap.AdBreak;
import io.podium.vast.vmap.AdSource;
import io.podium.vast.vmap.AdTagUri;
import io.podium.vast.vmap.BreakType;
import io.podium.vast.vmap.TemplateType;
import io.podium.vast.vmap.TimeOffset;
import io.podium.vast.vmap.Vmap;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VMAP 1.0 playlist of one content: a pre-roll, mid-rolls and a post-roll, each an
 * {@code AdTagURI} pointing at {@code /vast/v1/pod} with the break's length and place. Where
 * the breaks go: the content's own policy in {@code video.contents} (its cue points, or a
 * mid-roll every {@code midroll_every_seconds} of its {@code duration_seconds}); for other
 * contents the default policy, with the content's length and cue points from the query
 * ({@code duration}, {@code cues=300,900}). Query parameters the pod endpoint knows (device,
 * user, app or site, consent) are passed on to every break's URL. The template type is
 * {@code vast3}, the newest VMAP 1.0 names; the pod endpoint answers VAST 4.2, which players
 * that take VAST 3 read.
 */
public final class VmapBuilder {
    /** Parameters of the VMAP request copied to each break's pod URL. */
    static final Set<String> PASSED_ON = Set.of("content_title", "content_series", "content_genre", "content_cat",
            "livestream", "app_bundle", "app_name", "app_storeurl", "site_page", "site_domain", "ua", "ip", "ifa",
            "devicetype", "os", "w", "h", "lmt", "dnt", "uid", "gdpr", "gdpr_consent", "us_privacy", "coppa", "test",
            "maxads", "mindur", "maxdur");
    private static final int MAX_CUES = 100;

    private final VideoConfig config;
    private final String podUrl;

    public VmapBuilder(VideoConfig config, URI publicUrl) {
        this.config = config;
        String base = publicUrl.toString();
        this.podUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/vast/v1/pod";
    }

    public Vmap build(String contentId, Map<String, Deque<String>> query) throws PodAdRequest.BadPodRequest {
        if (contentId == null || contentId.isBlank() || contentId.length() > 256) {
            throw new PodAdRequest.BadPodRequest("content id: 1 to 256 characters");
        }
        VideoConfig.ContentBreaks own = config.contents().get(contentId);
        VideoConfig.BreakPolicy policy = own != null ? own.policy() : config.breaks();
        int duration = own != null && own.durationSeconds() > 0 ? own.durationSeconds()
                : seconds(query, "duration", 0, 7 * 86_400);
        List<Integer> cues = own != null && !own.cuePoints().isEmpty() ? own.cuePoints() : cues(query, duration);
        if (cues.isEmpty() && duration > 0 && policy.midrollEverySeconds() > 0) {
            cues = new ArrayList<>();
            for (int t = policy.midrollEverySeconds(); t < duration && cues.size() < MAX_CUES;
                 t += policy.midrollEverySeconds()) {
                cues.add(t);
            }
        }
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : PASSED_ON) {
            Deque<String> v = query.get(name);
            if (v != null && v.size() == 1 && v.getFirst().length() <= PodAdRequest.MAX_VALUE_CHARS) {
                passed.put(name, v.getFirst());
            }
        }
        List<AdBreak> breaks = new ArrayList<>();
        if (policy.prerollSeconds() > 0) {
            breaks.add(adBreak(TimeOffset.start(), "preroll", "pre", policy.prerollSeconds(), contentId, duration, passed));
        }
        if (policy.midrollSeconds() > 0) {
            for (int i = 0; i < cues.size(); i++) {
                breaks.add(adBreak(TimeOffset.time(cues.get(i) * 1000L), "midroll-" + (i + 1), "mid",
                        policy.midrollSeconds(), contentId, duration, passed));
            }
        }
        if (policy.postrollSeconds() > 0) {
            breaks.add(adBreak(TimeOffset.end(), "postroll", "post", policy.postrollSeconds(), contentId, duration,
                    passed));
        }
        return new Vmap("1.0", breaks, List.of());
    }

    private AdBreak adBreak(TimeOffset at, String id, String pos, int seconds, String contentId, int duration,
                            Map<String, String> passed) {
        int dur = Math.min(seconds, config.maxPodSeconds());
        StringBuilder url = new StringBuilder(podUrl).append("?dur=").append(dur).append("&pos=").append(pos)
                .append("&content_id=").append(encode(contentId));
        if (duration > 0) {
            url.append("&content_len=").append(duration);
        }
        passed.forEach((k, v) -> url.append('&').append(k).append('=').append(encode(v)));
        AdSource source = new AdSource(id + "-ads", true, true, new AdTagUri(TemplateType.VAST3, url.toString()));
        return new AdBreak(at, Set.of(BreakType.LINEAR), id, null, source, List.of(), List.of());
    }

    private static int seconds(Map<String, Deque<String>> query, String name, int min, int max)
            throws PodAdRequest.BadPodRequest {
        Deque<String> v = query.get(name);
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v.getFirst().trim());
            if (n < min || n > max) {
                throw new PodAdRequest.BadPodRequest(name + ": " + n + " is outside " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new PodAdRequest.BadPodRequest(name + ": \"" + v.getFirst() + "\" is not a whole number of seconds");
        }
    }

    private static List<Integer> cues(Map<String, Deque<String>> query, int duration) throws PodAdRequest.BadPodRequest {
        Deque<String> v = query.get("cues");
        if (v == null || v.isEmpty() || v.getFirst().isBlank()) {
            return List.of();
        }
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (String s : v.getFirst().split(",")) {
            try {
                int c = Integer.parseInt(s.trim());
                if (c <= 0 || duration > 0 && c >= duration) {
                    throw new PodAdRequest.BadPodRequest("cues: " + c + " is not inside the content");
                }
                out.add(c);
            } catch (NumberFormatException e) {
                throw new PodAdRequest.BadPodRequest("cues: \"" + s.trim() + "\" is not a whole number of seconds");
            }
        }
        if (out.size() > MAX_CUES) {
            throw new PodAdRequest.BadPodRequest("cues: more than " + MAX_CUES + " cue points");
        }
        return List.copyOf(out);
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
