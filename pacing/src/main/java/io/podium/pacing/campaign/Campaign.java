package io.podium.pacing.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An advertiser's campaign: what it buys, at most how much per thousand impressions, and how
 * its daily budget is spread over the day. Money in micros of {@code currency}.
 *
 * @param lifetimeBudgetMicros 0 when the campaign has no lifetime cap
 * @param end null when the flight has no end
 * @param frequencyCap null when there is none
 * @param version increases with every change; nodes keep the highest they have seen
 */
public record Campaign(String id, String advertiserId, String name, Status status, long dailyBudgetMicros,
                       long lifetimeBudgetMicros, String currency, long maxCpmMicros, Instant start, Instant end,
                       ZoneId timeZone, PacingMode pacing, Targeting targeting, List<Creative> creatives,
                       FrequencyCap frequencyCap, long version, Instant updatedAt) {

    public enum Status { ACTIVE, PAUSED }

    public enum PacingMode { EVEN, SHAPED, ASAP }

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(advertiserId, "advertiserId");
        creatives = List.copyOf(creatives);
    }

    /** Whether it may spend at {@code t}: active and inside its flight. */
    public boolean liveAt(Instant t) {
        return status == Status.ACTIVE && !t.isBefore(start) && (end == null || t.isBefore(end));
    }

    public Campaign withStatus(Status newStatus, long newVersion, Instant at) {
        return new Campaign(id, advertiserId, name, newStatus, dailyBudgetMicros, lifetimeBudgetMicros, currency,
                maxCpmMicros, start, end, timeZone, pacing, targeting, creatives, frequencyCap, newVersion, at);
    }

    /**
     * What the campaign buys. An empty list means "any". Device types are AdCOM device type
     * codes; media types are banner, video, audio, native.
     */
    public record Targeting(List<String> siteDomains, List<String> appBundles, List<String> publisherIds,
                            List<String> countries, List<Integer> deviceTypes, List<String> mediaTypes,
                            List<String> contentGenres) {
        public Targeting {
            siteDomains = List.copyOf(siteDomains);
            appBundles = List.copyOf(appBundles);
            publisherIds = List.copyOf(publisherIds);
            countries = List.copyOf(countries);
            deviceTypes = List.copyOf(deviceTypes);
            mediaTypes = List.copyOf(mediaTypes);
            contentGenres = List.copyOf(contentGenres);
        }

        public static Targeting any() {
            return new Targeting(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /**
     * One ad: a banner (markup with size) or a video (VAST with its duration in seconds).
     *
     * @param adomain the advertiser's domains, for {@code badv} and competitive separation
     * @param categories IAB content categories of the ad, for {@code bcat}
     */
    public record Creative(String id, Type type, String markup, int width, int height, int durationSeconds,
                           List<String> adomain, List<String> categories) {
        public enum Type { BANNER, VIDEO }

        public Creative {
            adomain = List.copyOf(adomain);
            categories = List.copyOf(categories);
        }
    }

    /** At most {@code impressions} per user in any {@code periodSeconds}. */
    public record FrequencyCap(int impressions, long periodSeconds) {
    }
}
