package io.podium.vast.model;

import java.util.List;

/** Where a click on a linear creative goes, and who is told. */
public record VideoClicks(List<UrlWithId> clickTrackings, UrlWithId clickThrough, List<UrlWithId> customClicks) {
    public VideoClicks {
        clickTrackings = List.copyOf(clickTrackings);
        customClicks = List.copyOf(customClicks);
    }
}
