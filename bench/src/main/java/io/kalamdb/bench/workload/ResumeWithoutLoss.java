package io.kalamdb.bench.workload;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.sut.SystemUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * W5, resume without loss: {@code subscribers} live queries of one user, each on its own WebSocket, while one writer
 * ({@link PacedWriter}) inserts that user's rows at a fixed rate. Every {@code dropEvery} each subscriber's
 * connection is dropped abruptly (staggered across subscribers), and after {@code gap} it reconnects and subscribes
 * again with {@code options.from} = the last {@code _seq} it received — KalamDB's resume; a system without resume
 * starts again from its next change. When writing ends every subscriber must hold every row written: a row it never
 * received is lost, a row received twice is duplicated. The latency figures are receipt minus stamp of every row's
 * first receipt, replayed rows included.
 */
public final class ResumeWithoutLoss {
    private final RowCorpus corpus;

    /** @param corpus the rows' body text */
    public ResumeWithoutLoss(RowCorpus corpus) {
        this.corpus = corpus;
    }

    /**
     * Creates a fresh table and runs the workload on it.
     *
     * @param sut         the system
     * @param durability  its durability mode, for the record
     * @param table       a table name unique in the run
     * @param subscribers subscribers, one connection each
     * @param perSecond   inserts per second
     * @param dropEvery   how often each subscriber is dropped
     * @param gap         how long a dropped subscriber stays away
     * @param writing     how long the writer writes (every row is counted)
     * @return the measurement (expected, received, lost, duplicated and reconnects in {@code extra}), or null if the
     *         system has no realtime pipeline in this run
     * @throws Exception if a server sends an error or a reconnection fails
     */
    public WorkloadResult run(SystemUnderTest sut, String durability, String table, int subscribers, int perSecond,
                              Duration dropEvery, Duration gap, Duration writing) throws Exception {
        try (LiveSubscribers live = LiveSubscribers.create(sut, table)) {
            if (live == null) {
                return null;
            }
            List<LiveConnection> sockets = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                sockets.add(live.connect(1));
            }
            live.awaitReady();
            Window.Clock clock = new Window(Duration.ZERO, writing).start();
            live.measure(clock);
            AtomicLong reconnects = new AtomicLong();
            ExecutorService droppers = Executors.newFixedThreadPool(subscribers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (LiveConnection socket : sockets) {
                    long first = clock.measureFrom() + dropEvery.toNanos() * (done.size() + 1) / subscribers;
                    done.add(droppers.submit(() -> {
                        LiveConnection current = socket;
                        for (long at = first; at + gap.toNanos() < clock.end(); at += dropEvery.toNanos()) {
                            sleepUntil(at);
                            current.drop();
                            sleepUntil(at + gap.toNanos());
                            current = live.reconnect(current);
                            reconnects.incrementAndGet();
                        }
                        return null;
                    }));
                }
                PacedWriter.Written written = PacedWriter.write(sut, table, live.user(), corpus, perSecond, clock);
                for (Future<?> f : done) {
                    f.get();
                }
                live.awaitReady();
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("subscribers", subscribers);
                extra.put("reconnects", reconnects.get());
                extra.putAll(live.drain(1, written.total()));
                LatencyRecorder latencies = live.latencies();
                LatencyRecorder.Summary latency = latencies.summary(WorkloadResult.PERCENTILES);
                return new WorkloadResult("W5", subscribers + " subscribers, " + perSecond
                        + " changes/s, each dropped every " + readable(dropEvery) + " for " + readable(gap), sut.name(),
                        durability, subscribers, 1, 1, 1, latencies.count(), written.total(), clock.seconds(),
                        latency.stats(), latency.distribution(), extra);
            } finally {
                droppers.shutdownNow();
            }
        }
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void sleepUntil(long nanos) {
        for (long now = System.nanoTime(); now < nanos; now = System.nanoTime()) {
            LockSupport.parkNanos(nanos - now);
        }
    }
}
