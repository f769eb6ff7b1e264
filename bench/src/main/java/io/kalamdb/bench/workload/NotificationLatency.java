package io.kalamdb.bench.workload;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.sut.SystemUnderTest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * W3, end-to-end change-notification latency: {@code subscribers} live queries of one user
 * ({@code SELECT id, room, body, stamp … WHERE room = 'live'}) spread evenly over {@code connections} WebSockets,
 * and one writer ({@link PacedWriter}) inserting that user's rows at a fixed rate. Every subscriber gets every row;
 * latency is receipt minus the row's stamp, on the same clock, for rows stamped in the measured window — so it
 * includes the writer's INSERT up to its commit (an upper bound of commit-to-receipt). After the window, the
 * subscribers may drain (until complete, 1 s of silence, or 10 s); rows still missing then are lost.
 */
public final class NotificationLatency {
    private final RowCorpus corpus;

    /** @param corpus the rows' body text */
    public NotificationLatency(RowCorpus corpus) {
        this.corpus = corpus;
    }

    /**
     * Creates a fresh table and runs one variant on it.
     *
     * @param sut         the system
     * @param durability  its durability mode, for the record
     * @param table       a table name unique in the run
     * @param subscribers live queries, a multiple of {@code connections}
     * @param connections WebSocket connections
     * @param perSecond   inserts per second
     * @param window      warm-up and measured window
     * @return the measurement ({@code clients} = connections; subscribers, expected and received notifications, lost
     *         and duplicated in {@code extra}), or null if the system has no realtime pipeline in this run
     * @throws IllegalStateException if a server sends an error or no notification arrives
     */
    public WorkloadResult run(SystemUnderTest sut, String durability, String table, int subscribers, int connections,
                              int perSecond, Window window) throws InterruptedException {
        try (LiveSubscribers live = LiveSubscribers.create(sut, table)) {
            if (live == null) {
                return null;
            }
            for (int c = 0; c < connections; c++) {
                live.connect(subscribers / connections);
            }
            live.awaitReady();
            Window.Clock clock = window.start();
            live.measure(clock);
            PacedWriter.Written written = PacedWriter.write(sut, table, live.user(), corpus, perSecond, clock);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("subscribers", subscribers);
            extra.putAll(live.drain(written.firstMeasured(), written.lastMeasured()));
            LatencyRecorder latencies = live.latencies();
            LatencyRecorder.Summary latency = latencies.summary(WorkloadResult.PERCENTILES);
            return new WorkloadResult("W3", variant(subscribers, connections, perSecond), sut.name(), durability,
                    connections, 1, 1, 1, latencies.count(), written.measured(), clock.seconds(), latency.stats(),
                    latency.distribution(), extra);
        }
    }

    private static String variant(int subscribers, int connections, int perSecond) {
        return subscribers + (subscribers == 1 ? " subscriber" : " subscribers")
                + (connections == subscribers ? "" : " on " + connections + " connections") + ", " + perSecond
                + " changes/s";
    }
}
