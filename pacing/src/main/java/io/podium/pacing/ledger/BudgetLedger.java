package io.podium.pacing.ledger;

import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.BudgetStore;
import io.podium.pacing.store.BudgetStoreUnavailableException;
import io.podium.pacing.store.Charge;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's side of the budget: its local buckets, the reservations of its bids, and its
 * charge journal. The auction path ({@link #reserve}, {@link #cancel}) never leaves memory;
 * notices ({@link #settle}) touch only the local journal; the shared store is used by the
 * background work ({@link #flush}, {@link #reconcileExpired}) and by the lease manager.
 *
 * <p>Invariant: every micro charged was first leased from the store, and is counted once.
 * A bid holds its maximum price in a reservation; the billing notice turns it into a charge
 * and gives back the difference. A notice for another node's bid is journaled only (that node
 * reconciles its reservation with the store when it expires). A notice that arrives after the
 * reservation could have expired is paid from this node's own bucket, or not charged at all
 * when the bucket cannot cover it: never charged without budget behind it.
 *
 * <p>A campaign with a lifetime budget has a second pool, {@link BudgetKey#lifetime}, leased
 * like a day: every reservation and every late payment is held from both buckets, so a charge
 * is always backed by both its day's and its lifetime's budget. Lifetime micros that are
 * charged are consumed; the rest goes back to the lifetime bucket exactly like a day's.
 */
public final class BudgetLedger {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetLedger.class);

    private final BudgetStore store;
    private final ChargeJournal journal;
    private final Clock clock;
    private final long reservationTtlMillis;
    private final Map<BudgetKey, LocalBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

    /**
     * @param reservationTtlMillis how long a won bid's reservation waits for its billing notice
     */
    public BudgetLedger(BudgetStore store, ChargeJournal journal, Clock clock, long reservationTtlMillis) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.reservationTtlMillis = reservationTtlMillis;
    }

    public LocalBucket bucket(BudgetKey key) {
        return buckets.computeIfAbsent(key, k -> new LocalBucket());
    }

    /** Auction path: holds {@code maxMicros} for a bid. False when the local bucket cannot cover it. */
    public boolean reserve(BudgetKey key, String chargeId, long maxMicros) {
        return reserve(key, null, chargeId, maxMicros);
    }

    /**
     * Auction path: holds {@code maxMicros} for a bid from the day's bucket and, when
     * {@code lifetimeKey} is not null, from the lifetime bucket too. False when either cannot
     * cover it.
     */
    public boolean reserve(BudgetKey key, BudgetKey lifetimeKey, String chargeId, long maxMicros) {
        if (!take(key, lifetimeKey, maxMicros)) {
            return false;
        }
        Reservation previous = reservations.putIfAbsent(chargeId,
                new Reservation(chargeId, key, maxMicros, clock.millis() + reservationTtlMillis, lifetimeKey));
        if (previous != null) {
            release(key, lifetimeKey, maxMicros);
            return false;
        }
        return true;
    }

    private boolean take(BudgetKey key, BudgetKey lifetimeKey, long micros) {
        if (!bucket(key).tryTake(micros)) {
            return false;
        }
        if (lifetimeKey != null && !bucket(lifetimeKey).tryTake(micros)) {
            bucket(key).put(micros);
            return false;
        }
        return true;
    }

    private void release(BudgetKey key, BudgetKey lifetimeKey, long micros) {
        bucket(key).put(micros);
        if (lifetimeKey != null) {
            bucket(lifetimeKey).put(micros);
        }
    }

    /** Auction path: the bid did not win; its reservation goes back to the bucket. */
    public void cancel(String chargeId) {
        Reservation r = reservations.remove(chargeId);
        if (r != null) {
            release(r.key(), r.lifetimeKey(), r.reservedMicros());
        }
    }

    /** What a billing notice did to the budget. */
    public enum Settlement {
        /** Charged against this node's reservation; the difference went back to the bucket. */
        CHARGED_RESERVATION,
        /** Journaled for another node's reservation, which reconciles it. */
        CHARGED_REMOTE,
        /** Late: paid from this node's bucket. */
        CHARGED_FROM_BUCKET,
        /** Already journaled here: nothing done. */
        DUPLICATE,
        /** Late and no budget left to cover it: not charged (no overspend). */
        REFUSED_NO_BUDGET
    }

    /**
     * A billing notice: the bid is charged its clearing price, once.
     *
     * @param issuedAtMillis when the auction ran (from the signed notice)
     */
    public Settlement settle(BudgetKey key, String chargeId, long clearingMicros, long issuedAtMillis) {
        return settle(key, chargeId, clearingMicros, issuedAtMillis, -1);
    }

    /** As above, recording the minute of the campaign's local day the impression was billed in. */
    public Settlement settle(BudgetKey key, String chargeId, long clearingMicros, long issuedAtMillis, int minute) {
        return settle(key, null, chargeId, clearingMicros, issuedAtMillis, minute);
    }

    /**
     * As above for a campaign with a lifetime budget: a late notice paid from this node's
     * buckets is paid from the lifetime bucket too.
     */
    public Settlement settle(BudgetKey key, BudgetKey lifetimeKey, String chargeId, long clearingMicros,
                             long issuedAtMillis, int minute) {
        Charge charge = new Charge(chargeId, key, clearingMicros, minute);
        Reservation own = reservations.remove(chargeId);
        if (own != null) {
            if (!journal.append(charge, false)) {
                release(own.key(), own.lifetimeKey(), own.reservedMicros());
                return Settlement.DUPLICATE;
            }
            release(own.key(), own.lifetimeKey(), Math.max(0, own.reservedMicros() - clearingMicros));
            return Settlement.CHARGED_RESERVATION;
        }
        if (journal.contains(chargeId)) {
            return Settlement.DUPLICATE;
        }
        boolean late = clock.millis() - issuedAtMillis >= reservationTtlMillis / 2;
        if (!late) {
            return journal.append(charge, false) ? Settlement.CHARGED_REMOTE : Settlement.DUPLICATE;
        }
        if (!take(key, lifetimeKey, clearingMicros)) {
            LOG.warn("billing notice {} for {} arrived late and the campaign has no budget left: not charged", chargeId, key);
            return Settlement.REFUSED_NO_BUDGET;
        }
        if (!journal.append(charge, true, lifetimeKey != null)) {
            release(key, lifetimeKey, clearingMicros);
            return Settlement.DUPLICATE;
        }
        return Settlement.CHARGED_FROM_BUCKET;
    }

    /**
     * Writes journaled charges to the store in one batch. Charges the store already had (a
     * replay) that this node paid from its bucket are refunded to the bucket.
     *
     * @return how many entries left the journal; 0 when the store is unreachable (kept for later)
     */
    public int flush(int maxBatch) {
        List<ChargeJournal.Entry> pending = journal.pending(maxBatch);
        if (pending.isEmpty()) {
            return 0;
        }
        List<Charge> charges = new ArrayList<>(pending.size());
        for (ChargeJournal.Entry e : pending) {
            charges.add(e.charge());
        }
        Set<String> fresh;
        try {
            fresh = store.charge(charges);
        } catch (BudgetStoreUnavailableException e) {
            LOG.debug("charge flush postponed: {}", e.getMessage());
            return 0;
        }
        List<String> done = new ArrayList<>(pending.size());
        for (ChargeJournal.Entry e : pending) {
            if (e.paidLocally() && !fresh.contains(e.charge().id())) {
                Charge c = e.charge();
                release(c.key(), e.paidFromLifetime() ? BudgetKey.lifetime(c.key().campaignId()) : null, c.amountMicros());
            }
            done.add(e.charge().id());
        }
        journal.remove(done);
        return done.size();
    }

    /**
     * Reservations past their time: those the store shows charged (by a notice on another
     * node) give back only the difference, the others everything. Kept when the store cannot
     * be asked (fail closed).
     *
     * @return how many reservations were reconciled
     */
    public int reconcileExpired() {
        long now = clock.millis();
        Map<BudgetKey, List<Reservation>> expired = new HashMap<>();
        for (Reservation r : reservations.values()) {
            if (r.expiresAtMillis() <= now) {
                expired.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        int n = 0;
        for (Map.Entry<BudgetKey, List<Reservation>> e : expired.entrySet()) {
            List<String> ids = new ArrayList<>();
            for (Reservation r : e.getValue()) {
                ids.add(r.chargeId());
            }
            Map<String, Long> charged;
            try {
                charged = store.charged(e.getKey(), ids);
            } catch (BudgetStoreUnavailableException ex) {
                continue;
            }
            for (Reservation r : e.getValue()) {
                if (reservations.remove(r.chargeId(), r)) {
                    Long amount = charged.get(r.chargeId());
                    release(r.key(), r.lifetimeKey(),
                            amount == null ? r.reservedMicros() : Math.max(0, r.reservedMicros() - amount));
                    n++;
                }
            }
        }
        return n;
    }

    /** Micros held by open reservations of one campaign-day (for reports and tests). */
    public long reserved(BudgetKey key) {
        long sum = 0;
        for (Reservation r : reservations.values()) {
            if (r.key().equals(key)) {
                sum += r.reservedMicros();
            }
        }
        return sum;
    }

    public Clock clock() {
        return clock;
    }

    public BudgetStore store() {
        return store;
    }
}
