package io.podium.vast.wrapper;

import java.net.URI;
import java.util.List;

/**
 * A wrapper chain that ended without an ad.
 *
 * @param errorCode the VAST error code pinged to every wrapper's Error URLs: 100 (the fetched
 *     document is not VAST), 300 (general wrapper error: a URL Podium does not fetch, a document
 *     over the size cap), 301 (timeout or unavailable), 302 (too many wrappers, or a loop),
 *     303 (no ad after the wrappers)
 * @param chain the tag URLs followed, in order
 */
public record WrapperFailure(int errorCode, String reason, List<URI> chain) {
    public WrapperFailure {
        chain = List.copyOf(chain);
    }
}
