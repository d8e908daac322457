package io.podium.ssai.hls;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Segments that look like fragmented MP4 (by a heuristic: the URI path ends in .mp4, .m4s, .m4v,
 * .m4a or .cmf*) have an EXT-X-MAP in force (RFC 8216 §3.3, §4.3.2.5). A warning, once, on the
 * first such segment, since the file name may lie.
 */
final class InitSectionRule implements HlsRule {
    static final String ID = "init-section";
    private static final Pattern FMP4 = Pattern.compile(".*\\.(mp4|m4s|m4v|m4a|cmf[a-z]?)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < p.segments().size(); i++) {
            MediaSegment s = p.segments().get(i);
            if (s.map() == null && looksLikeFragmentedMp4(s.uri())) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (first < 0) {
            return List.of();
        }
        return List.of(HlsProblem.warning(ID, source.lineOf(first), "segment " + p.segments().get(first).uri()
                + " looks like fragmented MP4 but no EXT-X-MAP is in force (" + count + " such segment"
                + (count == 1 ? "" : "s") + "); fMP4 segments need a Media Initialization Section"
                + " (RFC 8216 §3.3)"));
    }

    static boolean looksLikeFragmentedMp4(String uri) {
        String path = uri;
        int cut = path.indexOf('?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        cut = path.indexOf('#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        return FMP4.matcher(path.toLowerCase(Locale.ROOT)).matches();
    }
}
