package io.kalamdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
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
    private static final int CONNECTIONS_PER_CLIENT = 4;

    private LiveLatency() {
    }

    /**
     * Runs the measurement and prints one line of figures.
     *
     * @param args {@code --name value} pairs
     * @throws Exception if the server fails a step
     */
    public static void main(String[] args) throws Exception {
        URI url = URI.create(option(args, "--url", "http://127.0.0.1:8080"));
        int rate = Integer.parseInt(option(args, "--rate", "100"));
        int seconds = Integer.parseInt(option(args, "--seconds", "10"));
        int subscribers = Integer.parseInt(option(args, "--subscribers", "1"));
        int connections = Integer.parseInt(option(args, "--connections", Integer.toString(subscribers)));
        if (connections < 1 || subscribers % connections != 0) {
            throw new IllegalArgumentException("--subscribers must be a multiple of --connections");
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String user = "bench_live_" + run;
        String password = UUID.randomUUID().toString();
        String table = BenchTable.NAMESPACE + ".live_" + run;
        KalamHttpTarget root = new KalamHttpTarget(HttpTransport.named("jdk", url), null);
        root.execute("CREATE NAMESPACE IF NOT EXISTS " + BenchTable.NAMESPACE, List.of());
        root.execute("CREATE USER '" + user + "' WITH PASSWORD '" + password + "'", List.of());
        root.execute("CREATE USER TABLE " + table + " (id BIGINT PRIMARY KEY, stamp BIGINT)", List.of());
        HttpTransport.Reply login = HttpTransport.named("jdk", url).exchange("/v1/api/auth/login",
                JSON.writeValueAsBytes(java.util.Map.of("user", user, "password", password)), null);
        String token = JSON.readTree(login.body()).path("access_token").asText();
        KalamHttpTarget writer = new KalamHttpTarget(HttpTransport.named("raw", url), token);

        LatencyRecorder latencies = new LatencyRecorder();
        LatencyRecorder writes = new LatencyRecorder();
        List<WebSocket> sockets = new ArrayList<>();
        int warmup = rate * 2;
        CountDownLatch ready = new CountDownLatch(subscribers);
        // one HttpClient (one selector thread) per 4 connections, as separate client processes would have
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            if (c % CONNECTIONS_PER_CLIENT == 0) {
                clients.add(HttpClient.newHttpClient());
            }
            WebSocket ws = clients.get(clients.size() - 1).newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(url.toString().replaceFirst("^http", "ws") + "/v1/ws"),
                            new Receiver(latencies, warmup, ready)).join();
            for (int i = 0; i < subscribers / connections; i++) {
                ws.sendText("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"s" + i
                        + "\",\"sql\":\"SELECT id, stamp FROM " + table + "\"}}", true).join();
            }
            sockets.add(ws);
        }
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
        sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join());
        Thread.sleep(200);
        root.execute("DROP TABLE " + table + " FORCE", List.of());
        root.execute("DROP USER '" + user + "'", List.of());
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

    private static String option(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    /**
     * Records, for every inserted row past the warm-up (by id), receipt time minus the row's stamp. Change
     * messages are read by locating the two fields in the server's fixed field order rather than by a full
     * JSON parse, so that the client, which shares the machine's two cores with the server, costs as little
     * as possible; other messages are parsed.
     */
    private static final class Receiver implements WebSocket.Listener {
        private static final String CHANGE_INSERT = "{\"type\":\"change\",";
        private final LatencyRecorder latencies;
        private final int firstMeasuredId;
        private final CountDownLatch ready;
        private final StringBuilder partial = new StringBuilder();

        Receiver(LatencyRecorder latencies, int firstMeasuredId, CountDownLatch ready) {
            this.latencies = latencies;
            this.firstMeasuredId = firstMeasuredId;
            this.ready = ready;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.startsWith(CHANGE_INSERT)) {
                    long id = longField(text, "\"id\":\"");
                    if (id >= firstMeasuredId) {
                        long stamp = longField(text, "\"stamp\":\"");
                        synchronized (latencies) {
                            latencies.record(now - stamp);
                        }
                    }
                } else if (isReadyBatch(text)) {
                    ready.countDown();
                }
            }
            webSocket.request(1);
            return null;
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
