package io.podium.vast.model;

import java.util.List;

/** One companion banner. Attributes as written. */
public record Companion(String id, String width, String height, String assetWidth, String assetHeight,
                        String expandedWidth, String expandedHeight, String apiFramework, String adSlotId,
                        String pxratio, String renderingMode, List<StaticLikeResource> resources,
                        AdParameters adParameters, String altText, String clickThrough,
                        List<UrlWithId> clickTrackings, List<RawXml> creativeExtensions,
                        List<Tracking> trackingEvents) {
    public Companion {
        resources = List.copyOf(resources);
        clickTrackings = List.copyOf(clickTrackings);
        creativeExtensions = List.copyOf(creativeExtensions);
        trackingEvents = List.copyOf(trackingEvents);
    }
}
