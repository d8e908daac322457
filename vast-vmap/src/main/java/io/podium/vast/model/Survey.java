package io.podium.vast.model;

/** A survey URL and its MIME type. */
public record Survey(String type, String url) {
}
