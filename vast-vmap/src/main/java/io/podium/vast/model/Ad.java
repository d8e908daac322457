package io.podium.vast.model;

import java.util.Objects;

/**
 * One {@code Ad}: an inline ad or a wrapper pointing at another document.
 *
 * @param sequence the position in a pod ("1", "2", ...), null for a stand-alone ad
 */
public record Ad(String id, String sequence, String conditionalAd, String adType, AdContent content) {
    public Ad {
        Objects.requireNonNull(content, "content");
    }

    public boolean isWrapper() {
        return content instanceof Wrapper;
    }

    /** The sequence as a number, or 0 when absent or not a positive integer. */
    public int sequenceNumber() {
        if (sequence == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(sequence.trim());
            return Math.max(n, 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
