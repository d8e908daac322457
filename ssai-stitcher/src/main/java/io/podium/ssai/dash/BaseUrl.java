package io.podium.ssai.dash;

import java.util.List;
import java.util.Objects;

/**
 * A BaseURL element.
 *
 * @param url its text, without surrounding whitespace
 * @param otherAttributes its attributes ({@code serviceLocation}, {@code byteRange}, ...), kept as read
 */
public record BaseUrl(String url, List<XmlAttribute> otherAttributes) {
    public BaseUrl {
        Objects.requireNonNull(url, "url");
        otherAttributes = List.copyOf(otherAttributes);
    }

    public static BaseUrl of(String url) {
        return new BaseUrl(url, List.of());
    }
}
