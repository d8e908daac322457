package io.podium.ssai.origin;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The content origins Podium stitches: a URL is fetched only when it lies under one of the
 * configured origins (same scheme, host and port, path under the origin's path), so the
 * stitcher is never an open proxy. URLs with user info, a fragment, dot segments or a scheme
 * other than http/https are refused whatever the list says.
 */
public final class OriginPolicy {
    private final List<URI> origins;

    /** @param origins absolute http(s) URLs, e.g. {@code https://cdn.example/vod/} */
    public OriginPolicy(List<URI> origins) {
        for (URI o : origins) {
            if (!httpish(o) || o.getHost() == null) {
                throw new IllegalArgumentException("an origin must be an absolute http(s) URL: " + o);
            }
        }
        this.origins = List.copyOf(origins);
    }

    public boolean allows(URI uri) {
        if (uri == null || !httpish(uri) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return false;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.contains("/../") || path.endsWith("/..") || path.contains("/./") || path.contains("%2e")
                || path.contains("%2E")) {
            return false;
        }
        for (URI o : origins) {
            if (scheme(o).equals(scheme(uri)) && o.getHost().equalsIgnoreCase(uri.getHost()) && port(o) == port(uri)
                    && path.startsWith(prefix(o))) {
                return true;
            }
        }
        return false;
    }

    public List<URI> origins() {
        return origins;
    }

    private static boolean httpish(URI u) {
        String s = u.getScheme();
        return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https"));
    }

    private static String scheme(URI u) {
        return u.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : scheme(u).equals("https") ? 443 : 80;
    }

    /** The origin's path as a directory prefix: {@code /vod} and {@code /vod/} both mean {@code /vod/}. */
    private static String prefix(URI o) {
        String p = o.getRawPath() == null || o.getRawPath().isEmpty() ? "/" : o.getRawPath();
        return p.endsWith("/") ? p : p + "/";
    }
}
