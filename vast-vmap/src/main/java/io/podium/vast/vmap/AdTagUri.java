package io.podium.vast.vmap;

import java.util.Objects;

/**
 * A {@code vmap:AdTagURI}: the URL of an ad server that returns the ad response.
 *
 * @param templateType the format of that response; any {@link TemplateType}
 * @param url the URL, without surrounding whitespace; not empty
 */
public record AdTagUri(TemplateType templateType, String url) implements AdData {
    public AdTagUri {
        Objects.requireNonNull(templateType, "templateType");
        url = url.strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("an AdTagURI needs a URL");
        }
    }
}
