package io.kalamdb.bench.workload;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.sut.MessageRow;
import io.kalamdb.bench.sut.RowClient;
import io.kalamdb.bench.sut.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * W2, point-query latency by primary key within one user: one client looks up random ids of a user's
 * {@code rows} rows, one statement in flight — first with every row in the hot tier, then (on a system with a cold
 * tier) again after the table was flushed, so every lookup reads the cold tier.
 */
public final class PointQuery {
    private static final int PRELOAD_BATCH = 100;
    private static final long SEED = 42;

    private final RowCorpus corpus;

    /** @param corpus the row text */
    public PointQuery(RowCorpus corpus) {
        this.corpus = corpus;
    }

    /**
     * Creates and fills a table, measures hot lookups, flushes, and measures cold lookups.
     *
     * @param rows   rows of the one user
     * @param window the warm-up and measured window of each phase
     * @return the hot measurement, then the cold one if the system has a cold tier
     * @throws IllegalStateException if a statement fails or a lookup misses
     */
    public List<WorkloadResult> run(SystemUnderTest sut, String durability, String table, int rows, Window window) {
        sut.createTable(table);
        String user = sut.users(1).get(0);
        List<WorkloadResult> out = new ArrayList<>();
        try (RowClient db = sut.connect()) {
            for (int first = 1; first <= rows; first += PRELOAD_BATCH) {
                List<MessageRow> batch = new ArrayList<>(PRELOAD_BATCH);
                for (long id = first; id < first + PRELOAD_BATCH && id <= rows; id++) {
                    batch.add(new MessageRow(id, "room" + (id % 8), corpus.text(id), 0));
                }
                db.insert(table, user, batch);
            }
            out.add(measure(sut, durability, "hot, " + rows + " rows", db, table, user, rows, window));
            if (sut.flush(table)) {
                out.add(measure(sut, durability, "cold (after flush), " + rows + " rows", db, table, user, rows, window));
            }
        }
        return out;
    }

    private WorkloadResult measure(SystemUnderTest sut, String durability, String variant, RowClient db, String table,
                                   String user, int rows, Window window) {
        SplittableRandom random = new SplittableRandom(SEED);
        LatencyRecorder recorder = new LatencyRecorder();
        Window.Clock clock = window.start();
        for (long sent = System.nanoTime(); clock.open(sent); sent = System.nanoTime()) {
            long id = random.nextLong(1, rows + 1L);
            MessageRow row = db.get(table, user, id);
            if (clock.measured(sent)) {
                recorder.record(System.nanoTime() - sent);
            }
            if (row == null || row.id() != id) {
                throw new IllegalStateException(sut.name() + ": lookup of id " + id + " returned " + row);
            }
        }
        LatencyRecorder.Summary latency = recorder.summary(WorkloadResult.PERCENTILES);
        return new WorkloadResult("W2", variant, sut.name(), durability, 1, 1, 1, 1, recorder.count(),
                recorder.count(), clock.seconds(), latency.stats(), latency.distribution(), Map.of());
    }
}
