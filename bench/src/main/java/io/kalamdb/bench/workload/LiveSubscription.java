package io.kalamdb.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.bench.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber's live query and what it received, kept across reconnections: the rows' ids
 * ({@link DeliveryLedger}), the last {@code _seq} seen (to resume from), and for every first receipt of a row stamped
 * in the measured window, receipt time minus the row's {@code stamp} (both {@link System#nanoTime()} of this process),
 * nanoseconds. Thread-safe.
 */
final class LiveSubscription {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String sql;
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final List<String> errors = new ArrayList<>();
    private volatile Window.Clock clock;
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private String lastSeq;

    /**
     * @param id  the subscription id, unique on its connection
     * @param sql the live query; its rows must have {@code id} and {@code stamp}
     */
    LiveSubscription(String id, String sql) {
        this.id = id;
        this.sql = sql;
    }

    /** @return the subscription id */
    String id() {
        return id;
    }

    /** Sets the window: rows stamped inside it are measured. */
    void measure(Window.Clock window) {
        this.clock = window;
    }

    /**
     * @return the {@code subscribe} message, with {@code options.from} = the last {@code _seq} received when there is
     *         one (a resume); waiting for {@link #awaitReady} starts anew
     */
    synchronized String subscribeMessage() {
        ready = new CountDownLatch(1);
        ObjectNode m = JSON.createObjectNode().put("type", "subscribe");
        ObjectNode s = m.putObject("subscription").put("id", id).put("sql", sql);
        if (lastSeq != null) {
            s.putObject("options").put("from", lastSeq);
        }
        return m.toString();
    }

    /**
     * Records one row of an {@code initial_data_batch} or {@code change}.
     *
     * @param receivedNanos when its message arrived
     * @param row           the row object: {@code id}, {@code stamp} and {@code _seq} as strings or numbers
     */
    synchronized void onRow(long receivedNanos, JsonNode row) {
        long stamp = row.path("stamp").asLong();
        if (ledger.record(row.path("id").asLong()) && clock != null && clock.measured(stamp)) {
            latencies.record(receivedNanos - stamp);
        }
        if (row.hasNonNull("_seq")) {
            lastSeq = row.get("_seq").asText();
        }
    }

    /** The subscription's initial data is complete: changes follow. */
    void onReady() {
        ready.countDown();
    }

    /** Records an {@code error} the server sent for this subscription (or its connection). */
    synchronized void onError(String error) {
        errors.add(error);
    }

    /** @return whether the subscription became ready within the timeout */
    boolean awaitReady(long seconds) throws InterruptedException {
        return ready.await(seconds, TimeUnit.SECONDS);
    }

    /** @return the ids received */
    DeliveryLedger ledger() {
        return ledger;
    }

    /** @return the errors received */
    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Adds this subscription's measured latencies to {@code all}. */
    synchronized void addLatenciesTo(LatencyRecorder all) {
        all.addAll(latencies);
    }
}
