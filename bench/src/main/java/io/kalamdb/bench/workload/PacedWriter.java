package io.kalamdb.bench.workload;

import io.kalamdb.bench.sut.MessageRow;
import io.kalamdb.bench.sut.RowClient;
import io.kalamdb.bench.sut.SystemUnderTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer of the notification workloads: one connection inserting single rows of one user at a fixed rate, ids
 * 1, 2, 3, …, each row stamped with {@link System#nanoTime()} just before its INSERT is sent. Inserts are scheduled
 * at {@code start + k / rate}; one that falls behind is sent at once (one statement in flight).
 */
final class PacedWriter {
    /** The room every written row is in; subscriptions filter on it. */
    static final String ROOM = "live";

    /**
     * What was written.
     *
     * @param firstMeasured the first id stamped in the measured window (0 if none)
     * @param lastMeasured  the last id stamped in the measured window (−1 if none)
     * @param total         ids written, {@code 1 … total}
     */
    record Written(long firstMeasured, long lastMeasured, long total) {
        /** @return rows stamped in the measured window */
        long measured() {
            return lastMeasured - firstMeasured + 1;
        }
    }

    private PacedWriter() {
    }

    /**
     * Writes until the window closes.
     *
     * @param sut       the system
     * @param table     the table
     * @param user      the acting user
     * @param corpus    the rows' body text
     * @param perSecond inserts per second
     * @param clock     the window
     * @return the ids written
     * @throws IllegalStateException if an INSERT fails
     */
    static Written write(SystemUnderTest sut, String table, String user, RowCorpus corpus, int perSecond,
                         Window.Clock clock) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long first = 0;
        long last = -1;
        long id = 0;
        try (RowClient db = sut.connect()) {
            long start = System.nanoTime();
            for (long due = start; clock.open(due); due += interval) {
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                long stamp = System.nanoTime();
                if (!clock.open(stamp)) {
                    break;
                }
                db.insert(table, user, List.of(new MessageRow(++id, ROOM, corpus.text(id), stamp)));
                if (clock.measured(stamp)) {
                    first = first == 0 ? id : first;
                    last = id;
                }
            }
        }
        return new Written(first, last, id);
    }
}
