package io.podium.vast.model;

/** The ad server that returned the ad, and its version. */
public record AdSystem(String name, String version) {
}
