package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * EXT-X-VERSION is high enough for the features the playlist uses (RFC 8216 §7): IV needs 2,
 * decimal EXTINF durations 3, EXT-X-BYTERANGE and EXT-X-I-FRAMES-ONLY 4, KEYFORMAT and
 * KEYFORMATVERSIONS 5, EXT-X-MAP 5 in an I-frame playlist and 6 otherwise, INSTREAM-ID SERVICEn 7.
 * Also warns of EXT-X-ALLOW-CACHE, removed in version 7. One problem per feature, on the line
 * where it is first used.
 */
final class VersionRule implements HlsRule {
    static final String ID = "version";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        List<Feature> features = new ArrayList<>();
        for (SourceLine key : source.tagLines(HlsTags.KEY)) {
            AttributeList attributes = attributes(key);
            if (attributes.get("IV") != null) {
                features.add(new Feature("the IV attribute of EXT-X-KEY", 2, key.number()));
            }
            if (attributes.get("KEYFORMAT") != null || attributes.get("KEYFORMATVERSIONS") != null) {
                features.add(new Feature("the KEYFORMAT and KEYFORMATVERSIONS attributes of EXT-X-KEY", 5,
                        key.number()));
            }
        }
        for (int i = 0; i < p.segments().size(); i++) {
            if (p.segments().get(i).duration().hasFraction()) {
                features.add(new Feature("a decimal EXTINF duration", 3, source.lineOf(i)));
                break;
            }
        }
        add(features, source, HlsTags.BYTERANGE, "EXT-X-BYTERANGE", 4);
        add(features, source, HlsTags.I_FRAMES_ONLY, "EXT-X-I-FRAMES-ONLY", 4);
        if (p.iFramesOnly()) {
            add(features, source, HlsTags.MAP, "EXT-X-MAP", 5);
        } else {
            add(features, source, HlsTags.MAP, "EXT-X-MAP in a playlist without EXT-X-I-FRAMES-ONLY", 6);
        }
        return problems(p.version(), features, source);
    }

    @Override
    public List<HlsProblem> checkMaster(MasterPlaylist p, SourceIndex source) {
        List<Feature> features = new ArrayList<>();
        for (SourceLine media : source.tagLines(HlsTags.MEDIA)) {
            Attribute instream = attributes(media).get("INSTREAM-ID");
            if (instream != null && instream.unquoted().startsWith("SERVICE")) {
                features.add(new Feature("INSTREAM-ID " + instream.unquoted(), 7, media.number()));
                break;
            }
        }
        return problems(p.version(), features, source);
    }

    private record Feature(String name, int version, int line) {
    }

    private static void add(List<Feature> features, SourceIndex source, String tag, String name, int version) {
        int line = source.firstLine(tag);
        if (line > 0) {
            features.add(new Feature(name, version, line));
        }
    }

    private static List<HlsProblem> problems(Integer version, List<Feature> features, SourceIndex source) {
        int declared = version == null ? 1 : version;
        String says = version == null ? "has no EXT-X-VERSION (so version 1)" : "declares version " + version;
        List<HlsProblem> out = new ArrayList<>();
        for (Feature f : features) {
            if (f.version() > declared) {
                out.add(HlsProblem.error(ID, f.line(), f.name() + " needs EXT-X-VERSION " + f.version()
                        + " or higher; the playlist " + says + " (RFC 8216 §7)"));
            }
        }
        int allowCache = source.firstLine(HlsTags.ALLOW_CACHE);
        if (allowCache > 0 && declared >= 7) {
            out.add(HlsProblem.warning(ID, allowCache, "EXT-X-ALLOW-CACHE was removed in protocol version 7;"
                    + " clients ignore it (RFC 8216 §7)"));
        }
        return out;
    }

    /** The attributes of a line the parser accepted; empty if they cannot be read. */
    static AttributeList attributes(SourceLine line) {
        int colon = line.text().indexOf(':');
        try {
            return colon < 0 ? AttributeList.EMPTY : AttributeList.parse(line.text().substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            return AttributeList.EMPTY;
        }
    }
}
