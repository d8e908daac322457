package io.podium.vast.model;

import java.util.List;

/** URLs called when the ad is found viewable, not viewable, or undetermined. */
public record ViewableImpression(String id, List<String> viewable, List<String> notViewable,
                                 List<String> viewUndetermined) {
    public ViewableImpression {
        viewable = List.copyOf(viewable);
        notViewable = List.copyOf(notViewable);
        viewUndetermined = List.copyOf(viewUndetermined);
    }
}
