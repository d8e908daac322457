package io.podium.vast.model;

import java.util.List;

/**
 * An ad that points at another VAST document ({@code vastAdTagUri}) and adds its own tracking.
 * The three flags are kept as written ("true"/"false"/null); see the {@code ...OrDefault()}
 * methods for their meaning when absent (VAST 4.3 §3.4.1).
 */
public record Wrapper(String followAdditionalWrappers, String allowMultipleAds, String fallbackOnNoAd,
                      AdSystem adSystem, List<String> errors, List<RawXml> extensions, List<Impression> impressions,
                      Pricing pricing, ViewableImpression viewableImpression, List<Verification> adVerifications,
                      List<Category> blockedAdCategories, List<Creative> creatives, String vastAdTagUri)
        implements AdContent {
    public Wrapper {
        errors = List.copyOf(errors);
        extensions = List.copyOf(extensions);
        impressions = List.copyOf(impressions);
        adVerifications = List.copyOf(adVerifications);
        blockedAdCategories = List.copyOf(blockedAdCategories);
        creatives = List.copyOf(creatives);
    }

    public boolean followAdditionalWrappersOrDefault() {
        return !"false".equalsIgnoreCase(trim(followAdditionalWrappers));
    }

    public boolean allowMultipleAdsOrDefault() {
        return "true".equalsIgnoreCase(trim(allowMultipleAds));
    }

    public boolean fallbackOnNoAdOrDefault() {
        return "true".equalsIgnoreCase(trim(fallbackOnNoAd));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
