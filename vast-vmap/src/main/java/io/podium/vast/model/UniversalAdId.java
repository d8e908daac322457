package io.podium.vast.model;

/**
 * The creative's identifier in a registry. VAST 4.0 writes the id in the {@code idValue}
 * attribute, 4.1 and later as the element's text ({@code value}).
 */
public record UniversalAdId(String idRegistry, String idValue, String value) {
    /** The identifier, wherever the version put it. */
    public String id() {
        return value != null && !value.isBlank() ? value : idValue;
    }
}
