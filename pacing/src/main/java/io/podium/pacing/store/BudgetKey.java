package io.podium.pacing.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One campaign's budget for one day, the day taken in the campaign's own time zone.
 *
 * @param campaignId the campaign
 * @param day its local date
 */
public record BudgetKey(String campaignId, LocalDate day) {
    public BudgetKey {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(day, "day");
        if (campaignId.isEmpty() || campaignId.indexOf('{') >= 0 || campaignId.indexOf('}') >= 0
                || campaignId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("campaign id must be non-empty without '{', '}' or ':': " + campaignId);
        }
    }

    @Override
    public String toString() {
        return campaignId + "@" + day;
    }
}
