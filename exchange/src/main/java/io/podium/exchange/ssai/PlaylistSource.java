package io.podium.exchange.ssai;

import io.podium.ssai.hls.HlsParseException;
import io.podium.ssai.hls.HlsParser;
import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.Playlist;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.RenditionType;
import io.podium.ssai.hls.Variant;
import io.podium.ssai.origin.OriginPolicy;
import io.podium.ssai.origin.PlaylistCache;
import io.podium.ssai.stitch.AdMedia;
import io.podium.ssai.stitch.ContentMedia;
import io.podium.vast.wrapper.VastFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the SSAI service gets its playlists and MPDs: content playlists only from the allowed origins,
 * ad packages through the ad fetcher (whose host policy keeps private networks out unless
 * configured), each fetch bounded in time and size by its {@link VastFetcher}, parsed once and
 * kept in a {@link PlaylistCache} keyed by the URL's hash, so every node finds the same
 * entries. Content media playlists are cached prepared ({@link ContentMedia}). Failures are
 * {@link SsaiFailure}s; an ad package that cannot be read gives an {@link AdMedia} without
 * media, which the stitcher reports as skipped. Thread-safe; never blocks.
 */
public final class PlaylistSource {
    private static final Logger LOG = LoggerFactory.getLogger(PlaylistSource.class);

    /** Stands for an ad master that could not be read: its one variant has no media, so the ad has none. */
    private static final MasterPlaylist UNREADABLE = new MasterPlaylist(null, false, null,
            List.of(new Variant(io.podium.ssai.hls.StreamInfo.builder().bandwidth(1L).build(), "unreadable.m3u8")));

    private final OriginPolicy origins;
    private final VastFetcher contentFetcher;
    private final VastFetcher adFetcher;
    private final HlsParser parser;
    private final PlaylistCache<Playlist> contentPlaylists;
    private final PlaylistCache<ContentMedia> contentMedia;
    private final PlaylistCache<Playlist> adPlaylists;
    private final io.podium.ssai.dash.MpdParser mpdParser;
    private final PlaylistCache<io.podium.ssai.dash.Mpd> contentMpds;
    private final PlaylistCache<io.podium.ssai.dash.Mpd> adMpds;

    /**
     * @param contentFetcher fetches content playlists (its host policy should be {@code origins})
     * @param adFetcher fetches ad packages
     * @param maxPlaylistBytes the parser's cap, the same as the fetchers' size cap
     */
    public PlaylistSource(OriginPolicy origins, VastFetcher contentFetcher, VastFetcher adFetcher, int maxPlaylistBytes,
                          java.time.Clock clock, long ttlMillis, int capacity) {
        this.origins = origins;
        this.contentFetcher = contentFetcher;
        this.adFetcher = adFetcher;
        this.parser = new HlsParser(maxPlaylistBytes);
        this.contentPlaylists = new PlaylistCache<>(clock, ttlMillis, capacity);
        this.contentMedia = new PlaylistCache<>(clock, ttlMillis, capacity);
        this.adPlaylists = new PlaylistCache<>(clock, ttlMillis, capacity);
        this.mpdParser = new io.podium.ssai.dash.MpdParser(new io.podium.vast.xml.SafeXml(maxPlaylistBytes));
        this.contentMpds = new PlaylistCache<>(clock, ttlMillis, capacity);
        this.adMpds = new PlaylistCache<>(clock, ttlMillis, capacity);
    }

    /** The content MPD; 403 outside the origins, 502 when it cannot be read. */
    public CompletableFuture<io.podium.ssai.dash.Mpd> contentMpd(URI uri) {
        if (!origins.allows(uri)) {
            return CompletableFuture.failedFuture(new SsaiFailure(SsaiFailure.Kind.FORBIDDEN,
                    "content URL is not under an allowed origin"));
        }
        return contentMpds.get(uri, u -> loadMpd(contentFetcher, u));
    }

    /** An ad's MPD, or null when it cannot be read (the ad is then skipped). */
    public CompletableFuture<io.podium.ssai.dash.Mpd> adMpd(URI uri) {
        return adMpds.get(uri, u -> loadMpd(adFetcher, u)).exceptionally(t -> {
            LOG.debug("ad MPD {} unreadable: {}", uri, t.toString());
            return null;
        });
    }

