package io.podium.exchange.pod;

import java.util.List;
import java.util.Objects;

/**
 * One bid that may fill a slot of an ad pod, already screened on its own (price over its floor,
 * duration allowed).
 *
 * @param id the bid's id, for the caller
 * @param priceMicros what the bid pays for its slot (CPM micros)
 * @param durationSeconds the ad's duration
 * @param slot which positions the bid accepts (AdCOM "Slot Position in Pod")
 * @param dedupeKeys what the pod's {@code poddedupe} settings compare, e.g. {@code "adomain:x.com"},
 *     {@code "cat:IAB2"}: two bids sharing a key never run in the same pod
 */
public record PodCandidate(String id, long priceMicros, int durationSeconds, SlotPosition slot, List<String> dedupeKeys) {
    public PodCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slot, "slot");
        dedupeKeys = List.copyOf(dedupeKeys);
        if (priceMicros < 0 || durationSeconds <= 0) {
            throw new IllegalArgumentException("price must be >= 0 and duration > 0: " + id);
        }
    }

    /** AdCOM 1.0 List: Slot Position in Pod. */
    public enum SlotPosition {
        ANY(0), FIRST(1), LAST(-1), FIRST_OR_LAST(2);

        private final int code;

        SlotPosition(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The position for an OpenRTB {@code slotinpod} value; unknown values mean any. */
        public static SlotPosition of(int code) {
            for (SlotPosition p : values()) {
                if (p.code == code) {
                    return p;
                }
            }
            return ANY;
        }
    }
}
