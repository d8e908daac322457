package io.podium.vast.vmap;

import java.util.Objects;

/**
 * A {@code vmap:CustomAdData}: an inline ad response that is not VAST 3.0, kept as text
 * (written back in CDATA). When a document puts elements rather than text in it, the parser
 * keeps them as XML text.
 *
 * @param templateType the format of the response: {@link TemplateType#VAST1},
 *     {@link TemplateType#VAST2} or {@link TemplateType#PROPRIETARY} (VAST 3 goes in
 *     {@link VastAdData})
 * @param content the response, without surrounding whitespace
 */
public record CustomAdData(TemplateType templateType, String content) implements AdData {
    public CustomAdData {
        Objects.requireNonNull(templateType, "templateType");
        if (templateType == TemplateType.VAST3) {
            throw new IllegalArgumentException("CustomAdData cannot be vast3: VAST 3 goes in VASTAdData");
        }
        content = content.strip();
    }
}
