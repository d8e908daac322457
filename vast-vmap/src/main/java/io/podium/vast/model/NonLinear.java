package io.podium.vast.model;

import java.util.List;

/** One overlay creative. Attributes as written. */
public record NonLinear(String id, String width, String height, String expandedWidth, String expandedHeight,
                        String scalable, String maintainAspectRatio, String minSuggestedDuration,
                        String apiFramework, List<StaticLikeResource> resources, AdParameters adParameters,
                        String clickThrough, List<UrlWithId> clickTrackings) {
    public NonLinear {
        resources = List.copyOf(resources);
        clickTrackings = List.copyOf(clickTrackings);
    }
}
