package io.podium.vast.model;

/** The advertiser's name (VAST 4.x), with its optional id. */
public record Advertiser(String id, String name) {
}
