package io.podium.exchange.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ssai:} — the stateless server-side ad insertion service under {@code /ssai/v1/}.
 *
 * @param origins content URL prefixes Podium stitches (absolute http(s) URLs); empty: every
 *                content is refused
 * @param tokenTtlSeconds how long a session's playlist and segment URLs stay valid
 * @param fetchTimeoutMs timeout of each playlist, VAST wrapper or ad package fetch
 * @param maxPlaylistBytes largest playlist (or wrapper VAST document) read
 * @param cacheTtlSeconds how long a fetched playlist is reused
 * @param cacheEntries how many fetched playlists are kept at most
 * @param wrapperMaxHops most wrapper fetches followed per ad
 * @param unfilledBreak {@code skip} (a break without a playable ad is left out) or {@code slate}
 *                      (filled with the slate at {@code slateUrl})
 * @param slateUrl the HLS master playlist of the slate; required when {@code unfilledBreak} is slate
 * @param allowPrivateAdHosts whether wrapper and ad package fetches may reach loopback or private
 *                            addresses (tests; never in production)
 * @param secret HMAC key of session and beacon tokens; every node of a deployment must share it.
 *               Empty: a random key per process (tokens then verify only there; logged as a warning)
 */
public record SsaiConfig(List<URI> origins, int tokenTtlSeconds, int fetchTimeoutMs, int maxPlaylistBytes,
                         int cacheTtlSeconds, int cacheEntries, int wrapperMaxHops, String unfilledBreak,
                         String slateUrl, boolean allowPrivateAdHosts, String secret) {

    public static final String SKIP = "skip";
    public static final String SLATE = "slate";

    static SsaiConfig read(ConfigNode n) {
        List<URI> origins = new ArrayList<>();
        for (String s : n.strings("origins", List.of())) {
            try {
                URI u = new URI(s.trim());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                    n.problem("origins", "\"" + s + "\" is not an absolute http(s) URL");
                } else {
                    origins.add(u);
                }
            } catch (URISyntaxException e) {
                n.problem("origins", "\"" + s + "\" is not a URL");
            }
        }
        int ttl = n.int32("token_ttl_seconds", 14_400, 60, 7 * 86_400);
        int timeout = n.int32("fetch_timeout_ms", 2000, 10, 60_000);
        int maxBytes = n.int32("max_playlist_bytes", 4 * 1024 * 1024, 1024, 64 * 1024 * 1024);
        int cacheTtl = n.int32("cache_ttl_seconds", 300, 1, 86_400);
        int cacheEntries = n.int32("cache_entries", 2000, 10, 1_000_000);
        int hops = n.int32("wrapper_max_hops", 5, 1, 10);
        String unfilled = n.choice("unfilled_break", SKIP, Set.of(SKIP, SLATE));
        String slate = n.string("slate_url", "");
        if (!slate.isEmpty()) {
            try {
                URI u = new URI(slate);
                if (!u.isAbsolute() || u.getHost() == null) {
                    n.problem("slate_url", "must be an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                n.problem("slate_url", "\"" + slate + "\" is not a URL");
            }
        }
        if (SLATE.equals(unfilled) && slate.isEmpty()) {
            n.problem("slate_url", "is required when unfilled_break is slate");
        }
        boolean allowPrivate = n.bool("allow_private_ad_hosts", false);
        String secret = n.string("secret", "");
        if (!secret.isEmpty() && secret.length() < 16) {
            n.problem("secret", "must be at least 16 characters long");
        }
        n.finish();
        return new SsaiConfig(List.copyOf(origins), ttl, timeout, maxBytes, cacheTtl, cacheEntries, hops, unfilled,
                slate, allowPrivate, secret);
    }
}
