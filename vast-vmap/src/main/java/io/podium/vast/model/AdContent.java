package io.podium.vast.model;

import java.util.List;

/** What {@link InLine} and {@link Wrapper} have in common (VAST 4.x {@code AdDefinitionBase}). */
public sealed interface AdContent permits InLine, Wrapper {
    AdSystem adSystem();

    List<String> errors();

    List<RawXml> extensions();

    List<Impression> impressions();

    Pricing pricing();

    ViewableImpression viewableImpression();

    List<Verification> adVerifications();

    List<Creative> creatives();
}
