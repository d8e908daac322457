package io.podium.ssai.dash;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the BaseURLs of an MPD and its URL templates to absolute URLs (RFC 3986 reference
 * resolution, as ISO/IEC 23009-1 5.6 asks). A template's {@code $...$} identifiers, which are not
 * valid in a URI ({@code $Number%05d$}), pass through unchanged. Stateless.
 */
final class UrlResolver {
    private static final Pattern IDENTIFIER = Pattern.compile("\\$[^$]*\\$");

    private UrlResolver() {
    }

    /**
     * The BaseURLs of a level resolved against the bases of the level above: every pair when
     * there are several (alternatives, such as CDNs), the upper level's attributes overridden by
     * the lower's. A level without BaseURL keeps the upper bases.
     *
     * @throws IllegalArgumentException when a BaseURL is not a URI reference
     */
    static List<BaseUrl> resolveAll(List<BaseUrl> upper, List<BaseUrl> level) {
        if (level.isEmpty()) {
            return upper;
        }
        List<BaseUrl> out = new ArrayList<>();
        for (BaseUrl u : upper) {
            for (BaseUrl l : level) {
                List<XmlAttribute> attributes = new ArrayList<>(l.otherAttributes());
                for (XmlAttribute a : u.otherAttributes()) {
                    if (attributes.stream().noneMatch(b -> b.qualifiedName().equals(a.qualifiedName()))) {
                        attributes.add(a);
                    }
                }
                BaseUrl resolved = new BaseUrl(resolve(URI.create(u.url()), l.url()).toString(), attributes);
                if (!out.contains(resolved)) {
                    out.add(resolved);
                }
            }
        }
        return out;
    }

    /** The directory of a document's URL (its path up to the last '/'), as the one base of a chain. */
    static List<BaseUrl> documentBase(URI document) {
        return List.of(BaseUrl.of(withPath(document).resolve(".").toString()));
    }

    /**
     * A reference resolved against an absolute base.
     *
     * @throws IllegalArgumentException when {@code reference} is not a URI reference
     */
    static URI resolve(URI base, String reference) {
        if (reference.isEmpty()) {
            return base;
        }
        try {
            return withPath(base).resolve(new URI(reference));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + reference + "\" is not a URI reference: " + e.getReason(), e);
        }
    }

    /**
     * A URL template resolved against an absolute base, its identifiers kept as written.
     *
     * @throws IllegalArgumentException when the template, identifiers aside, is not a URI reference
     */
    static String resolveTemplate(URI base, String template) {
        List<String> identifiers = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(template);
        String marker = marker(base.toString() + template);
        StringBuilder masked = new StringBuilder();
        int from = 0;
        while (m.find()) {
            masked.append(template, from, m.start()).append(marker).append(identifiers.size()).append('z');
            identifiers.add(m.group());
            from = m.end();
        }
        masked.append(template, from, template.length());
        String resolved = resolve(base, masked.toString()).toString();
        for (int i = identifiers.size() - 1; i >= 0; i--) {
            resolved = resolved.replace(marker + i + "z", identifiers.get(i));
        }
        return resolved;
    }

    /** A marker made of letters that {@code text} does not hold. */
    private static String marker(String text) {
        String marker = "podiumtpl";
        while (text.contains(marker)) {
            marker += "q";
        }
        return marker;
    }

    /** The URI with path "/" when it has an authority and an empty path (Java resolves badly against those). */
    private static URI withPath(URI base) {
        if (base.getRawAuthority() != null && (base.getRawPath() == null || base.getRawPath().isEmpty())) {
            return URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/"
                    + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
        }
        return base;
    }
}
