package io.podium.ssai.stitch;

import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.RenditionType;
import io.podium.ssai.hls.Variant;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ad of a break (or the slate): its id, its declared duration and its HLS package, already
 * fetched. A value: two are equal when their five components are.
 *
 * <p>Construction prepares every rendition for splicing (URIs resolved, see {@link PreparedMedia}),
 * which costs about a microsecond per segment; stitching then uses the prepared form. Build one
 * per ad package and cache it, as the SSAI service caches the package. Immutable and thread-safe.
 *
 * <p>Which renditions can be used: the variants (EXT-X-STREAM-INF) and the AUDIO renditions with a
 * URI whose media playlist is in {@code media} under the URI resolved against {@code masterUri},
 * has segments, is not an I-frame playlist and does not switch from transport stream to EXT-X-MAP
 * part way. The first usable variant in master order is the <em>reference rendition</em>: its
 * duration is the ad's length on the timeline every playlist of a content shares.
 */
public final class AdMedia {
    private final String adId;
    private final long durationMicros;
    private final MasterPlaylist master;
    private final URI masterUri;
    private final Map<URI, MediaPlaylist> media;
    private final List<AdVariant> variants;
    private final List<AdAudio> audios;
    private final boolean hasAudioRenditions;
    private final PreparedMedia reference;

    /**
     * @param adId the ad's id, for beacons and errors
     * @param durationMicros its declared duration (from VAST), not negative; plans a break's length
     * @param master its master playlist
     * @param masterUri where the master was read from; absolute
     * @param media its media playlists by absolute URI; those the ad's master does not name are ignored
     * @throws IllegalArgumentException if a value is missing or out of range, or a URI in a usable
     *     media playlist is not a URI reference
     */
    public AdMedia(String adId, long durationMicros, MasterPlaylist master, URI masterUri,
            Map<URI, MediaPlaylist> media) {
        this.adId = Objects.requireNonNull(adId, "adId");
        if (durationMicros < 0) {
            throw new IllegalArgumentException("durationMicros must not be negative: " + durationMicros);
        }
        this.durationMicros = durationMicros;
        this.master = Objects.requireNonNull(master, "master");
        this.masterUri = Uris.requireAbsolute(masterUri, "ad master URI");
        this.media = Map.copyOf(media);
        List<AdVariant> v = new ArrayList<>();
        List<AdAudio> a = new ArrayList<>();
        boolean audio = false;
        int order = 0;
        for (MasterEntry e : master.entries()) {
            if (e instanceof Variant) {
                Variant variant = (Variant) e;
                PreparedMedia m = prepare(variant.uri());
                if (m != null) {
                    v.add(new AdVariant(variant, order, CodecFamily.of(variant.stream().codecs()), m));
                }
                order++;
            } else if (e instanceof Rendition) {
                Rendition r = (Rendition) e;
                if (r.type() == RenditionType.AUDIO && r.uri() != null) {
                    audio = true;
                    PreparedMedia m = prepare(r.uri());
                    if (m != null) {
                        a.add(new AdAudio(r, m));
                    }
                }
            }
        }
        variants = List.copyOf(v);
        audios = List.copyOf(a);
        hasAudioRenditions = audio;
        reference = variants.isEmpty() ? null : variants.get(0).media();
    }

    public String adId() {
        return adId;
    }

    /** The declared duration in µs. */
    public long durationMicros() {
        return durationMicros;
    }

    public MasterPlaylist master() {
        return master;
    }

    public URI masterUri() {
        return masterUri;
    }

    /** The media playlists as given, by absolute URI. */
    public Map<URI, MediaPlaylist> media() {
        return media;
    }

    /** Whether some variant is usable, so that the ad plays. */
    public boolean playable() {
        return reference != null;
    }

    /** The ad's length on the shared timeline: its reference rendition's duration in µs, 0 if it does not play. */
    public long stitchedDurationMicros() {
        return reference == null ? 0 : reference.durationMicros();
    }

    /** The reference rendition, or null. */
    PreparedMedia reference() {
        return reference;
    }

    /** The usable variants, in master order. */
    List<AdVariant> variants() {
        return variants;
    }

    /** The usable AUDIO renditions, in master order. */
    List<AdAudio> audios() {
        return audios;
    }

    /** Whether the master has AUDIO renditions with a URI at all, usable or not. */
    boolean hasAudioRenditions() {
        return hasAudioRenditions;
    }

    private PreparedMedia prepare(String reference) {
        URI uri = Uris.resolve(masterUri, reference, "ad " + adId + " media playlist URI");
        MediaPlaylist playlist = media.get(uri);
        if (playlist == null || playlist.segments().isEmpty() || playlist.iFramesOnly()) {
            return null;
        }
        PreparedMedia prepared = PreparedMedia.ad(playlist, uri);
        return prepared.mixedContainer() ? null : prepared;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AdMedia)) {
            return false;
        }
        AdMedia other = (AdMedia) o;
        return durationMicros == other.durationMicros && adId.equals(other.adId) && master.equals(other.master)
                && masterUri.equals(other.masterUri) && media.equals(other.media);
    }

    @Override
    public int hashCode() {
        return Objects.hash(adId, durationMicros, master, masterUri, media);
    }

    @Override
    public String toString() {
        return "AdMedia[adId=" + adId + ", durationMicros=" + durationMicros + ", masterUri=" + masterUri
                + ", variants=" + variants.size() + ", audios=" + audios.size() + "]";
    }

    /** A usable variant: its entry, its index among the master's variants, its codec family, its playlist. */
    record AdVariant(Variant variant, int order, String family, PreparedMedia media) {
    }

    /** A usable AUDIO rendition and its prepared playlist. */
    record AdAudio(Rendition rendition, PreparedMedia media) {
    }
}
