package io.kalamdb.bench.workload;

import java.util.BitSet;

/**
 * Which row ids one subscription has received, to count lost and duplicated notifications: an id received twice is a
 * duplicate; an id the writer committed that never arrived is lost. Ids are the writer's sequence, 1, 2, 3, …
 * Thread-safe.
 */
final class DeliveryLedger {
    private final BitSet seen = new BitSet();
    private long received;
    private long duplicates;

    /**
     * Records one notification of a row.
     *
     * @param id the row's id, at least 1
     * @return true the first time the id arrives, false for a duplicate
     * @throws IllegalArgumentException if the id is out of the writer's range
     */
    synchronized boolean record(long id) {
        if (id < 1 || id > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("row id out of range: " + id);
        }
        received++;
        if (seen.get((int) id)) {
            duplicates++;
            return false;
        }
        seen.set((int) id);
        return true;
    }

    /** @return how many of the ids {@code from … to} (inclusive) arrived at least once */
    synchronized long distinct(long from, long to) {
        return to < from ? 0 : seen.get((int) from, (int) to + 1).cardinality();
    }

    /** @return how many of the ids {@code from … to} (inclusive) never arrived */
    synchronized long missing(long from, long to) {
        return to < from ? 0 : (to - from + 1) - distinct(from, to);
    }

    /** @return notifications received, duplicates included */
    synchronized long received() {
        return received;
    }

    /** @return notifications of an id already received */
    synchronized long duplicates() {
        return duplicates;
    }
}
