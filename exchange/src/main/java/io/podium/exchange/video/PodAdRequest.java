package io.podium.exchange.video;

import io.podium.exchange.config.VideoConfig;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code GET /vast/v1/pod}, checked. Parameters (all optional but {@code dur}):
 * <pre>
 * dur          break length, seconds (1 to video.max_pod_seconds)
 * maxads       most ads in the break (1 to video.max_ads_per_pod; default that maximum)
 * mindur, maxdur  shortest and longest ad, seconds
 * pos          pre | mid | post (the break's place; default mid)
 * content_id, content_title, content_series, content_genre, content_len (s), content_cat (a,b),
 * livestream (0|1)
 * app_bundle, app_name, app_storeurl    the publisher app (else a site)
 * site_page, site_domain                the publisher site
 * ua, ip       device (default: the request's User-Agent and client address)
 * ifa, devicetype (AdCOM code), os, w, h, lmt (0|1), dnt (0|1)
 * uid          the publisher's user id
 * gdpr (0|1), gdpr_consent, us_privacy, coppa (0|1)
 * test (0|1)
 * </pre>
 * Unknown parameters (cache busters, players' own) are ignored. Every value is checked; the
 * first problem is a {@link BadPodRequest} naming the parameter.
 */
public record PodAdRequest(int durationSeconds, int maxAds, int minAdSeconds, int maxAdSeconds, String position,
                           Content content, Publisher publisher, Device device, String userId, Privacy privacy,
                           boolean test) {

    /** The content the break sits in; null fields are unknown. */
    public record Content(String id, String title, String series, String genre, int lengthSeconds, List<String> cat,
                          Integer livestream) {
    }

    /** The app (when {@code appBundle} is set) or site the player runs in. */
    public record Publisher(String appBundle, String appName, String appStoreUrl, String sitePage, String siteDomain) {
        public boolean isApp() {
            return appBundle != null;
        }
    }

    /** The device; {@code type} is an AdCOM device type code, 0 when unknown. */
    public record Device(String ua, String ip, String ifa, int type, String os, int w, int h, Integer lmt, Integer dnt) {
    }

    /** Consent and regulation signals, passed to bidders as given. */
    public record Privacy(Integer gdpr, String gdprConsent, String usPrivacy, Integer coppa) {
    }

    /** A pod request Podium refuses, with the reason (answered 400). */
    public static final class BadPodRequest extends Exception {
        public BadPodRequest(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_VALUE_CHARS = 2048;

    /**
     * @param userAgent the request's User-Agent header, or null
     * @param clientIp the client's address (first X-Forwarded-For hop, else the peer)
     */
    public static PodAdRequest parse(Map<String, Deque<String>> query, String userAgent, String clientIp,
                                     VideoConfig config) throws BadPodRequest {
        Params p = new Params(query);
        int dur = p.integer("dur", -1, 1, config.maxPodSeconds());
        if (dur < 0) {
            throw new BadPodRequest("dur: the break length in seconds is required (1 to " + config.maxPodSeconds() + ")");
        }
        int maxAds = p.integer("maxads", config.maxAdsPerPod(), 1, config.maxAdsPerPod());
        int minDur = p.integer("mindur", 1, 1, dur);
        int maxDur = p.integer("maxdur", dur, 1, dur);
        if (minDur > maxDur) {
            throw new BadPodRequest("mindur: " + minDur + " is over maxdur " + maxDur);
        }
        String pos = p.choice("pos", "mid", List.of("pre", "mid", "post"));
        Content content = new Content(p.text("content_id"), p.text("content_title"), p.text("content_series"),
                p.text("content_genre"), p.integer("content_len", 0, 0, 7 * 86_400), p.list("content_cat"),
                p.flag("livestream"));
        Publisher publisher = new Publisher(p.text("app_bundle"), p.text("app_name"), p.text("app_storeurl"),
                p.text("site_page"), p.text("site_domain"));
        String ua = p.text("ua");
        String ip = p.text("ip");
        Device device = new Device(ua != null ? ua : userAgent, ip != null ? ip : clientIp, p.text("ifa"),
                p.integer("devicetype", 0, 0, 8), p.text("os"), p.integer("w", 0, 0, 16_384),
                p.integer("h", 0, 0, 16_384), p.flag("lmt"), p.flag("dnt"));
        Privacy privacy = new Privacy(p.flag("gdpr"), p.text("gdpr_consent"), p.text("us_privacy"), p.flag("coppa"));
        Integer test = p.flag("test");
        return new PodAdRequest(dur, maxAds, minDur, maxDur, pos, content, publisher, device, p.text("uid"), privacy,
                test != null && test == 1);
    }

    /** Reads single values, refusing repeats and over-long values. */
    private static final class Params {
        private final Map<String, Deque<String>> query;

        Params(Map<String, Deque<String>> query) {
            this.query = query;
        }

        String text(String name) throws BadPodRequest {
            Deque<String> values = query.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                throw new BadPodRequest(name + ": given " + values.size() + " times; give it once");
            }
            String v = values.getFirst().trim();
            if (v.length() > MAX_VALUE_CHARS) {
                throw new BadPodRequest(name + ": longer than " + MAX_VALUE_CHARS + " characters");
            }
            return v.isEmpty() ? null : v;
        }

        int integer(String name, int fallback, int min, int max) throws BadPodRequest {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new BadPodRequest(name + ": " + n + " is outside " + min + " to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new BadPodRequest(name + ": \"" + v + "\" is not a whole number");
            }
        }

        Integer flag(String name) throws BadPodRequest {
            String v = text(name);
            if (v == null) {
                return null;
            }
            if (!v.equals("0") && !v.equals("1")) {
                throw new BadPodRequest(name + ": \"" + v + "\" is neither 0 nor 1");
            }
            return Integer.parseInt(v);
        }

        String choice(String name, String fallback, List<String> allowed) throws BadPodRequest {
            String v = text(name);
            if (v == null) {
                return fallback;
            }
            if (!allowed.contains(v)) {
                throw new BadPodRequest(name + ": \"" + v + "\" is not one of " + String.join(", ", allowed));
            }
            return v;
        }

        List<String> list(String name) throws BadPodRequest {
            String v = text(name);
            List<String> out = new ArrayList<>();
            if (v != null) {
                for (String s : v.split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.trim());
                    }
                }
            }
            return List.copyOf(out);
        }
    }
}
