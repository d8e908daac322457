package io.podium.ssai.stitch;

import io.podium.ssai.hls.HlsDateTime;
import io.podium.ssai.hls.InitSection;
import io.podium.ssai.hls.MediaPlaylist;
import io.podium.ssai.hls.MediaSegment;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A content media playlist prepared for stitching: its URIs resolved against {@link #uri()}, its
 * segment boundaries in content time, its dates. Preparing costs about a microsecond per segment
 * (URI resolution); stitching a prepared content costs a few nanoseconds per segment, so the SSAI
 * service should cache this object next to (or instead of) the parsed playlist.
 *
 * <p>Boundaries are numbered like the segments: boundary {@code i} is where segment {@code i}
 * starts, boundary 0 the start of the content, boundary {@link #segmentCount()} its end.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContentMedia {
    private static final Comparator<Break> ORDER = Comparator.comparingLong(Break::positionMicros)
            .thenComparing(Break::breakId);

    private final PreparedMedia media;
    private final int[] dated;

    private ContentMedia(PreparedMedia media) {
        this.media = media;
        List<MediaSegment> segments = media.playlist().segments();
        int count = 0;
        for (MediaSegment s : segments) {
            count += s.programDateTime() == null ? 0 : 1;
        }
        dated = new int[count];
        count = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).programDateTime() != null) {
                dated[count++] = i;
            }
        }
    }

    /**
     * Prepares {@code playlist}, read from {@code playlistUri}.
     *
     * @throws IllegalArgumentException if the URI is not absolute, the playlist is an I-frame
     *     playlist, or a URI in it is not a URI reference
     */
    public static ContentMedia of(MediaPlaylist playlist, URI playlistUri) {
        Objects.requireNonNull(playlist, "playlist");
        Uris.requireAbsolute(playlistUri, "content media playlist URI");
        if (playlist.iFramesOnly()) {
            throw new IllegalArgumentException("an I-frame playlist cannot be stitched: " + playlistUri);
        }
        return new ContentMedia(PreparedMedia.content(playlist, playlistUri));
    }

    /** The playlist as given. */
    public MediaPlaylist playlist() {
        return media.playlist();
    }

    /** Where the playlist was read from. */
    public URI uri() {
        return media.uri();
    }

    public int segmentCount() {
        return media.size();
    }

    /** The sum of the segment durations, in µs. */
    public long durationMicros() {
        return media.durationMicros();
    }

    /** The content time of boundary {@code boundary} (0 to {@link #segmentCount()}), in µs. */
    public long boundaryMicros(int boundary) {
        return media.start(boundary);
    }

    /**
     * The boundary where a break at {@code positionMicros} goes: 0 for 0 or less, the end for the
     * content's duration or more (a post-roll), else the nearest one, the earlier of two equally
     * near.
     */
    public int boundaryFor(long positionMicros) {
        int n = media.size();
        if (positionMicros <= 0) {
            return 0;
        }
        if (positionMicros >= media.durationMicros()) {
            return n;
        }
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (media.start(mid) <= positionMicros) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long before = positionMicros - media.start(lo);
        long after = media.start(lo + 1) - positionMicros;
        return before <= after ? lo : lo + 1;
    }

    /**
     * The breaks in position order (position, then id), each moved to the content time of the
     * boundary it goes to here: 0 for a pre-roll, {@link Break#POST_ROLL} for a post-roll.
     * Compute this once on the main variant and stitch every playlist of the content with the
     * result: then renditions whose segment durations differ slightly from the variant's (audio
     * of 5.994667 s against video of 6 s) still get every break at the same boundary.
     *
     * @throws IllegalArgumentException if two breaks share an id
     */
    public List<Break> snap(List<Break> breaks) {
        List<Break> out = new ArrayList<>();
        for (Break b : ordered(breaks)) {
            int boundary = boundaryFor(b.positionMicros());
            out.add(b.at(boundary == 0 ? Break.PRE_ROLL
                    : boundary == media.size() ? Break.POST_ROLL : media.start(boundary)));
        }
        return List.copyOf(out);
    }

    /** The breaks sorted by position then id; checks that ids are unique. */
    static List<Break> ordered(List<Break> breaks) {
        List<Break> sorted = new ArrayList<>(breaks);
        sorted.sort(ORDER);
        Set<String> ids = new HashSet<>();
        for (Break b : sorted) {
            if (!ids.add(b.breakId())) {
                throw new IllegalArgumentException("two breaks share the id " + b.breakId());
            }
        }
        return sorted;
    }

    PreparedMedia media() {
        return media;
    }

    /** Whether some segment has an EXT-X-PROGRAM-DATE-TIME. */
    boolean hasDates() {
        return dated.length > 0;
    }

    /**
     * The content date at {@code boundary} plus {@code offsetMicros}: the segment's own date when it
     * has one and the offset is 0, else extrapolated from the nearest dated segment before it (or,
     * without one, after it). Null when the content has no dates.
     */
    HlsDateTime dateAt(int boundary, long offsetMicros) {
        if (dated.length == 0) {
            return null;
        }
        if (offsetMicros == 0 && boundary < media.size()) {
            HlsDateTime own = media.segment(boundary).programDateTime();
            if (own != null) {
                return own;
            }
        }
        int anchor = dated[0];
        for (int d : dated) {
            if (d > boundary) {
                break;
            }
            anchor = d;
        }
        long micros = media.start(boundary) - media.start(anchor) + offsetMicros;
        Instant at = media.segment(anchor).programDateTime().instant().plusNanos(Math.multiplyExact(micros, 1000L));
        return HlsDateTime.of(at);
    }

    /**
     * Whether a break at {@code boundary} must be fragmented MP4 (an EXT-X-MAP in force next to it):
     * the tag cannot be removed once given, and a transport stream cannot use one.
     */
    boolean needsMap(int boundary) {
        int n = media.size();
        return boundary < n && media.segment(boundary).map() != null
                || boundary > 0 && media.segment(boundary - 1).map() != null;
    }

    /**
     * The EXT-X-MAP that gap segments at {@code boundary} carry: the one in force before it, else
     * the next segment's (so that a map, once given, stays).
     */
    InitSection mapAt(int boundary) {
        InitSection before = boundary > 0 ? media.segment(boundary - 1).map() : null;
        if (before != null) {
            return before;
        }
        return boundary < media.size() ? media.segment(boundary).map() : null;
    }
}
