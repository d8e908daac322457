package io.podium.vast.wrapper;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches VAST documents and calls tracking URLs. Implementations bound every call in time
 * and size and never block the caller; failures complete the future with a
 * {@link FetchException}.
 */
public interface VastFetcher {
    /** The body of a GET. */
    CompletableFuture<byte[]> get(URI uri);

    /** Calls a tracking URL (error pings); the answer is ignored, failures too. */
    CompletableFuture<Void> ping(URI uri);
}
