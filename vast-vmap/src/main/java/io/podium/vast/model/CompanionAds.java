package io.podium.vast.model;

import java.util.List;

/** Companion banners shown beside the video; {@code required} is all, any or none. */
public record CompanionAds(String required, List<Companion> companions) {
    public CompanionAds {
        companions = List.copyOf(companions);
    }
}
