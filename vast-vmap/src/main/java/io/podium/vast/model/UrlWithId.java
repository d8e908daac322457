package io.podium.vast.model;

/** A URL element with an optional {@code id} attribute (click tracking, custom clicks). */
public record UrlWithId(String id, String url) {
}
