package io.podium.ssai.stitch;

import io.podium.ssai.hls.Resolution;
import io.podium.ssai.hls.StreamInfo;
import java.util.Locale;

/**
 * Picks the rendition of an ad that one content playlist gets. Only renditions in the content's
 * container at the break are candidates (fragmented MP4 with EXT-X-MAP, or not), since HLS cannot
 * remove an EXT-X-MAP once given and a transport stream cannot follow one.
 *
 * <ul>
 *   <li>Variant: among the ad's variants of the content variant's codec family (see
 *       {@link CodecFamily}) if there are any, else among all: the highest BANDWIDTH not above the
 *       content's (else the lowest), then the RESOLUTION nearest in pixel count, then the first in
 *       master order. A variant without BANDWIDTH counts as 0; a target without one as unbounded.</li>
 *   <li>Audio: the ad's AUDIO rendition of the same LANGUAGE (case-insensitive), else of the same
 *       primary language subtag ({@code en} for {@code en-GB}), else the DEFAULT=YES one, else the
 *       first; none when the ad has no separate audio.</li>
 *   <li>Subtitles: none, by design (they get gaps).</li>
 * </ul>
 *
 * <p>Stateless.
 */
final class AdRenditionMatcher {
    private AdRenditionMatcher() {
    }

    /**
     * The chosen rendition, or why there is none.
     *
     * @param media the rendition, or null
     * @param reason why there is none, or null for a subtitle target (which never has one)
     */
    record Choice(PreparedMedia media, SkippedAd.Reason reason) {
    }

    private static final Choice SUBTITLES = new Choice(null, null);

    /**
     * @param target the content playlist
     * @param family the codec family of the target's CODECS ({@link CodecFamily#of}), or null
     * @param ad the ad
     * @param fragmented whether the content has an EXT-X-MAP at the break
     */
    static Choice choose(Target target, String family, AdMedia ad, boolean fragmented) {
        switch (target.kind()) {
            case VARIANT:
                return variant(target.stream(), family, ad, fragmented);
            case AUDIO:
                return audio(target.language(), ad, fragmented);
            default:
                return SUBTITLES;
        }
    }

    private static Choice variant(StreamInfo stream, String family, AdMedia ad, boolean fragmented) {
        boolean familyFound = false;
        if (family != null) {
            for (AdMedia.AdVariant v : ad.variants()) {
                if (v.media().fragmented() == fragmented && family.equals(v.family())) {
                    familyFound = true;
                    break;
                }
            }
        }
        long bandwidth = stream == null || stream.bandwidth() == null ? Long.MAX_VALUE : stream.bandwidth();
        Resolution resolution = stream == null ? null : stream.resolution();
        AdMedia.AdVariant best = null;
        for (AdMedia.AdVariant v : ad.variants()) {
            if (v.media().fragmented() != fragmented
                    || familyFound && !family.equals(v.family())) {
                continue;
            }
            if (best == null || better(v.variant().stream(), best.variant().stream(), bandwidth, resolution)) {
                best = v;
            }
        }
        return best == null ? new Choice(null, SkippedAd.Reason.CONTAINER_MISMATCH) : new Choice(best.media(), null);
    }

    /** Whether {@code a} fits better than {@code b}, which comes earlier in master order. */
    private static boolean better(StreamInfo a, StreamInfo b, long bandwidth, Resolution resolution) {
        long ba = a.bandwidth() == null ? 0 : a.bandwidth();
        long bb = b.bandwidth() == null ? 0 : b.bandwidth();
        boolean aFits = ba <= bandwidth;
        boolean bFits = bb <= bandwidth;
        if (aFits != bFits) {
            return aFits;
        }
        if (ba != bb) {
            return aFits ? ba > bb : ba < bb;
        }
        return distance(a.resolution(), resolution) < distance(b.resolution(), resolution);
    }

    private static long distance(Resolution candidate, Resolution wanted) {
        if (candidate == null || wanted == null) {
            return candidate == wanted ? 0 : Long.MAX_VALUE;
        }
        return Math.abs((long) candidate.width() * candidate.height() - (long) wanted.width() * wanted.height());
    }

    private static Choice audio(String language, AdMedia ad, boolean fragmented) {
        if (!ad.hasAudioRenditions()) {
            return new Choice(null, SkippedAd.Reason.NO_AUDIO_RENDITION);
        }
        AdMedia.AdAudio exact = null;
        AdMedia.AdAudio primary = null;
        AdMedia.AdAudio byDefault = null;
        AdMedia.AdAudio first = null;
        boolean any = false;
        for (AdMedia.AdAudio a : ad.audios()) {
            any = true;
            if (a.media().fragmented() != fragmented) {
                continue;
            }
            String l = a.rendition().language();
            if (exact == null && language != null && language.equalsIgnoreCase(l)) {
                exact = a;
            }
            if (primary == null && language != null && l != null && primaryTag(language).equals(primaryTag(l))) {
                primary = a;
            }
            if (byDefault == null && Boolean.TRUE.equals(a.rendition().isDefault())) {
                byDefault = a;
            }
            if (first == null) {
                first = a;
            }
        }
        AdMedia.AdAudio chosen = exact != null ? exact : primary != null ? primary : byDefault != null ? byDefault
                : first;
        if (chosen == null) {
            return new Choice(null, any ? SkippedAd.Reason.CONTAINER_MISMATCH : SkippedAd.Reason.NO_AUDIO_RENDITION);
        }
        return new Choice(chosen.media(), null);
    }

    private static String primaryTag(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
