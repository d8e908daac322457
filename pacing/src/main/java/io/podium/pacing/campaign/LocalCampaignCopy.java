package io.podium.pacing.campaign;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The in-memory copy every repository keeps, with version checks and listeners. Thread-safe. */
final class LocalCampaignCopy {
    private final Map<String, Campaign> byId = new ConcurrentHashMap<>();
    /** Read on every auction: rebuilt on change so that reading allocates nothing. */
    private volatile List<Campaign> snapshot = List.of();
    private final List<Consumer<Campaign>> listeners = new CopyOnWriteArrayList<>();

    /** @return true if the campaign was newer than the copy and was taken */
    boolean accept(Campaign c) {
        boolean[] taken = {false};
        byId.compute(c.id(), (id, old) -> {
            if (old != null && old.version() >= c.version()) {
                return old;
            }
            taken[0] = true;
            return c;
        });
        if (taken[0]) {
            snapshot = List.copyOf(byId.values());
            for (Consumer<Campaign> l : listeners) {
                l.accept(c);
            }
        }
        return taken[0];
    }

    /** Refuses a campaign whose version is not above the one held. */
    void requireNewer(Campaign c) {
        Campaign old = byId.get(c.id());
        if (old != null && old.version() >= c.version()) {
            throw new IllegalArgumentException("version " + c.version() + " of " + c.id() + " is not newer than "
                    + old.version());
        }
    }

    Optional<Campaign> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Campaign> all() {
        return snapshot;
    }

    void onChange(Consumer<Campaign> listener) {
        listeners.add(listener);
    }
}
