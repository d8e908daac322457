package io.podium.pacing.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.pacing.ledger.BudgetLedger.Settlement;
import io.podium.pacing.store.BudgetKey;
import io.podium.pacing.store.ChronicleBudgetStore;
import io.podium.pacing.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetLedgerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final BudgetKey C1 = new BudgetKey("c1", DAY);
    private static final long TTL = 600_000;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private ChronicleBudgetStore store;
    private ChargeJournal journalA;
    private ChargeJournal journalB;
    private BudgetLedger nodeA;
    private BudgetLedger nodeB;

    @BeforeEach
    void setUp() {
        store = new ChronicleBudgetStore(dir.resolve("store"), 10_000, DAY.minusDays(1));
        journalA = new ChargeJournal(dir.resolve("a"), 10_000);
        journalB = new ChargeJournal(dir.resolve("b"), 10_000);
        nodeA = new BudgetLedger(store, journalA, clock, TTL);
        nodeB = new BudgetLedger(store, journalB, clock, TTL);
    }

    @AfterEach
    void tearDown() {
        journalA.close();
        journalB.close();
        store.close();
    }

    @Test
    void aBidReservesFromTheBucketAndALostBidGivesItBack() {
        nodeA.bucket(C1).put(5_000);
        assertTrue(nodeA.reserve(C1, "a1:1:b1", 3_000));
        assertEquals(2_000, nodeA.bucket(C1).available());
        assertFalse(nodeA.reserve(C1, "a2:1:b1", 3_000), "the bucket cannot cover it");
        nodeA.cancel("a1:1:b1");
        assertEquals(5_000, nodeA.bucket(C1).available());
    }

    @Test
    void theBillingNoticeChargesTheClearingPriceAndReturnsTheRest() {
        nodeA.bucket(C1).put(5_000);
        nodeA.reserve(C1, "a1:1:b1", 3_000);

        assertEquals(Settlement.CHARGED_RESERVATION, nodeA.settle(C1, "a1:1:b1", 1_200, clock.millis()));

        assertEquals(3_800, nodeA.bucket(C1).available());
        assertEquals(1, nodeA.flush(100));
        assertEquals(1_200, store.spent(C1));
        assertEquals(0, journalA.size());
    }

    @Test
    void aNoticeReplayedAThousandTimesIsChargedOnce() {
        nodeA.bucket(C1).put(5_000);
        nodeA.reserve(C1, "a1:1:b1", 3_000);
        assertEquals(Settlement.CHARGED_RESERVATION, nodeA.settle(C1, "a1:1:b1", 1_200, clock.millis()));
        for (int i = 0; i < 1000; i++) {
            Settlement s = nodeA.settle(C1, "a1:1:b1", 1_200, clock.millis());
            assertTrue(s == Settlement.DUPLICATE || s == Settlement.CHARGED_REMOTE, s.name());
            if (i % 100 == 0) {
                nodeA.flush(100);
            }
            nodeB.settle(C1, "a1:1:b1", 1_200, clock.millis());
        }
        nodeA.flush(100);
        nodeB.flush(100);
        assertEquals(1_200, store.spent(C1));
        assertEquals(3_800, nodeA.bucket(C1).available());
    }

    @Test
    void aNoticeOnAnotherNodeIsReconciledByTheOwnerWhenItsReservationExpires() {
        nodeA.bucket(C1).put(5_000);
        nodeA.reserve(C1, "a1:1:b1", 3_000);

        assertEquals(Settlement.CHARGED_REMOTE, nodeB.settle(C1, "a1:1:b1", 1_000, clock.millis()));
        nodeB.flush(100);
        clock.advance(Duration.ofMillis(TTL));
        assertEquals(1, nodeA.reconcileExpired());

        assertEquals(4_000, nodeA.bucket(C1).available(), "only the unspent 2,000 comes back");
        assertEquals(1_000, store.spent(C1));
    }

    @Test
    void anUnchargedReservationComesBackWholeWhenItExpires() {
        nodeA.bucket(C1).put(5_000);
        nodeA.reserve(C1, "a1:1:b1", 3_000);
        clock.advance(Duration.ofMillis(TTL - 1));
        assertEquals(0, nodeA.reconcileExpired());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, nodeA.reconcileExpired());
        assertEquals(5_000, nodeA.bucket(C1).available());
    }

    @Test
    void aLateNoticeIsPaidFromTheBucketOrNotChargedAtAll() {
        long issued = clock.millis();
        clock.advance(Duration.ofMillis(TTL));
        nodeB.bucket(C1).put(1_500);

        assertEquals(Settlement.CHARGED_FROM_BUCKET, nodeB.settle(C1, "late:1:b", 1_000, issued));
        assertEquals(500, nodeB.bucket(C1).available());
        assertEquals(Settlement.REFUSED_NO_BUDGET, nodeB.settle(C1, "late2:1:b", 1_000, issued));
        nodeB.flush(100);
        assertEquals(1_000, store.spent(C1));
    }

    @Test
    void theJournalSurvivesARestartAndIsFlushedAfterwards() {
        nodeA.bucket(C1).put(5_000);
        nodeA.reserve(C1, "a1:1:b1", 3_000);
        nodeA.settle(C1, "a1:1:b1", 1_200, clock.millis());
        journalA.close();

        ChargeJournal reopened = new ChargeJournal(dir.resolve("a"), 10_000);
        BudgetLedger restarted = new BudgetLedger(store, reopened, clock, TTL);
        assertEquals(1, reopened.size());
        assertEquals(1, restarted.flush(100));
        assertEquals(1_200, store.spent(C1));
        journalA = reopened;
    }
}
