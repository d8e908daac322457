package io.podium.vast.model;

import java.util.List;

/** An ad with its media: what a player plays. */
public record InLine(AdSystem adSystem, List<String> errors, List<RawXml> extensions, List<Impression> impressions,
                     Pricing pricing, ViewableImpression viewableImpression, String adServingId, String adTitle,
                     List<Verification> adVerifications, Advertiser advertiser, List<Category> categories,
                     List<Creative> creatives, String description, String expires, Survey survey)
        implements AdContent {
    public InLine {
        errors = List.copyOf(errors);
        extensions = List.copyOf(extensions);
        impressions = List.copyOf(impressions);
        adVerifications = List.copyOf(adVerifications);
        categories = List.copyOf(categories);
        creatives = List.copyOf(creatives);
    }
}
