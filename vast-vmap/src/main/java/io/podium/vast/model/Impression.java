package io.podium.vast.model;

/** An impression tracking URL. */
public record Impression(String id, String url) {
}
