package io.podium.vast.wrapper;

import io.podium.vast.model.Ad;
import java.util.List;

/**
 * What wrapper resolution gave: inline ads only, each carrying the tracking of every wrapper
 * it came through, and the chains that failed.
 */
public record Resolution(List<Ad> ads, List<WrapperFailure> failures) {
    public Resolution {
        ads = List.copyOf(ads);
        failures = List.copyOf(failures);
    }
}
