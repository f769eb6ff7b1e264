package io.kalamdb.bench.workload;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.sut.MessageRow;
import io.kalamdb.bench.sut.RowClient;
import io.kalamdb.bench.sut.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * W1, insert throughput into a per-user table: {@code clients} threads, each with its own connection and one
 * statement in flight, insert {@code rowsPerStatement} rows of corpus text per statement, each statement acting
 * as the next of {@code users} users in turn (so every statement may switch user, as requests through a shared
 * pool do). Throughput counts the rows of statements started in the measured window.
 */
public final class InsertThroughput {
    /** What one client thread measured: the rows of its statements started in the window, and their latencies. */
    private record ClientRun(long measuredRows, LatencyRecorder latencies) {
    }

    private final RowCorpus corpus;

    /** @param corpus the row text */
    public InsertThroughput(RowCorpus corpus) {
        this.corpus = corpus;
    }

    /**
     * Creates a fresh table and runs the workload on it.
     *
     * @param sut              the system
     * @param durability       the system's durability mode, for the record
     * @param table            a table name unique in the run
     * @param clients          concurrent connections
     * @param rowsPerStatement rows per INSERT
     * @param userCount        distinct users
     * @param window           warm-up and measured window
     * @return the measurement
     * @throws Exception if a statement fails
     */
    public WorkloadResult run(SystemUnderTest sut, String durability, String table, int clients, int rowsPerStatement,
                              int userCount, Window window) throws Exception {
        sut.createTable(table);
        List<String> users = sut.users(userCount);
        Window.Clock clock = window.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<ClientRun>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                runs.add(pool.submit(() -> insertLoop(sut, table, users, client, clients, rowsPerStatement, clock)));
            }
            long total = 0;
            LatencyRecorder all = new LatencyRecorder();
            for (Future<ClientRun> f : runs) {
                ClientRun run = f.get();
                total += run.measuredRows();
                all.addAll(run.latencies());
            }
            LatencyRecorder.Summary latency = all.summary(WorkloadResult.PERCENTILES);
            return new WorkloadResult("W1", clients + (clients == 1 ? " client, " : " clients, ") + rowsPerStatement
                    + (rowsPerStatement == 1 ? " row/stmt, " : " rows/stmt, ") + userCount + " users", sut.name(),
                    durability, clients, rowsPerStatement, 1, userCount, all.count(), total, clock.seconds(),
                    latency.stats(), latency.distribution(), Map.of());
        } finally {
            pool.shutdownNow();
        }
    }

    private ClientRun insertLoop(SystemUnderTest sut, String table, List<String> users, int client, int clients,
                                 int rowsPerStatement, Window.Clock clock) {
        LatencyRecorder recorder = new LatencyRecorder();
        long measuredRows = 0;
        long nextId = (long) client << 40;
        try (RowClient db = sut.connect()) {
            for (int i = 0; ; i++) {
                String user = users.get((client + i * clients) % users.size());
                List<MessageRow> batch = new ArrayList<>(rowsPerStatement);
                for (int r = 0; r < rowsPerStatement; r++) {
                    long id = ++nextId;
                    batch.add(new MessageRow(id, "room" + (id % 8), corpus.text(id), 0));
                }
                long sent = System.nanoTime();
                if (!clock.open(sent)) {
                    return new ClientRun(measuredRows, recorder);
                }
                db.insert(table, user, batch);
                if (clock.measured(sent)) {
                    recorder.record(System.nanoTime() - sent);
                    measuredRows += rowsPerStatement;
                }
            }
        }
    }
}
