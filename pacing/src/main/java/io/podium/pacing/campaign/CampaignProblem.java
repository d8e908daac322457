package io.podium.pacing.campaign;

/** A field of a campaign document that breaks a rule: {@code field} is a JSON path, {@code rule} says what is wrong. */
public record CampaignProblem(String field, String rule) {
    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
