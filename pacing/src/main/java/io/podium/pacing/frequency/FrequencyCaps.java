package io.podium.pacing.frequency;

import io.podium.pacing.campaign.Campaign;
import io.podium.pacing.campaign.Campaign.FrequencyCap;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frequency caps on this node: at most {@code impressions} bids per user and campaign in any
 * {@code period_seconds}. A bid takes a slot when it is made ({@link #tryAcquire}) and gives
 * it back if it loses ({@link #release}), so concurrent auctions for one user cannot overshoot.
 *
 * <p>Per node: a user whose requests reach several nodes can be shown up to the cap on each.
 * A campaign with a cap does not bid for a request without a user identity, and does not bid
 * for new users once {@code maxEntries} (user, campaign) pairs are tracked and none has expired:
 * the cap is never exceeded to save memory.
 */
public final class FrequencyCaps {
    private static final Logger LOG = LoggerFactory.getLogger(FrequencyCaps.class);
    private static final long EMPTY = Long.MIN_VALUE;

    /** The slots of one (campaign, user): the times of its most recent bids, EMPTY if free. */
    private static final class Slots {
        final long[] times;
        final long periodMillis;

        Slots(FrequencyCap cap) {
            times = new long[cap.impressions()];
            Arrays.fill(times, EMPTY);
            periodMillis = cap.periodSeconds() * 1000;
        }

        boolean fits(FrequencyCap cap) {
            return times.length == cap.impressions() && periodMillis == cap.periodSeconds() * 1000;
        }

        /** Takes the first slot that is free or has aged out; false if none. */
        boolean take(long now) {
            for (int i = 0; i < times.length; i++) {
                if (times[i] == EMPTY || times[i] <= now - periodMillis) {
                    times[i] = now;
                    return true;
                }
            }
            return false;
        }

        /** Frees the most recent slot (the bid that just lost). */
        void releaseNewest() {
            int newest = -1;
            for (int i = 0; i < times.length; i++) {
                if (times[i] != EMPTY && (newest < 0 || times[i] > times[newest])) {
                    newest = i;
                }
            }
            if (newest >= 0) {
                times[newest] = EMPTY;
            }
        }

        boolean expired(long now) {
            for (long t : times) {
                if (t != EMPTY && t > now - periodMillis) {
                    return false;
                }
            }
            return true;
        }
    }

    private final int maxEntries;
    private final ConcurrentMap<String, Slots> slots = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedFull = new AtomicBoolean();

    public FrequencyCaps(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    private static String key(Campaign c, String user) {
        return c.id() + '\u0000' + user;
    }

    /**
     * Auction path: may the campaign bid for this user now? If so the bid takes a slot.
     *
     * @param user the request's user identity, null when it has none
     */
    public boolean tryAcquire(Campaign c, String user, Instant now) {
        FrequencyCap cap = c.frequencyCap();
        if (cap == null) {
            return true;
        }
        if (user == null || user.isEmpty()) {
            return false;
        }
        String k = key(c, user);
        long t = now.toEpochMilli();
        if (!slots.containsKey(k) && slots.size() >= maxEntries && sweep(now) == 0 && slots.size() >= maxEntries) {
            if (warnedFull.compareAndSet(false, true)) {
                LOG.warn("frequency caps track {} (campaign, user) pairs, the configured maximum: capped campaigns"
                        + " skip new users until entries expire", maxEntries);
            }
            return false;
        }
        boolean[] taken = new boolean[1];
        slots.compute(k, (key, s) -> {
            Slots current = s == null || !s.fits(cap) ? new Slots(cap) : s;
            taken[0] = current.take(t);
            return current;
        });
        return taken[0];
    }

    /** The bid did not win: its slot is free again. */
    public void release(Campaign c, String user) {
        if (c.frequencyCap() == null || user == null || user.isEmpty()) {
            return;
        }
        slots.computeIfPresent(key(c, user), (key, s) -> {
            s.releaseNewest();
            return s;
        });
    }

    /** Forgets pairs whose every slot has aged out; returns how many. */
    public int sweep(Instant now) {
        long t = now.toEpochMilli();
        int removed = 0;
        for (String k : slots.keySet()) {
            boolean[] gone = new boolean[1];
            slots.computeIfPresent(k, (key, s) -> {
                gone[0] = s.expired(t);
                return gone[0] ? null : s; // atomic with tryAcquire on the same key
            });
            removed += gone[0] ? 1 : 0;
        }
        if (removed > 0) {
            warnedFull.set(false);
        }
        return removed;
    }

    /** How many (campaign, user) pairs are tracked. */
    public int size() {
        return slots.size();
    }
}
