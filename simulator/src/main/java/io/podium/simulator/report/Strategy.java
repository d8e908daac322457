package io.podium.simulator.report;

/**
 * The three ways a simulated day is paced. {@link #key()} is the name used in the JSON files:
 * the array name under {@code series.json campaigns.<id>} and, for the baselines, the key under
 * {@code summary.json baselines}.
 */
public enum Strategy {
    PODIUM("podium", "Podium"),
    NO_PACING("no_pacing", "No pacing"),
    THROTTLING("throttling", "Throttling");

    private final String key;
    private final String label;

    Strategy(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** Human name, used in chart legends and HTML headings. */
    public String label() {
        return label;
    }
}
