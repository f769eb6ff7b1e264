package io.kalamdb.core.live;

import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.RowChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One live subscription and its delivery state machine:
 * {@code LOADING} (registered, snapshot being read; changes are held) → {@code PAGING} (initial data being
 * paged out by {@code next_batch}; changes still held) → {@code LIVE} (held changes above the snapshot mark
 * flushed, then every change delivered as it is published) → {@code CLOSED} or {@code FAILED}. Holding
 * changes until the last page keeps a client from applying a change before the older snapshot row it
 * replaces. All state changes are under this object's monitor; writers only take it after their partition
 * lock, never the other way round.
 */
final class Subscription {
    /** Lifecycle states, shown in {@code system.live_queries.status}. */
    enum State {
        LOADING, PAGING, LIVE, CLOSED, FAILED
    }

    /** Most changes held while loading or paging before the subscription is failed as overflowing. */
    static final int MAX_HELD_CHANGES = 100_000;

    final String connectionId;
    final String subscriptionId;
    final String liveId;
    final UserId user;
    final LiveQuery query;
    final SubscriptionOptions options;
    final long createdAtMillis;
    private final LiveSink sink;
    private final Consumer<Subscription> onFailure;

    private State state = State.LOADING;
    private final List<RowChange> held = new ArrayList<>();
    private long mark;
    private List<Map<String, Object>> initialRows = List.of();
    private int nextPage;
    private long lastDeliveredSeq;
    private long changes;
    private long lastUpdateMillis;

    Subscription(String connectionId, String subscriptionId, UserId user, LiveQuery query,
                 SubscriptionOptions options, LiveSink sink, Consumer<Subscription> onFailure, long createdAtMillis) {
        this.connectionId = connectionId;
        this.subscriptionId = subscriptionId;
        this.liveId = connectionId + "-" + subscriptionId;
        this.user = user;
        this.query = query;
        this.options = options;
        this.sink = sink;
        this.onFailure = onFailure;
        this.createdAtMillis = createdAtMillis;
        this.lastUpdateMillis = createdAtMillis;
    }

    /**
     * Writer thread: routes one committed change of the subscribed partition.
     *
     * @param deltas this change's deltas by query shape, shared by the subscriptions it is routed to
     */
    synchronized void onChange(RowChange change, Map<Object, Optional<LiveEvent.Delta>> deltas) {
        switch (state) {
            case LOADING, PAGING -> {
                held.add(change);
                if (held.size() > MAX_HELD_CHANGES) {
                    fail();
                }
            }
            case LIVE -> {
                if (change.seq() > mark) {
                    deliver(change, deltas.computeIfAbsent(query.shape(), shape -> Optional.ofNullable(route(change))));
                }
            }
            default -> {
            }
        }
    }

    /**
     * Starts delivery of a snapshot: the ack and the first page; if that is the only page, the held changes
     * and live mode follow.
     *
     * @param rows the initial rows, in delivery order
     * @param mark the snapshot's high-water {@code _seq}
     */
    synchronized void startSnapshot(List<Map<String, Object>> rows, long mark) {
        if (state != State.LOADING) {
            return;
        }
        this.mark = mark;
        this.initialRows = rows;
        this.state = State.PAGING;
        if (offer(new LiveEvent.Ack(subscriptionId, rows.size(), query.schema(),
                new LiveEvent.BatchControl(0, true, "loading", null)))) {
            sendPage();
        }
    }

    /**
     * Starts delivery of a resume: the ack, one empty {@code ready} batch, the resumed changes, then the held
     * changes and live mode.
     *
     * @param resumed changes to deliver first, in {@code _seq} order
     * @param mark    the snapshot's high-water {@code _seq}
     */
    synchronized void startResume(List<LiveEvent.Change> resumed, long mark) {
        if (state != State.LOADING) {
            return;
        }
        this.mark = mark;
        this.state = State.PAGING;
        if (!offer(new LiveEvent.Ack(subscriptionId, 0, query.schema(),
                new LiveEvent.BatchControl(0, true, "loading", null)))) {
            return;
        }
        if (!offer(new LiveEvent.InitialBatch(subscriptionId, query.schema(), List.of(),
                new LiveEvent.BatchControl(0, false, "ready", mark)))) {
            return;
        }
        for (LiveEvent.Change change : resumed) {
            if (!offer(change)) {
                return;
            }
            List<Map<String, Object>> rows = change.rows().isEmpty() ? change.oldValues() : change.rows();
            delivered((Long) rows.get(0).get(TableDefinition.SEQ_COLUMN));
        }
        goLive();
    }

