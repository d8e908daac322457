package io.podium.ssai.stitch;

import io.podium.ssai.hls.EncryptionKey;
import io.podium.ssai.hls.IFrameVariant;
import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.SessionData;
import io.podium.ssai.hls.SessionKey;
import io.podium.ssai.hls.Variant;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stitches ad breaks into HLS playlists (RFC 8216), deterministically and without state: the same
 * inputs always give equal playlists, hence byte-identical text from {@code HlsWriter}.
 *
 * <p>What a stitched media playlist looks like:
 * <ul>
 *   <li>the content's header (media sequence, discontinuity sequence, playlist type, ENDLIST,
 *       header lines) kept; EXT-X-TARGETDURATION the highest of the content's and of every
 *       segment's rounded duration; EXT-X-VERSION raised to what the segments need (IV 2, decimal
 *       durations 3, byte ranges 4, KEYFORMAT 5, EXT-X-MAP 6);</li>
 *   <li>EXT-X-DISCONTINUITY at every content-to-ad, ad-to-ad and ad-to-content edge (none before
 *       the first segment of the playlist);</li>
 *   <li>content segment URIs absolute, through {@link SegmentLinker#contentSegment}; ad segment
 *       URIs through {@link SegmentLinker#adSegment}; EXT-X-MAP and EXT-X-KEY URIs absolute;</li>
 *   <li>EXT-X-MAP and EXT-X-KEY follow the segments: the ad's own map before its first segment,
 *       {@code METHOD=NONE} before an unencrypted ad after encrypted content, the content's map
 *       and keys declared again after the break; AES-128 segments that used their media sequence
 *       number as IV get that IV written out once the splice has changed their number;</li>
 *   <li>a byte range without offset after a break gets its offset written out;</li>
 *   <li>per break, when options say so: {@code EXT-X-CUE-OUT:DURATION=<s>} and an
 *       {@code EXT-X-DATERANGE} on its first segment, {@code EXT-X-CUE-IN} on the segment after it
 *       (a trailing line after a post-roll); their duration is the break's length on the shared
 *       timeline, the same in every playlist of the content;</li>
 *   <li>dates: see the package documentation.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class HlsStitcher {
    private final StitchOptions options;

    public HlsStitcher(StitchOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public StitchOptions options() {
        return options;
    }

    /**
     * The stitched master: the content's entries in order, each variant and rendition URI replaced
     * by {@code mediaUri} applied to the absolute URI of the content media playlist; session data
     * and session key URIs made absolute. I-frame variants are left out: their playlists show the
     * content's frames, which no longer match the stitched timeline.
     *
     * @param mediaUri where the stitched playlist of a content media playlist is served; must give
     *     a URI reference for every URI
     * @throws IllegalArgumentException if {@code contentMasterUri} is not absolute, a URI in the
     *     master is not a URI reference, or nothing is left but I-frame variants
     */
    public MasterPlaylist stitchMaster(MasterPlaylist content, URI contentMasterUri, Function<URI, String> mediaUri) {
        Objects.requireNonNull(content, "content");
        Uris.requireAbsolute(contentMasterUri, "content master URI");
        Objects.requireNonNull(mediaUri, "mediaUri");
        List<MasterEntry> entries = new ArrayList<>(content.entries().size());
        for (MasterEntry e : content.entries()) {
            if (e instanceof Variant) {
                Variant v = (Variant) e;
                entries.add(new Variant(v.stream(), link(mediaUri, contentMasterUri, v.uri())));
            } else if (e instanceof IFrameVariant) {
                continue;
            } else if (e instanceof Rendition && ((Rendition) e).uri() != null) {
                Rendition r = (Rendition) e;
                entries.add(r.toBuilder().uri(link(mediaUri, contentMasterUri, r.uri())).build());
            } else if (e instanceof SessionData && ((SessionData) e).uri() != null) {
                SessionData d = (SessionData) e;
                entries.add(new SessionData(d.dataId(), d.value(), absolute(contentMasterUri, d.uri()), d.language(),
                        d.otherAttributes()));
            } else if (e instanceof SessionKey && ((SessionKey) e).key().uri() != null) {
                EncryptionKey k = ((SessionKey) e).key();
                entries.add(new SessionKey(new EncryptionKey(k.method(), absolute(contentMasterUri, k.uri()), k.iv(),
                        k.keyFormat(), k.keyFormatVersions(), k.otherAttributes())));
            } else {
                entries.add(e);
            }
        }
        return new MasterPlaylist(content.version(), content.independentSegments(), content.start(), entries);
    }

    /**
     * One stitched media playlist, preparing the content first: convenient, but preparing resolves
     * every segment URI; on a hot path prepare once with {@link ContentMedia#of} and call
     * {@link #stitchMedia(ContentMedia, Target, List, SegmentLinker)}.
     */
    public StitchedMedia stitchMedia(MediaPlaylist content, URI contentMediaUri, Target target, List<Break> breaks,
            SegmentLinker linker) {
        return stitchMedia(ContentMedia.of(content, contentMediaUri), target, breaks, linker);
    }

    /**
     * One stitched media playlist for one content variant or rendition.
     *
     * <p>Breaks may come in any order: they are played in order of position, then of id, and
     * {@code breakIndex} in {@link SegmentLinker}, {@link SkippedAd} and {@link StitchedBreak} is
     * the index in that order (a caller that passes them sorted gets its own indices). Each goes to
     * {@link ContentMedia#boundaryFor the boundary nearest its position}; several at one boundary
     * play one after the other. A break none of whose ads plays is left out, or filled with the
     * slate (see {@link StitchOptions#slate()}).
     *
     * @param content the prepared content playlist
     * @param target what the playlist is in its master, to pick ad renditions
     * @param breaks the breaks; ids unique
     * @param linker writes segment URIs
     * @throws IllegalArgumentException if two breaks share an id, or the linker gives an invalid URI
     */
    public StitchedMedia stitchMedia(ContentMedia content, Target target, List<Break> breaks, SegmentLinker linker) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(linker, "linker");
        List<Break> ordered = ContentMedia.ordered(breaks);
        Splice splice = new Splice(content, target, options, linker);
        int next = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Break b = ordered.get(i);
            int boundary = content.boundaryFor(b.positionMicros());
            splice.addContent(next, boundary);
            next = boundary;
            splice.addBreak(i, b, boundary);
        }
        splice.addContent(next, content.segmentCount());
        return splice.finish();
    }

    private static String link(Function<URI, String> mediaUri, URI base, String reference) {
        String linked = mediaUri.apply(Uris.resolve(base, reference, "media playlist URI"));
        return Objects.requireNonNull(linked, "mediaUri gave null for " + reference);
    }

    private static String absolute(URI base, String reference) {
        return Uris.resolve(base, reference, "URI").toString();
    }
}
