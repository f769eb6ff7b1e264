package io.kalamdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two live-query capacity figures on a running server, printed as one line each:
 * <ol>
 *   <li><b>Initial snapshot:</b> subscribe to a 1,000-row table and time the subscribe message until the
 *       {@code initial_data_batch} with status {@code ready} (all 1,000 rows in one batch) has arrived; 30
 *       rounds, the first 20 discarded as warm-up.</li>
 *   <li><b>Held subscriptions:</b> open {@code --connections} connections with {@code --per-connection}
 *       idle subscriptions each (same SQL, matching nothing until the end), then insert one matching row
 *       and count the notifications (every subscription must get exactly one). Server heap after a full
 *       GC is read with {@code jcmd <pid> GC.heap_info} before and after subscribing; the difference divided
 *       by the subscription count is the heap per idle subscription, connection state included.</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp bench.jar io.kalamdb.bench.LiveCapacity [--url U] [--connections 100]
 * [--per-connection 100] [--server-pid P]}. The server pid defaults to the one local process running
 * Liberty's {@code ws-server.jar}. The subscriptions are one user's, so the server's
 * {@code kalamdb.live.max.subscriptions.per.user} must allow them (at most 100 per connection).
 */
public final class LiveCapacity {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNAPSHOT_ROWS = 1_000;
    private static final int SNAPSHOT_ROUNDS = 50;
    private static final int SNAPSHOT_WARMUP = 20;

    private LiveCapacity() {
    }

    /**
     * Runs both measurements.
     *
     * @param args {@code --name value} pairs
     * @throws Exception if the server fails a step or a subscription does not behave
     */
    public static void main(String[] args) throws Exception {
        URI url = URI.create(LiveBenchSetup.option(args, "--url", "http://127.0.0.1:8080"));
        int connections = Integer.parseInt(LiveBenchSetup.option(args, "--connections", "100"));
        int perConnection = Integer.parseInt(LiveBenchSetup.option(args, "--per-connection", "100"));
        String pidOption = LiveBenchSetup.option(args, "--server-pid", null);
        ServerMemory server = pidOption == null ? ServerMemory.ofLocalLiberty() : new ServerMemory(Long.parseLong(pidOption));
        try (LiveBenchSetup setup = new LiveBenchSetup(url, "cap", "id BIGINT PRIMARY KEY, body TEXT")) {
            snapshot(setup);
            held(setup, connections, perConnection, server);
        }
    }

    private static void snapshot(LiveBenchSetup setup) throws Exception {
        StringBuilder insert = new StringBuilder("INSERT INTO " + setup.table() + " (id, body) VALUES ");
        for (int i = 0; i < SNAPSHOT_ROWS; i++) {
            insert.append(i == 0 ? "" : ", ").append('(').append(-1 - i).append(", 'message body number ")
                    .append(i).append(" of the initial snapshot')");
        }
        KalamHttpTarget writer = setup.writer();
        writer.execute(insert.toString(), List.of());
        BlockingQueue<long[]> ready = new ArrayBlockingQueue<>(1);
        WebSocket ws = setup.connect(new WholeMessages((received, text) -> {
            JsonNode m = parse(text);
            if (m.path("type").asText().equals("initial_data_batch")
                    && m.path("batch_control").path("status").asText().equals("ready")) {
                ready.add(new long[] {received, m.path("rows").size()});
            }
        }));
        LatencyRecorder times = new LatencyRecorder();
        for (int round = 0; round < SNAPSHOT_ROUNDS; round++) {
            long start = System.nanoTime();
            ws.sendText(LiveBenchSetup.subscribe("snap" + round, "SELECT * FROM " + setup.table()), true).join();
            long[] batch = ready.poll(30, TimeUnit.SECONDS);
            if (batch == null || batch[1] != SNAPSHOT_ROWS) {
                throw new IllegalStateException("snapshot round " + round + " got " + (batch == null ? "nothing"
                        : batch[1] + " rows"));
            }
            if (round >= SNAPSHOT_WARMUP) {
                times.record(batch[0] - start);
            }
            ws.sendText("{\"type\":\"unsubscribe\",\"subscription_id\":\"snap" + round + "\"}", true).join();
        }
        System.out.printf(Locale.ROOT, "initial snapshot of %d rows (subscribe sent to ready batch received): "
                        + "p50 %.3f ms, p95 %.3f ms, max %.3f ms over %d rounds%n", SNAPSHOT_ROWS,
                times.percentile(50) / 1e6, times.percentile(95) / 1e6, times.percentile(100) / 1e6, times.count());
    }

    private static void held(LiveBenchSetup setup, int connections, int perConnection, ServerMemory server)
            throws Exception {
        int total = connections * perConnection;
        long before = server.heapUsedAfterGc() / 1024;
        CountDownLatch ready = new CountDownLatch(total);
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        String sql = "SELECT id, body FROM " + setup.table() + " WHERE id > 0";
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            WebSocket ws = setup.connect(new WholeMessages((received, text) -> {
                JsonNode m = parse(text);
                switch (m.path("type").asText()) {
                    case "initial_data_batch" -> ready.countDown();
                    case "change" -> changes.incrementAndGet();
                    case "error" -> errors.incrementAndGet();
                    default -> {
                    }
                }
            }));
            for (int i = 0; i < perConnection; i++) {
                ws.sendText(LiveBenchSetup.subscribe("h" + i, sql), true).join();
            }
        }
        if (!ready.await(120, TimeUnit.SECONDS) || errors.get() > 0) {
            throw new IllegalStateException(ready.getCount() + " subscriptions not ready, " + errors.get()
                    + " errors");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = server.heapUsedAfterGc() / 1024;
        setup.writer().execute("INSERT INTO " + setup.table() + " (id, body) VALUES (1, 'hello')", List.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (changes.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(500);
        System.out.printf(Locale.ROOT, "held subscriptions: %d on %d connections, all ready in %.1f s; one insert "
                        + "notified %d of them; server heap after full GC %d KB before, %d KB after: %.1f KB per idle "
                        + "subscription%n", total, connections, seconds, changes.get(), before, after,
                (after - before) / (double) total);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from the server", e);
        }
    }
}
