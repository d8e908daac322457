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
    /**
     * The "day" of a campaign's lifetime pool: far in the future, so that pruning by age never
     * removes it.
     */
    public static final LocalDate LIFETIME = LocalDate.of(9999, 12, 31);

    /** The pool of a campaign's lifetime budget: leased like a day, never expires. */
    public static BudgetKey lifetime(String campaignId) {
        return new BudgetKey(campaignId, LIFETIME);
    }

    public boolean isLifetime() {
        return LIFETIME.equals(day);
    }

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
