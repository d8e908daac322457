package io.podium.ssai.session;

import java.util.List;

/**
 * One break: where it goes ({@code positionMicros}: 0 pre-roll, {@link Long#MAX_VALUE}
 * post-roll, else content time) and the ads the pod auction chose, in play order.
 */
public record BreakDecision(String breakId, long positionMicros, long plannedMicros, List<AdDecision> ads) {
    public BreakDecision {
        ads = List.copyOf(ads);
    }
}