    private CompletableFuture<io.podium.ssai.dash.Mpd> loadMpd(VastFetcher fetcher, URI uri) {
        return fetcher.get(uri).handle((bytes, failure) -> {
            if (failure != null) {
                LOG.debug("fetch of {} failed: {}", uri, failure.toString());
                throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "could not fetch " + uri.getPath());
            }
            try {
                return mpdParser.parse(bytes);
            } catch (io.podium.ssai.dash.MpdParseException e) {
                throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "not a DASH MPD: " + uri.getPath());
            }
        });
    }

    public boolean allowed(URI content) {
        return origins.allows(content);
    }

    /** The content master playlist; 403 outside the origins, 502 when it cannot be read. */
    public CompletableFuture<MasterPlaylist> contentMaster(URI uri) {
        if (!origins.allows(uri)) {
            return CompletableFuture.failedFuture(new SsaiFailure(SsaiFailure.Kind.FORBIDDEN,
                    "content URL is not under an allowed origin"));
        }
        return contentPlaylists.get(uri, u -> load(contentFetcher, u)).thenApply(p -> {
            if (p instanceof MasterPlaylist m) {
                return m;
            }
            throw new SsaiFailure(SsaiFailure.Kind.BAD_REQUEST, "content is a media playlist, not a master playlist");
        });
    }

    /** A content media playlist, prepared for stitching. */
    public CompletableFuture<ContentMedia> contentMedia(URI uri) {
        if (!origins.allows(uri)) {
            return CompletableFuture.failedFuture(new SsaiFailure(SsaiFailure.Kind.FORBIDDEN,
                    "content media playlist is not under an allowed origin"));
        }
        return contentMedia.get(uri, u -> load(contentFetcher, u).thenApply(p -> {
            if (p instanceof MediaPlaylist m) {
                try {
                    return ContentMedia.of(m, u);
                } catch (IllegalArgumentException e) {
                    throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "content media playlist cannot be stitched");
                }
            }
            throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "content variant is not a media playlist");
        }));
    }

    /**
     * An ad's package: its master and every variant and audio media playlist it names. Never fails:
     * what cannot be read is left out, and an ad with nothing readable has no media.
     */
    public CompletableFuture<AdMedia> ad(String adId, long durationMicros, URI master) {
        return adPlaylists.get(master, u -> load(adFetcher, u)).thenCompose(p -> {
            if (!(p instanceof MasterPlaylist m)) {
                return CompletableFuture.completedFuture(empty(adId, durationMicros, master));
            }
            List<URI> uris = new ArrayList<>();
            for (MasterEntry e : m.entries()) {
                String ref = e instanceof Variant v ? v.uri()
                        : e instanceof Rendition r && r.type() == RenditionType.AUDIO ? r.uri() : null;
                if (ref != null) {
                    try {
                        URI abs = master.resolve(new URI(ref));
                        if (!uris.contains(abs)) {
                            uris.add(abs);
                        }
                    } catch (java.net.URISyntaxException ex) {
                        LOG.debug("ad {}: bad media URI {}", adId, ref);
                    }
                }
            }
            Map<URI, CompletableFuture<Playlist>> loads = new LinkedHashMap<>();
            for (URI u : uris) {
                loads.put(u, adPlaylists.get(u, x -> load(adFetcher, x)).exceptionally(t -> null));
            }
            return CompletableFuture.allOf(loads.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
                Map<URI, MediaPlaylist> media = new LinkedHashMap<>();
                loads.forEach((u, f) -> {
                    if (f.join() instanceof MediaPlaylist mp) {
                        media.put(u, mp);
                    }
                });
                return adMedia(adId, durationMicros, m, master, media);
            });
        }).exceptionally(t -> {
            LOG.debug("ad {} package {} unreadable: {}", adId, master, t.toString());
            return empty(adId, durationMicros, master);
        });
    }

    private static AdMedia adMedia(String adId, long durationMicros, MasterPlaylist m, URI master,
                                   Map<URI, MediaPlaylist> media) {
        try {
            return new AdMedia(adId, durationMicros, m, master, media);
        } catch (IllegalArgumentException e) {
            return empty(adId, durationMicros, master);
        }
    }

    private static AdMedia empty(String adId, long durationMicros, URI master) {
        return new AdMedia(adId, durationMicros, UNREADABLE, master, Map.of());
    }

    private CompletableFuture<Playlist> load(VastFetcher fetcher, URI uri) {
        return fetcher.get(uri).handle((bytes, failure) -> {
            if (failure != null) {
                LOG.debug("fetch of {} failed: {}", uri, failure.toString());
                throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "could not fetch " + uri.getPath());
            }
            try {
                return parser.parse(new String(bytes, StandardCharsets.UTF_8));
            } catch (HlsParseException e) {
                throw new SsaiFailure(SsaiFailure.Kind.BAD_GATEWAY, "not an HLS playlist: " + uri.getPath());
            }
        });
    }
}
