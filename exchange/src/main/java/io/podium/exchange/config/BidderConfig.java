package io.podium.exchange.config;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code bidders:} — an external DSP.
 *
 * @param id unique name, used in metrics and logs
 * @param endpoint the DSP's bid URL (http or https)
 * @param format {@code json} or {@code protobuf} bid requests
 * @param gzip whether request bodies are gzip-compressed
 * @param mediaTypes the media the bidder buys: any of banner, video, audio, native
 * @param qps most bid requests per second sent to it; 0 means no cap
 * @param seat the seat its bids count as when a seatbid names none; also matched against
 *             {@code wseat}/{@code bseat} before the bidder is called
 * @param timeoutMs longest wait for this bidder even when the auction allows more; 0 = none
 */
public record BidderConfig(String id, URI endpoint, String format, boolean gzip, Set<String> mediaTypes,
                           int qps, String seat, int timeoutMs) {

    public static final Set<String> MEDIA_TYPES = Set.of("banner", "video", "audio", "native");

    static BidderConfig read(ConfigNode n) {
        String id = n.string("id", null);
        if (id == null || id.isBlank()) {
            n.problem("id", "is required");
        } else if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            n.problem("id", "must be 1-64 letters, digits, '_', '.' or '-', got \"" + id + "\"");
        }
        URI endpoint = n.url("endpoint", null);
        if (endpoint == null && !n.has("endpoint")) {
            n.problem("endpoint", "is required");
        }
        String format = n.choice("format", "json", Set.of("json", "protobuf"));
        boolean gzip = n.bool("gzip", false);
        List<String> media = n.strings("media_types", List.of("banner", "video", "audio", "native"));
        for (String m : media) {
            if (!MEDIA_TYPES.contains(m)) {
                n.problem("media_types", "unknown media type \"" + m + "\" (allowed: banner, video, audio, native)");
            }
        }
        if (media.isEmpty()) {
            n.problem("media_types", "must name at least one media type");
        }
        int qps = n.int32("qps", 0, 0, 10_000_000);
        String seat = n.string("seat", id);
        int timeout = n.int32("timeout_ms", 0, 0, 60_000);
        return new BidderConfig(id, endpoint, format, gzip, Set.copyOf(media), qps, seat, timeout);
    }
}
