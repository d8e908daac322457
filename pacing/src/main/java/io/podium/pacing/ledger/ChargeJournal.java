package io.podium.pacing.ledger;

import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.Charge;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * Charges this node has accepted and not yet written to the shared store, in a Chronicle Map
 * file: a process killed with {@code kill -9}, or a store that is down, loses none of them.
 * Entries leave the journal only once the store has recorded them; the store's idempotent
 * charge ids make a replay after a crash harmless.
 */
public final class ChargeJournal implements AutoCloseable {
    /**
     * A journaled charge; {@code paidLocally} when this node took its amount from its own
     * bucket, {@code paidFromLifetime} when it also took it from the campaign's lifetime bucket.
     */
    public record Entry(Charge charge, boolean paidLocally, boolean paidFromLifetime) {
    }

    private final ChronicleMap<String, String> entries;

    public ChargeJournal(Path dir, long capacity) {
        try {
            Files.createDirectories(dir);
            File f = dir.resolve("charge-journal.cm3").toFile();
            ChronicleMapBuilder<String, String> b = ChronicleMap.of(String.class, String.class).name("podium-journal")
                    .entries(capacity).averageKey("auction-0123456789abcdef:imp-1:bid-0123456789")
                    .averageValue("2026-11-22|campaign-0000000000|123456789|1");
            entries = io.podium.pacing.store.ChronicleFiles.open(b, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the charge journal in " + dir, e);
        }
    }

    /** @return false if this charge id is already in the journal */
    public boolean append(Charge charge, boolean paidLocally) {
        return append(charge, paidLocally, false);
    }

    /** As above; {@code paidFromLifetime} marks a local payment also taken from the lifetime bucket. */
    public boolean append(Charge charge, boolean paidLocally, boolean paidFromLifetime) {
        String v = charge.key().day() + "|" + charge.key().campaignId() + "|" + charge.amountMicros() + "|"
                + (paidLocally ? (paidFromLifetime ? 2 : 1) : 0) + "|" + charge.minute();
        return entries.putIfAbsent(charge.id(), v) == null;
    }

    /** Everything not yet written to the store, at most {@code max} entries. */
    public List<Entry> pending(int max) {
        List<Entry> out = new ArrayList<>();
        for (var e : entries.entrySet()) {
            if (out.size() >= max) {
                break;
            }
            String[] p = e.getValue().split("\\|");
            int minute = p.length > 4 ? Integer.parseInt(p[4]) : -1;
            out.add(new Entry(new Charge(e.getKey(), new BudgetKey(p[1], LocalDate.parse(p[0])), Long.parseLong(p[2]),
                    minute), !"0".equals(p[3]), "2".equals(p[3])));
        }
        return out;
    }

    /** Forgets charges the store has recorded. */
    public void remove(Collection<String> chargeIds) {
        for (String id : chargeIds) {
            entries.remove(id);
        }
    }

    public boolean contains(String chargeId) {
        return entries.containsKey(chargeId);
    }

    public long size() {
        return entries.longSize();
    }

    @Override
    public void close() {
        entries.close();
    }
}
