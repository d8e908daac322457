package io.podium.vast.model;

/**
 * The price the ad was sold at, as written: {@code model} (CPM, CPC, CPE, CPV), ISO 4217
 * {@code currency}, decimal {@code value}.
 */
public record Pricing(String model, String currency, String value) {
}
