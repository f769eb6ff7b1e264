package io.kalamdb.bench.workload;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.ServerMemory;
import io.kalamdb.bench.WebSocketClients;
import io.kalamdb.bench.WholeMessages;
import io.kalamdb.bench.sut.KalamSystem;
import io.kalamdb.bench.sut.LiveEndpoint;
import io.kalamdb.bench.sut.MessageRow;
import io.kalamdb.bench.sut.RowClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W4, concurrent subscriptions held with bounded notification latency, on KalamDB: connections are opened one by one at
 * a fixed rate at most (each connect and its subscribes block, then the ramp pauses 1 s / rate), each with
 * {@code perConnection} live queries of one user ({@code SELECT id, stamp … WHERE id > 0}, so every insert notifies
 * every subscription); after each step of the ramp a probe of {@value #PROBE_INSERTS} stamped inserts
 * {@value #PROBE_SPACING_MILLIS} ms apart measures notification latency over all subscriptions, and the server's heap
 * (after a full GC) and RSS are read. The ramp stops at the target or at the first step whose p99 exceeds the bound;
 * the last step within the bound is the figure, with heap and RSS per subscription over the baseline before the ramp
 * (if even the first step exceeds the bound, 0 subscriptions are held and its latencies are the figure).
 */
public final class SubscriptionCapacity {
    /** The result's {@code extra} figure: subscriptions held within the latency bound. */
    public static final String HELD = "subscriptions held within the bound";
    private static final int PROBE_INSERTS = 5;
    /** The pause after each probe insert; the result's window is {@value #PROBE_INSERTS} of them. */
    private static final long PROBE_SPACING_MILLIS = 100;
    private static final Pattern STAMP = Pattern.compile("\"stamp\":\"?(-?\\d+)");

    private final RowCorpus corpus;

    /** @param corpus row text */
    public SubscriptionCapacity(RowCorpus corpus) {
        this.corpus = corpus;
    }

    /**
     * Runs the ramp.
     *
     * @param sut                 KalamDB
     * @param memory              the server process's memory
     * @param durability          for the record
     * @param table               a fresh table name
     * @param target              stop after this many subscriptions
     * @param perConnection       subscriptions per connection (at most 100)
     * @param stepConnections     connections added per step
     * @param connectionsPerSecond the ramp rate, at most
     * @param p99BoundMillis      the notification p99 a step must stay within
     * @return one result: the largest step within the bound, its notification latency, and per-subscription memory
     * @throws Exception if the server refuses a step
     */
    public WorkloadResult run(KalamSystem sut, ServerMemory memory, String durability, String table, int target,
                              int perConnection, int stepConnections, int connectionsPerSecond, double p99BoundMillis)
            throws Exception {
        sut.createTable(table);
        String user = sut.users(1).get(0);
        LiveEndpoint endpoint = sut.live(user);
        String sql = "SELECT id, stamp FROM " + sut.sqlName(table) + " WHERE id > 0";
        List<String> subscribes = new ArrayList<>(perConnection);
        for (int i = 0; i < perConnection; i++) {
            subscribes.add(new LiveSubscription("w4_" + i, sql).subscribeMessage());
        }
        long heapBefore = memory.heapUsedAfterGc();
        long rssBefore = memory.residentBytes();
        Probe probe = new Probe();
        WebSocketClients clients = new WebSocketClients();
        List<WebSocket> sockets = new ArrayList<>();
        Map<String, Object> steps = new LinkedHashMap<>();
        LatencyRecorder held = null;
        LatencyRecorder last = null;
        int heldSubscriptions = 0;
        long heapAfter = heapBefore;
        long rssAfter = rssBefore;
        long nextId = 0;
        try (RowClient writer = sut.connect()) {
            while (sockets.size() * perConnection < target) {
                CountDownLatch ready = new CountDownLatch(stepConnections * perConnection);
                probe.ready = ready;
                for (int c = 0; c < stepConnections; c++) {
                    WebSocket ws = clients.connect(endpoint.uri(), endpoint.headers(),
                            new WholeMessages(probe::onMessage));
                    sockets.add(ws);
                    for (String subscribe : subscribes) {
                        ws.sendText(subscribe, true).join();
                    }
                    Thread.sleep(1000L / connectionsPerSecond);
                }
                if (!ready.await(120, TimeUnit.SECONDS) || probe.errors.get() > 0) {
                    throw new IllegalStateException(ready.getCount() + " subscriptions not ready, "
                            + probe.errors.get() + " errors, at " + sockets.size() * perConnection);
                }
                int subscriptions = sockets.size() * perConnection;
                LatencyRecorder latencies = probe.measure(writer, table, user, subscriptions, nextId);
                last = latencies;
                nextId += PROBE_INSERTS;
                long heap = memory.heapUsedAfterGc();
                long rss = memory.residentBytes();
                double p99 = latencies.stats().p99() / 1e6;
                steps.put(Integer.toString(subscriptions), String.format("p99 %.1f ms, heap %d MB, RSS %d MB", p99,
                        heap >> 20, rss >> 20));
                if (p99 > p99BoundMillis) {
                    break;
                }
                held = latencies;
                heldSubscriptions = subscriptions;
                heapAfter = heap;
                rssAfter = rss;
            }
        } finally {
            for (WebSocket ws : sockets) {
                ws.abort();
            }
        }
        LatencyRecorder.Summary figure = (held != null ? held : last).summary(WorkloadResult.PERCENTILES);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(HELD, heldSubscriptions);
        extra.put("heap per subscription (KB)", perSubscriptionKb(heapAfter - heapBefore, heldSubscriptions));
        extra.put("RSS per subscription (KB)", perSubscriptionKb(rssAfter - rssBefore, heldSubscriptions));
        extra.put("ramp", steps);
        return new WorkloadResult("W4", "ramp to " + target + " subscriptions, " + perConnection + " per connection, "
                + connectionsPerSecond + " connections/s, p99 bound " + (int) p99BoundMillis + " ms", sut.name(),
                durability, sockets.size(), 1, 1, 1, figure.stats().count(), PROBE_INSERTS,
                PROBE_INSERTS * (PROBE_SPACING_MILLIS / 1000.0), figure.stats(), figure.distribution(), extra);
    }

    /** @return bytes per subscription in KB to one decimal, or the text {@code n/a} when none was held */
    private static Object perSubscriptionKb(long bytes, int subscriptions) {
        return subscriptions == 0 ? "n/a" : Math.round(bytes / 1024.0 / subscriptions * 10) / 10.0;
    }

    /** Receives every connection's messages: counts ready subscriptions and records notification latencies. */
    private final class Probe {
        private volatile CountDownLatch ready;
        private LatencyRecorder latencies = new LatencyRecorder();
        private final AtomicInteger notified = new AtomicInteger();
        private final AtomicInteger errors = new AtomicInteger();

        void onMessage(long received, String text) {
            if (text.contains("\"type\":\"change\"")) {
                Matcher m = STAMP.matcher(text);
                if (m.find()) {
                    long latency = received - Long.parseLong(m.group(1));
                    synchronized (this) {
                        latencies.record(latency);
                    }
                    notified.incrementAndGet();
                }
            } else if (text.contains("\"type\":\"initial_data_batch\"")) {
                ready.countDown();
            } else if (text.contains("\"type\":\"error\"")) {
                errors.incrementAndGet();
            }
        }

        /**
         * Inserts the probe rows {@value SubscriptionCapacity#PROBE_SPACING_MILLIS} ms apart and waits for every
         * subscription's notifications.
         */
        LatencyRecorder measure(RowClient writer, String table, String user, int subscriptions, long firstId)
                throws InterruptedException {
            synchronized (this) {
                latencies = new LatencyRecorder();
            }
            notified.set(0);
            for (int i = 1; i <= PROBE_INSERTS; i++) {
                long id = firstId + i;
                writer.insert(table, user, List.of(new MessageRow(id, "probe", corpus.text(id), System.nanoTime())));
                Thread.sleep(PROBE_SPACING_MILLIS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (notified.get() < subscriptions * PROBE_INSERTS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (notified.get() < subscriptions * PROBE_INSERTS) {
                throw new IllegalStateException(notified.get() + " of " + subscriptions * PROBE_INSERTS
                        + " notifications arrived");
            }
            synchronized (this) {
                return latencies;
            }
        }
    }
}
