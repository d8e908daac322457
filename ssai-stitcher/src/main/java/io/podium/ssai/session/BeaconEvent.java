package io.podium.ssai.session;

/** The moments of an ad Podium reports server-side, from the segment requests it sees. */
public enum BeaconEvent {
    /** the ad's first segment: impression URLs (Podium's billing notice among them) and {@code start} */
    IMPRESSION, START, FIRST_QUARTILE, MIDPOINT, THIRD_QUARTILE, COMPLETE;

    /** The VAST tracking event name, or "impression". */
    public String vastName() {
        return switch (this) {
            case IMPRESSION -> "impression";
            case START -> "start";
            case FIRST_QUARTILE -> "firstQuartile";
            case MIDPOINT -> "midpoint";
            case THIRD_QUARTILE -> "thirdQuartile";
            case COMPLETE -> "complete";
        };
    }
}
