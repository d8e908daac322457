package io.podium.vast.wrapper;

import io.podium.vast.macro.VastMacros;
import io.podium.vast.model.Ad;
import io.podium.vast.model.InLine;
import io.podium.vast.model.Vast;
import io.podium.vast.model.Wrapper;
import io.podium.vast.parse.VastParseException;
import io.podium.vast.parse.VastParser;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Follows VAST wrappers to the inline ads they stand for, asynchronously: each hop is one
 * fetch through the {@link VastFetcher} (which bounds it in time and size); at most
 * {@code maxHops} fetches per chain; a tag URL met twice in a chain is a loop. A chain that
 * ends without an ad pings the Error URLs of every wrapper in it with the VAST error code
 * (see {@link WrapperFailure}) and is reported; the other ads of the document are unaffected.
 * Inline ads come back with the tracking of their wrappers merged in ({@link TrackingMerger}).
 *
 * <p>{@code allowMultipleAds="false"} (the default) takes only the first stand-alone ad of a
 * fetched document; {@code "true"} takes its pod (the ads with a sequence) or else its first
 * stand-alone ad. {@code followAdditionalWrappers="false"} makes a wrapper answered by another
 * wrapper a 303. Relative tag URLs are resolved against the URL of the document holding them.
 * Thread-safe.
 */
public final class WrapperResolver {
    private final VastFetcher fetcher;
    private final VastParser parser;
    private final int maxHops;
    private final Clock clock;

    public WrapperResolver(VastFetcher fetcher, VastParser parser, int maxHops, Clock clock) {
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be at least 1");
        }
        this.fetcher = fetcher;
        this.parser = parser;
        this.maxHops = maxHops;
        this.clock = clock;
    }

    /**
     * Resolves every ad of a document.
     *
     * @param base the document's own URL, for relative tag URLs; may be null
     */
    public CompletableFuture<Resolution> resolve(Vast vast, URI base) {
        List<CompletableFuture<Resolution>> parts = new ArrayList<>();
        for (Ad ad : vast.ads()) {
            parts.add(resolveAd(ad, base, List.of(), List.of(), ad.sequence()));
        }
        return join(parts);
    }

    private CompletableFuture<Resolution> resolveAd(Ad ad, URI base, List<Wrapper> chain, List<URI> visited,
                                                    String sequence) {
        if (ad.content() instanceof InLine in) {
            return CompletableFuture.completedFuture(
                    new Resolution(List.of(TrackingMerger.merge(ad, in, chain, sequence)), List.of()));
        }
        Wrapper w = (Wrapper) ad.content();
        List<Wrapper> newChain = append(chain, w);
        URI uri;
        try {
            String tag = w.vastAdTagUri() == null ? "" : w.vastAdTagUri().trim();
            uri = base == null ? new URI(tag) : base.resolve(new URI(tag));
        } catch (java.net.URISyntaxException e) {
            return fail(newChain, visited, 300, "malformed VASTAdTagURI \"" + w.vastAdTagUri() + "\"");
        }
        if (visited.contains(uri)) {
            return fail(newChain, append(visited, uri), 302, "wrapper loop: " + uri + " was already followed");
        }
        if (visited.size() >= maxHops) {
            return fail(newChain, visited, 302, "more than " + maxHops + " wrappers");
        }
        List<URI> path = append(visited, uri);
        return fetcher.get(uri).handle((body, failure) -> {
            if (failure != null) {
                Throwable t = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                int code = t instanceof FetchException f && (f.kind() == FetchException.Kind.TIMEOUT
                        || f.kind() == FetchException.Kind.UNAVAILABLE) ? 301 : 300;
                return fail(newChain, path, code, t.getMessage());
            }
            Vast next;
            try {
                next = parser.parse(body);
            } catch (VastParseException e) {
                return fail(newChain, path, 100, uri + " is not VAST: " + e.getMessage());
            }
            List<Ad> chosen = choose(next, w.allowMultipleAdsOrDefault());
            if (chosen.isEmpty()) {
                pingAll(next.errors(), 303);
                return fail(newChain, path, 303, "no ad after " + path.size() + " wrapper(s)");
            }
            List<CompletableFuture<Resolution>> parts = new ArrayList<>();
            for (Ad a : chosen) {
                if (a.isWrapper() && !w.followAdditionalWrappersOrDefault()) {
                    parts.add(fail(append(newChain, (Wrapper) a.content()), path, 303,
                            "a wrapper answered a wrapper with followAdditionalWrappers=\"false\""));
                } else {
                    parts.add(resolveAd(a, uri, newChain, path, chosen.size() == 1 ? sequence : a.sequence()));
                }
            }
            return join(parts);
        }).thenCompose(f -> f);
    }

    private static List<Ad> choose(Vast doc, boolean allowMultiple) {
        List<Ad> pod = new ArrayList<>();
        Ad firstStandAlone = null;
        for (Ad a : doc.ads()) {
            if (a.sequence() == null) {
                firstStandAlone = firstStandAlone == null ? a : firstStandAlone;
            } else {
                pod.add(a);
            }
        }
        if (allowMultiple && !pod.isEmpty()) {
            pod.sort(java.util.Comparator.comparingInt(Ad::sequenceNumber));
            return pod;
        }
        return firstStandAlone == null ? List.of() : List.of(firstStandAlone);
    }

    private CompletableFuture<Resolution> fail(List<Wrapper> chain, List<URI> path, int code, String reason) {
        for (Wrapper w : chain) {
            pingAll(w.errors(), code);
        }
        return CompletableFuture.completedFuture(new Resolution(List.of(), List.of(new WrapperFailure(code, reason, path))));
    }

    private void pingAll(List<String> errorUrls, int code) {
        if (errorUrls.isEmpty()) {
            return;
        }
        VastMacros macros = VastMacros.builder().set("ERRORCODE", code)
                .set("TIMESTAMP", VastMacros.timestamp(clock.instant(), ZoneOffset.UTC))
                .set("CACHEBUSTING", VastMacros.cacheBuster(new SplittableRandom())).build();
        for (String url : errorUrls) {
            try {
                fetcher.ping(URI.create(uriSafe(macros.expand(url.trim()))));
            } catch (IllegalArgumentException e) {
                // an Error URL that is not a URI cannot be called; nothing else to do with it
            }
        }
    }

    /** Percent-encodes what a URI may not hold, such as the brackets of macros nobody filled. */
    static String uriSafe(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || "[]{}|\\^`\"<>".indexOf(c) >= 0 || c >= 0x7f) {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static CompletableFuture<Resolution> join(List<CompletableFuture<Resolution>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Ad> ads = new ArrayList<>();
            List<WrapperFailure> failures = new ArrayList<>();
            for (CompletableFuture<Resolution> p : parts) {
                Resolution r = p.join();
                ads.addAll(r.ads());
                failures.addAll(r.failures());
            }
            return new Resolution(ads, failures);
        });
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return out;
    }
}
