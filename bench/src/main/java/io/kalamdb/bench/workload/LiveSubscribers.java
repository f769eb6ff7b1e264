package io.kalamdb.bench.workload;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.WebSocketClients;
import io.kalamdb.bench.sut.LiveEndpoint;
import io.kalamdb.bench.sut.SystemUnderTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The subscriber side of one notification-workload run: a fresh table, its one user, that user's
 * {@link LiveEndpoint}, and the {@link LiveSubscription}s and {@link LiveConnection}s opened to it, all with the same
 * live query ({@code SELECT id, room, body, stamp … WHERE room = 'live'}). {@link #close} closes the connections.
 */
final class LiveSubscribers implements AutoCloseable {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long MAX_DRAIN_NANOS = 10_000_000_000L;

    private final SystemUnderTest sut;
    private final String user;
    private final String sql;
    private final LiveEndpoint endpoint;
    private final WebSocketClients clients = new WebSocketClients();
    private final List<LiveSubscription> subscriptions = new ArrayList<>();
    private final List<LiveConnection> connections = new CopyOnWriteArrayList<>();

    private LiveSubscribers(SystemUnderTest sut, String table, String user, LiveEndpoint endpoint) {
        this.sut = sut;
        this.user = user;
        this.sql = "SELECT id, room, body, stamp FROM " + sut.sqlName(table) + " WHERE room = '" + PacedWriter.ROOM
                + "'";
        this.endpoint = endpoint;
    }

    /**
     * Creates the table and finds the endpoint of its user.
     *
     * @return the run's subscribers (none yet), or null if the system has no realtime pipeline in this run
     */
    static LiveSubscribers create(SystemUnderTest sut, String table) {
        sut.createTable(table);
        String user = sut.users(1).get(0);
        LiveEndpoint endpoint = sut.live(user);
        return endpoint == null ? null : new LiveSubscribers(sut, table, user, endpoint);
    }

    /** @return the user whose rows the subscribers see */
    String user() {
        return user;
    }

    /**
     * Opens one connection with {@code count} new subscriptions ({@code s0}, {@code s1}, …).
     *
     * @return the connection
     */
    LiveConnection connect(int count) {
        List<LiveSubscription> mine = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mine.add(new LiveSubscription("s" + i, sql));
        }
        subscriptions.addAll(mine);
        LiveConnection c = LiveConnection.open(clients, endpoint, mine);
        connections.add(c);
        return c;
    }

    /**
     * Opens a new connection for the subscriptions of a dropped one; each resumes from the last {@code _seq} it
     * received.
     *
     * @return the new connection
     */
    LiveConnection reconnect(LiveConnection dropped) {
        LiveConnection c = LiveConnection.open(clients, endpoint, dropped.subscriptions());
        connections.add(c);
        return c;
    }

    /** Starts measuring every subscription in the window. */
    void measure(Window.Clock clock) {
        subscriptions.forEach(s -> s.measure(clock));
    }

    /**
     * Waits until every subscription is live.
     *
     * @throws IllegalStateException if one is not within 60 s, or a server sent an error
     */
    void awaitReady() throws InterruptedException {
        for (LiveSubscription s : subscriptions) {
            if (!s.awaitReady(60)) {
                throw new IllegalStateException("subscription " + s.id() + " not ready after 60 s " + s.errors());
            }
        }
        checkErrors();
    }

    /**
     * After the writer stopped, waits until each subscription has every row {@code firstId … lastId}, or nothing has
     * arrived for 1 s, or 10 s have passed; then counts.
     *
     * @return expected, received (distinct), lost and duplicated notifications, in that order
     * @throws IllegalStateException if a server sent an error to a subscription
     */
    Map<String, Object> drain(long firstId, long lastId) throws InterruptedException {
        long start = System.nanoTime();
        long lastChange = start;
        long lastReceived = -1;
        while (System.nanoTime() - start < MAX_DRAIN_NANOS && System.nanoTime() - lastChange < QUIET_NANOS
                && subscriptions.stream().mapToLong(s -> s.ledger().missing(firstId, lastId)).sum() > 0) {
            long received = subscriptions.stream().mapToLong(s -> s.ledger().received()).sum();
            if (received != lastReceived) {
                lastReceived = received;
                lastChange = System.nanoTime();
            }
            Thread.sleep(20);
        }
        checkErrors();
        long expected = Math.max(0, lastId - firstId + 1) * subscriptions.size();
        long received = subscriptions.stream().mapToLong(s -> s.ledger().distinct(firstId, lastId)).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("expected", expected);
        figures.put("received", received);
        figures.put("lost", expected - received);
        figures.put("duplicated", subscriptions.stream().mapToLong(s -> s.ledger().duplicates()).sum());
        return figures;
    }

    private void checkErrors() {
        for (LiveSubscription s : subscriptions) {
            if (!s.errors().isEmpty()) {
                throw new IllegalStateException("subscription " + s.id() + ": " + s.errors());
            }
        }
    }

    /**
     * @return every subscription's measured latencies, nanoseconds
     * @throws IllegalStateException if none arrived
     */
    LatencyRecorder latencies() {
        LatencyRecorder all = new LatencyRecorder();
        subscriptions.forEach(s -> s.addLatenciesTo(all));
        if (all.count() == 0) {
            throw new IllegalStateException(sut.name() + ": no notification arrived");
        }
        return all;
    }

    /** Closes every connection still open. */
    @Override
    public void close() {
        connections.forEach(LiveConnection::close);
    }
}
