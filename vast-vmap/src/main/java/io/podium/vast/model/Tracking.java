package io.podium.vast.model;

/**
 * A tracking URL for a player event.
 *
 * @param offset for {@code progress}: HH:MM:SS(.mmm) or n%; null otherwise
 */
public record Tracking(String event, String offset, String url) {
}
