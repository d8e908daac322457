package io.podium.vast.vmap;

import java.util.Objects;

/**
 * A {@code vmap:Tracking}: a URL the player calls when a break-level event happens.
 *
 * @param event the event
 * @param url the URL, without surrounding whitespace; not empty
 */
public record TrackingEvent(Event event, String url) {
    public TrackingEvent {
        Objects.requireNonNull(event, "event");
        url = url.strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("a Tracking needs a URL");
        }
    }

    /** The break-level events VMAP tracks. */
    public enum Event {
        BREAK_START("breakStart"),
        BREAK_END("breakEnd"),
        ERROR("error");

        private final String value;

        Event(String value) {
            this.value = value;
        }

        /** The name in VMAP. */
        public String value() {
            return value;
        }

        /** The event of a name in VMAP (case-insensitive), or null if it names none. */
        public static Event of(String value) {
            for (Event e : values()) {
                if (e.value.equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            return null;
        }
    }
}
