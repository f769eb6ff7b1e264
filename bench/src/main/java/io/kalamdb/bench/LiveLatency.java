package io.kalamdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Commit-to-client notification latency of live queries: one writer inserts rows into a USER table at a
 * fixed rate, each row stamped with {@code System.nanoTime()}; subscribers on {@code /v1/ws} (same
 * process, same clock) record receipt minus stamp for every insert. The writer's HTTP round trip is
 * included only up to the commit (the stamp is taken before the request; the write is acknowledged after the
 * commit), so the figure is an upper bound of commit-to-receipt. Runs as a fresh user on a fresh table,
 * dropped at the end.
 *
 * <p>Usage: {@code java -cp bench.jar io.kalamdb.bench.LiveLatency [--url U] [--rate 100] [--seconds 10]
 * [--subscribers 1] [--connections N]}: subscribers spread evenly over connections (default one each). All
 * subscriptions are the bench user's, so the server's per-user limit ({@code kalamdb.live.max.subscriptions.per.user},
 * default 10) must allow them.
 */
public final class LiveLatency {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveLatency() {
    }

    /**
     * Runs the measurement and prints one line of figures.
     *
     * @param args {@code --name value} pairs
     * @throws Exception if the server fails a step
     */
    public static void main(String[] args) throws Exception {
        URI url = URI.create(LiveBenchSetup.option(args, "--url", "http://127.0.0.1:8080"));
        int rate = Integer.parseInt(LiveBenchSetup.option(args, "--rate", "100"));
        int seconds = Integer.parseInt(LiveBenchSetup.option(args, "--seconds", "10"));
        int subscribers = Integer.parseInt(LiveBenchSetup.option(args, "--subscribers", "1"));
        int connections = Integer.parseInt(LiveBenchSetup.option(args, "--connections", Integer.toString(subscribers)));
        if (connections < 1 || subscribers % connections != 0) {
            throw new IllegalArgumentException("--subscribers must be a multiple of --connections");
        }
        LatencyRecorder latencies = new LatencyRecorder();
        LatencyRecorder writes = new LatencyRecorder();
        int warmup = rate * 2;
        CountDownLatch ready = new CountDownLatch(subscribers);
        try (LiveBenchSetup setup = new LiveBenchSetup(url, "live", "id BIGINT PRIMARY KEY, stamp BIGINT")) {
            String table = setup.table();
            KalamHttpTarget writer = setup.writer();
            for (int c = 0; c < connections; c++) {
                WebSocket ws = setup.connect(new WholeMessages(new Receiver(latencies, warmup, ready)));
                for (int i = 0; i < subscribers / connections; i++) {
                    ws.sendText(LiveBenchSetup.subscribe("s" + i, "SELECT id, stamp FROM " + table), true).join();
                }
            }
            measure(writer, table, rate, seconds, warmup, ready, writes);
        }
        synchronized (latencies) {
            int expected = rate * seconds * subscribers;
            System.out.printf(Locale.ROOT, "live notifications: %d changes/s, %d subscriber(s) on %d connection(s), %d s:"
                            + " received %d of %d; latency p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms;"
                            + " writer's INSERT round trip p50 %.3f ms, p99 %.3f ms%n", rate,
                    subscribers, connections, seconds,
                    latencies.count(), expected, latencies.percentile(50) / 1e6, latencies.percentile(95) / 1e6,
                    latencies.percentile(99) / 1e6, latencies.percentile(100) / 1e6, writes.percentile(50) / 1e6,
                    writes.percentile(99) / 1e6);
        }
    }

    /** Waits for the subscriptions, then inserts stamped rows at {@code rate} per second. */
    private static void measure(KalamHttpTarget writer, String table, int rate, int seconds, int warmup,
                                CountDownLatch ready, LatencyRecorder writes) throws InterruptedException {
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("subscriptions not ready: " + ready.getCount() + " missing");
        }
        int total = warmup + rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int k = 0; k < total; k++) {
            long due = start + k * interval;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            long stamp = System.nanoTime();
            writer.execute("INSERT INTO " + table + " VALUES ($1, $2)", List.of(k, stamp));
            if (k >= warmup) {
                writes.record(System.nanoTime() - stamp);
            }
        }
        Thread.sleep(2000);
    }

    /**
     * Records, for every inserted row past the warm-up (by id), receipt time minus the row's stamp. Change
     * messages are read by locating the two fields in the server's fixed field order rather than by a full
     * JSON parse, so that the client, which shares the machine's two cores with the server, costs as little
     * as possible; other messages are parsed.
     */
    private static final class Receiver implements WholeMessages.Handler {
        private static final String CHANGE_INSERT = "{\"type\":\"change\",";
        private final LatencyRecorder latencies;
        private final int firstMeasuredId;
        private final CountDownLatch ready;

        Receiver(LatencyRecorder latencies, int firstMeasuredId, CountDownLatch ready) {
            this.latencies = latencies;
            this.firstMeasuredId = firstMeasuredId;
            this.ready = ready;
        }

        @Override
        public void onMessage(long receivedNanos, String text) {
            if (text.startsWith(CHANGE_INSERT)) {
                long id = longField(text, "\"id\":\"");
                if (id >= firstMeasuredId) {
                    long stamp = longField(text, "\"stamp\":\"");
                    synchronized (latencies) {
                        latencies.record(receivedNanos - stamp);
                    }
                }
            } else if (isReadyBatch(text)) {
                ready.countDown();
            }
        }

        private static boolean isReadyBatch(String text) {
            try {
                JsonNode m = JSON.readTree(text);
                return m.path("type").asText().equals("initial_data_batch")
                        && "ready".equals(m.path("batch_control").path("status").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("not JSON from the server", e);
            }
        }

        /** @return the BIGINT (a JSON string) following {@code prefix} in a change message */
        private static long longField(String text, String prefix) {
            int from = text.indexOf(prefix);
            if (from < 0 || !text.contains("\"change_type\":\"insert\"")) {
                throw new IllegalStateException("unexpected change message: " + text);
            }
            from += prefix.length();
            return Long.parseLong(text, from, text.indexOf('"', from), 10);
        }
    }
}
