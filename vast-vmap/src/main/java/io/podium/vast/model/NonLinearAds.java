package io.podium.vast.model;

import java.util.List;

/** Overlay creatives and their shared tracking. */
public record NonLinearAds(List<Tracking> trackingEvents, List<NonLinear> nonLinears) {
    public NonLinearAds {
        trackingEvents = List.copyOf(trackingEvents);
        nonLinears = List.copyOf(nonLinears);
    }
}
