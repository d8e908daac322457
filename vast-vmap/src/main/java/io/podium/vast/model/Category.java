package io.podium.vast.model;

/** A content category code and the taxonomy it comes from ({@code authority} URL). */
public record Category(String authority, String code) {
}
