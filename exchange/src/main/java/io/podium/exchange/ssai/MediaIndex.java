package io.podium.exchange.ssai;

import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.RenditionType;
import io.podium.ssai.hls.Variant;
import io.podium.ssai.stitch.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The media playlists of a content master, numbered: variants and renditions with a URI, in
 * master order, each absolute URI once (its first entry decides its {@link Target}). The
 * number is what a stitched master puts in its variant URLs, so no URL is taken from the
 * client after the master. I-frame variants and closed captions have no number.
 */
public final class MediaIndex {
    private final List<URI> uris = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    public MediaIndex(MasterPlaylist master, URI masterUri) {
        for (MasterEntry e : master.entries()) {
            String ref;
            Target target;
            if (e instanceof Variant v) {
                ref = v.uri();
                target = Target.of(v);
            } else if (e instanceof Rendition r && r.uri() != null && r.type() != RenditionType.CLOSED_CAPTIONS
                    && r.type() != null) {
                ref = r.uri();
                target = Target.of(r);
            } else {
                continue;
            }
            URI abs;
            try {
                abs = masterUri.resolve(new URI(ref));
            } catch (URISyntaxException ex) {
                continue;
            }
            if (!uris.contains(abs)) {
                uris.add(abs);
                targets.add(target);
            }
        }
    }

    /** The number of an absolute media playlist URI, or -1. */
    public int indexOf(URI absolute) {
        return uris.indexOf(absolute);
    }

    public int size() {
        return uris.size();
    }

    public URI uri(int i) {
        return uris.get(i);
    }

    public Target target(int i) {
        return targets.get(i);
    }
}
