package io.kalamdb.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lost and duplicated notifications are counted per subscription against the writer's ids. */
class DeliveryLedgerTest {
    @Test
    void countsDuplicatesAndMissingIds() {
        DeliveryLedger ledger = new DeliveryLedger();
        for (long id : new long[] {1, 2, 3, 5, 3, 6, 6, 6}) {
            ledger.record(id);
        }

        assertEquals(8, ledger.received());
        assertEquals(3, ledger.duplicates());
        assertEquals(5, ledger.distinct(1, 6));
        assertEquals(1, ledger.missing(1, 6));
        assertEquals(3, ledger.missing(1, 8));
        assertEquals(0, ledger.missing(5, 6));
        assertEquals(1, ledger.missing(4, 4));
    }

    @Test
    void theFirstReceiptIsNewAndAnyLaterOneIsADuplicate() {
        DeliveryLedger ledger = new DeliveryLedger();

        assertTrue(ledger.record(4));
        assertFalse(ledger.record(4));
        assertTrue(ledger.record(5));
    }

    @Test
    void anEmptyRangeMissesNothing() {
        DeliveryLedger ledger = new DeliveryLedger();

        assertEquals(0, ledger.missing(0, -1));
        assertEquals(0, ledger.distinct(0, -1));
    }

    @Test
    void idsOutsideTheWritersRangeAreRefused() {
        DeliveryLedger ledger = new DeliveryLedger();

        assertThrows(IllegalArgumentException.class, () -> ledger.record(0));
        assertThrows(IllegalArgumentException.class, () -> ledger.record(1L << 40));
    }
}
