package io.podium.ssai.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * EXT-X-KEY and EXT-X-SESSION-KEY attributes agree with the method (RFC 8216 §4.3.2.4,
 * §4.3.4.5): METHOD=NONE has no other attribute; any other method has a URI; a session key is
 * never NONE. A method outside RFC 8216 and its successor draft gets a warning. Checks the tags as
 * written, since the model keeps only the keys in force.
 */
final class KeyRule implements HlsRule {
    static final String ID = "key";
    private static final Set<String> METHODS = Set.of("NONE", "AES-128", "SAMPLE-AES", "SAMPLE-AES-CTR");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<HlsProblem> checkMedia(MediaPlaylist p, SourceIndex source) {
        return check(source.tagLines(HlsTags.KEY), false);
    }

    @Override
    public List<HlsProblem> checkMaster(MasterPlaylist p, SourceIndex source) {
        return check(source.tagLines(HlsTags.SESSION_KEY), true);
    }

    private static List<HlsProblem> check(List<SourceLine> lines, boolean session) {
        List<HlsProblem> out = new ArrayList<>();
        for (SourceLine line : lines) {
            AttributeList a = VersionRule.attributes(line);
            Attribute method = a.get("METHOD");
            if (method == null) {
                continue;
            }
            String tag = line.tag();
            if (method.value().equals(EncryptionKey.NONE)) {
                if (session) {
                    out.add(HlsProblem.error(ID, line.number(), tag + " METHOD must not be NONE (RFC 8216 §4.3.4.5)"));
                } else if (a.entries().size() > 1) {
                    String others = a.entries().stream().map(Attribute::name).filter(n -> !n.equals("METHOD"))
                            .collect(Collectors.joining(", "));
                    out.add(HlsProblem.error(ID, line.number(), tag + " with METHOD=NONE must have no other attribute,"
                            + " found " + others + " (RFC 8216 §4.3.2.4)"));
                }
                continue;
            }
            if (a.get("URI") == null) {
                out.add(HlsProblem.error(ID, line.number(), tag + " METHOD=" + method.value() + " without URI; URI"
                        + " is required unless METHOD is NONE (RFC 8216 §4.3.2.4)"));
            }
            if (!METHODS.contains(method.value())) {
                out.add(HlsProblem.warning(ID, line.number(), tag + " METHOD=" + method.value() + " is not one of "
                        + "NONE, AES-128, SAMPLE-AES, SAMPLE-AES-CTR; players may not support it"));
            }
        }
        return out;
    }
}
