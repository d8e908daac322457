package io.podium.vast.wrapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * {@link VastFetcher} on the JDK's HTTP client: http and https only, a timeout per call, a
 * size cap enforced while the body streams in (the connection is dropped past it), redirects
 * followed (the JDK client follows at most 5) and a {@code User-Agent}. A host policy decides
 * which URLs may be fetched at all, so a wrapper cannot make Podium call into a private network
 * unless configured to.
 */
public final class HttpVastFetcher implements VastFetcher {
    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;
    private final String userAgent;
    private final Predicate<URI> allowed;

    /**
     * @param allowed which URLs may be fetched (beyond the http/https check), e.g.
     *     {@link #publicHostsOnly()}
     */
    public HttpVastFetcher(Duration timeout, int maxBytes, String userAgent, Predicate<URI> allowed) {
        if (timeout.isNegative() || timeout.isZero() || maxBytes < 1) {
            throw new IllegalArgumentException("timeout and maxBytes must be positive");
        }
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.allowed = allowed;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Refuses literal loopback, private, link-local and wildcard addresses and {@code localhost}. */
    public static Predicate<URI> publicHostsOnly() {
        return uri -> {
            String host = uri.getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(java.util.Locale.ROOT);
            if (h.equals("localhost") || h.endsWith(".localhost")) {
                return false;
            }
            if (h.matches("[0-9.]+") || h.startsWith("[")) {
                try {
                    java.net.InetAddress a = java.net.InetAddress.getByName(h);
                    return !(a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                            || a.isAnyLocalAddress() || a.isMulticastAddress());
                } catch (java.net.UnknownHostException e) {
                    return false;
                }
            }
            return true;
        };
    }

    @Override
    public CompletableFuture<byte[]> get(URI uri) {
        HttpRequest request;
        try {
            request = request(uri);
        } catch (FetchException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.sendAsync(request, info -> info.statusCode() / 100 == 2 ? new Capped(maxBytes)
                        : HttpResponse.BodySubscribers.replacing(null))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(classify(uri, failure));
                    }
                    if (response.statusCode() / 100 != 2) {
                        throw new CompletionException(new FetchException(FetchException.Kind.UNAVAILABLE,
                                "HTTP " + response.statusCode() + " from " + uri));
                    }
                    return response.body();
                });
    }

    @Override
    public CompletableFuture<Void> ping(URI uri) {
        try {
            return client.sendAsync(request(uri), HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> null);
        } catch (FetchException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private HttpRequest request(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new FetchException(FetchException.Kind.REFUSED, "not an http(s) URL: " + uri);
        }
        if (!allowed.test(uri)) {
            throw new FetchException(FetchException.Kind.REFUSED, "host not allowed: " + uri.getHost());
        }
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent).GET().build();
    }

    private FetchException classify(URI uri, Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof FetchException f) {
            return f;
        }
        if (t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException)) {
            return new FetchException(FetchException.Kind.TIMEOUT, "no answer from " + uri + " within " + timeout.toMillis()
                    + " ms");
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "could not connect to " + uri + " within "
                    + timeout.toMillis() + " ms");
        }
        if (t instanceof IOException && t.getCause() instanceof FetchException f) {
            return f;
        }
        return new FetchException(FetchException.Kind.UNAVAILABLE, "could not fetch " + uri + ": " + t);
    }

    /** Collects a body up to a cap; past it, cancels the subscription and fails. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private byte[] buffer = new byte[8192];
        private int size;
        private Flow.Subscription subscription;

        Capped(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (size + n > max) {
                    subscription.cancel();
                    result.completeExceptionally(new FetchException(FetchException.Kind.TOO_LARGE,
                            "document over the " + max + "-byte limit"));
                    return;
                }
                if (size + n > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(max, Math.max(buffer.length * 2, size + n)));
                }
                b.get(buffer, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(java.util.Arrays.copyOf(buffer, size));
        }
    }
}
