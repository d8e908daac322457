package io.podium.vast.model;

/** An interactive layer for a linear creative (SIMID and the like, VAST 4.x). */
public record InteractiveCreativeFile(String type, String apiFramework, String variableDuration, String url) {
}
