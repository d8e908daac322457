package io.podium.vast.model;

/**
 * The content of a companion, non-linear or icon creative: {@code kind} is one of
 * {@code HTMLResource}, {@code IFrameResource}, {@code StaticResource};
 * {@code creativeType} (a MIME type) is set for static resources.
 */
public record StaticLikeResource(String kind, String creativeType, String value) {
}
