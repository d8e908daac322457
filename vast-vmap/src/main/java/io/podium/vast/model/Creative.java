package io.podium.vast.model;

import java.util.List;

/**
 * One creative of an ad: at most one of {@code linear}, {@code nonLinearAds} and
 * {@code companionAds} in an inline ad (VAST 4.3 §3.6); a wrapper's creatives carry only
 * tracking.
 */
public record Creative(String id, String adId, String sequence, String apiFramework,
                       CompanionAds companionAds, List<RawXml> creativeExtensions, Linear linear,
                       NonLinearAds nonLinearAds, List<UniversalAdId> universalAdIds) {
    public Creative {
        creativeExtensions = List.copyOf(creativeExtensions);
        universalAdIds = List.copyOf(universalAdIds);
    }
}
