package io.podium.vast.model;

/** A caption file for a linear creative (VAST 4.1+). */
public record ClosedCaptionFile(String type, String language, String url) {
}