    /**
     * {@code next_batch}: sends the next page of the initial data.
     *
     * @throws LiveQueryException PROTOCOL if no page is pending
     */
    synchronized void nextBatch() {
        if (state != State.PAGING || nextPage == 0 || nextPage >= pageCount()) {
            throw new LiveQueryException(LiveErrorCode.PROTOCOL, "Subscription " + subscriptionId
                    + " has no further batch of initial data");
        }
        sendPage();
    }

    /** Stops delivery, sending {@code error} first if given. */
    synchronized void close(LiveEvent.Error error) {
        if (state == State.CLOSED || state == State.FAILED) {
            return;
        }
        state = State.CLOSED;
        held.clear();
        if (error != null) {
            sink.offer(error);
        }
    }

    /** Fails the subscription before any data (e.g. the snapshot could not be read). */
    synchronized void abort() {
        state = State.CLOSED;
        held.clear();
    }

    /** @return this subscription's row of {@code system.live_queries} */
    synchronized Object[] describe(String nodeId) {
        return new Object[] {liveId, connectionId, subscriptionId, query.table().id().namespace().value(),
            query.table().id().name().value(), user.value(), query.sql(), options.toJson(),
            state.name().toLowerCase(Locale.ROOT), createdAtMillis * 1000L, lastUpdateMillis * 1000L,
            changes, nodeId};
    }

    private int pageCount() {
        return Math.max(1, (initialRows.size() + options.batchSize() - 1) / options.batchSize());
    }

    private void sendPage() {
        int from = nextPage * options.batchSize();
        int to = Math.min(initialRows.size(), from + options.batchSize());
        List<Map<String, Object>> page = List.copyOf(initialRows.subList(from, to));
        boolean hasMore = nextPage + 1 < pageCount();
        long pageSeq = page.isEmpty() ? 0 : page.stream().mapToLong(r -> (Long) r.get(TableDefinition.SEQ_COLUMN)).max().orElse(0);
        LiveEvent.BatchControl control = new LiveEvent.BatchControl(nextPage, hasMore,
                hasMore ? "loading_batch" : "ready", hasMore ? pageSeq : mark);
        if (!offer(new LiveEvent.InitialBatch(subscriptionId, query.schema(), page, control))) {
            return;
        }
        nextPage++;
        if (!hasMore) {
            initialRows = List.of();
            delivered(mark);
            goLive();
        }
    }

    private void goLive() {
        state = State.LIVE;
        List<RowChange> pending = new ArrayList<>(held);
        held.clear();
        for (RowChange c : pending) {
            if (state != State.LIVE) {
                return;
            }
            if (c.seq() > mark) {
                deliver(c, Optional.ofNullable(route(c)));
            }
        }
    }

    private void deliver(RowChange change, Optional<LiveEvent.Delta> delta) {
        if (delta.isPresent() && offer(new LiveEvent.Change(subscriptionId, delta.get()))) {
            changes++;
            delivered(change.seq());
        }
    }

    /**
     * The change as this subscription sees it: before∉/after∈ INSERT, before∈/after∈ UPDATE, before∈/after∉
     * DELETE (soft and hard deletes included), else nothing.
     */
    LiveEvent.Delta route(RowChange change) {
        StoredRow before = change.before();
        StoredRow after = change.after();
        boolean wasIn = query.matches(before);
        boolean isIn = query.matches(after);
        if (isIn && !wasIn) {
            return new LiveEvent.Delta(LiveEvent.ChangeType.INSERT, query.schema(), List.of(query.project(after)),
                    List.of());
        } else if (isIn) {
            return new LiveEvent.Delta(LiveEvent.ChangeType.UPDATE, query.schema(), List.of(query.project(after)),
                    List.of(query.project(before)));
        } else if (wasIn) {
            return new LiveEvent.Delta(LiveEvent.ChangeType.DELETE, query.schema(), List.of(),
                    List.of(query.project(before)));
        }
        return null;
    }

    private void delivered(long seq) {
        lastDeliveredSeq = Math.max(lastDeliveredSeq, seq);
        lastUpdateMillis = System.currentTimeMillis();
    }

    private boolean offer(LiveEvent event) {
        if (sink.offer(event)) {
            return true;
        }
        fail();
        return false;
    }

    private void fail() {
        state = State.FAILED;
        held.clear();
        initialRows = List.of();
        onFailure.accept(this);
        sink.overflow(subscriptionId, lastDeliveredSeq);
    }
}
