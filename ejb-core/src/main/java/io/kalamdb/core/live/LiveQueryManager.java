package io.kalamdb.core.live;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.LiveQueryControl;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.StoreSnapshot;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.ChangeFeed;
import io.kalamdb.core.table.RowChange;
import io.kalamdb.core.table.TableStore;
import io.kalamdb.core.table.TableStores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's live queries (one per engine): subscriptions per connection, their initial data and the
 * routing of committed changes from the {@link ChangeFeed} to them.
 *
 * <p><b>Delivery.</b> Changes are filtered on the writer's thread, right after its commit and under its
 * partition lock (so per-partition order is commit order): the compiled predicate costs microseconds, and
 * the resulting events go to each connection's {@link LiveSink}, which must not block. A sink that refuses
 * an event fails that subscription only ({@link LiveSink#overflow}); writers and other subscribers are not
 * affected.
 *
 * <p><b>Snapshot boundary.</b> A subscription is registered (holding changes) before a RocksDB snapshot is
 * taken and scanned; the snapshot's high-water mark is the highest {@code _seq} among all stored versions of
 * the scanned partition, tombstones included. Since writes to a partition are serialised and draw
 * increasing {@code _seq}s, a change is in the snapshot exactly when its {@code _seq} is at most the mark:
 * held changes above it are delivered after the initial data, the rest dropped — no gap, no duplicate.
 *
 * <p><b>Resume ({@code fromSeq}).</b> Instead of initial rows, every row whose stored version has a
 * {@code _seq} above {@code fromSeq} is delivered in {@code _seq} order: a live matching row as
 * {@code INSERT}, a matching tombstone as {@code DELETE}. The store keeps only the latest version of a row,
 * so a row that left the WHERE through an update after {@code fromSeq} is not reported.
 */
public final class LiveQueryManager implements LiveQueryControl, AutoCloseable {
    private final LiveQueryCompiler compiler;
    private final TableStores tables;
    private final KalamStore store;
    private final LiveQueryLimits limits;
    private final String nodeId;
    /** Subscriptions by the partition they read: (table, owner) for USER tables, (table, null) for SHARED. */
    private final Map<PartitionKey, List<Subscription>> byPartition = new ConcurrentHashMap<>();

    /** A table partition: one user's rows of a USER table, or a whole SHARED table (owner null). */
    private record PartitionKey(TableId table, UserId owner) {
        static PartitionKey of(Subscription sub) {
            return new PartitionKey(sub.query.table().id(), sub.query.table().type().isPerUser() ? sub.user : null);
        }
    }
    private final Map<String, Subscription> byLiveId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Subscription>> byConnection = new ConcurrentHashMap<>();
    /** Registered subscriptions per user, for the per-user limit; guarded by this manager's monitor. */
    private final Map<UserId, Integer> perUser = new HashMap<>();
    private final AutoCloseable feedSubscription;

    /**
     * @param compiler compiles subscription SQL
     * @param tables   table stores and the change feed
     * @param store    for snapshots
     * @param limits   subscription limits
     * @param nodeId   this server's node id, for {@code system.live_queries.node_id}
     */
    public LiveQueryManager(LiveQueryCompiler compiler, TableStores tables, KalamStore store, LiveQueryLimits limits,
                            String nodeId) {
        this.compiler = compiler;
        this.tables = tables;
        this.store = store;
        this.limits = limits;
        this.nodeId = nodeId;
        this.feedSubscription = tables.changes().subscribe(this::onCommitted);
    }

    /**
     * Subscribes: compiles the SQL, registers the subscription, then queues on {@code sink} the
     * {@link LiveEvent.Ack}, the first {@link LiveEvent.InitialBatch} (further ones on {@link #nextBatch})
     * and, once the initial data is complete, every matching change.
     *
     * @param session        the subscriber (user, role, namespace for unqualified names)
     * @param connectionId   the connection, unique on this server
     * @param subscriptionId the client's id, unique on the connection
     * @param sql            {@code SELECT <columns|*> FROM [ns.]t [WHERE …]}
     * @param options        paging, {@code last_rows} or resume
     * @param sink           where the events go
     * @return the live id ({@code connectionId-subscriptionId}) that {@code KILL LIVE QUERY} takes
     * @throws LiveQueryException INVALID_SUBSCRIPTION_ID (blank or duplicate id), SUBSCRIPTION_LIMIT_EXCEEDED,
     *                            or any error of {@link LiveQueryCompiler#compile}
     */
    public String subscribe(SqlSession session, String connectionId, String subscriptionId, String sql,
                            SubscriptionOptions options, LiveSink sink) {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new LiveQueryException(LiveErrorCode.INVALID_SUBSCRIPTION_ID, "The subscription id is empty");
        }
        LiveQuery query = compiler.compile(session, sql);
        Subscription sub = new Subscription(connectionId, subscriptionId, session.user(), query, options, sink,
                this::remove, System.currentTimeMillis());
        register(sub);
        try {
            readSnapshot(sub);
        } catch (RuntimeException e) {
            sub.abort();
            remove(sub);
            throw e;
        }
        return sub.liveId;
    }

    /**
     * {@code next_batch}: releases the next page of a subscription's initial data.
     *
     * @throws LiveQueryException NOT_FOUND for an unknown subscription, PROTOCOL if no page is pending
     */
    public void nextBatch(String connectionId, String subscriptionId) {
        find(connectionId, subscriptionId).nextBatch();
    }

    /**
     * Ends a subscription; nothing more is sent for it.
     *
     * @throws LiveQueryException NOT_FOUND for an unknown subscription
     */
    public void unsubscribe(String connectionId, String subscriptionId) {
        Subscription sub = find(connectionId, subscriptionId);
        sub.close(null);
        remove(sub);
    }

    /** Ends every subscription of a connection (it closed); unknown connections are ignored. */
    public void closeConnection(String connectionId) {
        Map<String, Subscription> subs = byConnection.get(connectionId);
        if (subs == null) {
            return;
        }
        for (Subscription sub : List.copyOf(subs.values())) {
            sub.close(null);
            remove(sub);
        }
    }

    /**
     * {@code KILL LIVE QUERY}: ends a subscription, sending its client an {@link LiveEvent.Error} with code
     * {@code UNAUTHORIZED} (the protocol has no dedicated code) naming who killed it.
     *
     * @throws KalamException NOT_FOUND for an unknown live id, PERMISSION_DENIED unless the caller owns it or
     *                        is dba/system
     */
    @Override
    public void kill(UserId caller, Role role, String liveId) {
        Subscription sub = byLiveId.get(liveId);
        if (sub == null) {
            throw new KalamException(ErrorCode.NOT_FOUND, "Live query not found: " + liveId);
        }
        if (!sub.user.equals(caller) && !role.atLeast(Role.DBA)) {
            throw new KalamException(ErrorCode.PERMISSION_DENIED, "Only the owner or a dba may kill live query "
                    + liveId);
        }
        sub.close(new LiveEvent.Error(sub.subscriptionId, LiveErrorCode.UNAUTHORIZED,
                "Live query " + liveId + " was killed by " + caller.value()));
        remove(sub);
    }

    @Override
    public void check(SqlSession session, String sql) {
        compiler.compile(session, sql);
    }

    @Override
    public List<String> liveIdsOn(TableId table) {
        return subscriptionsOn(table).stream().map(sub -> sub.liveId).toList();
    }

    @Override
    public void endAllOn(TableId table) {
        for (Subscription sub : subscriptionsOn(table)) {
            sub.close(new LiveEvent.Error(sub.subscriptionId, LiveErrorCode.NOT_FOUND,
                    "Table " + table + " was dropped"));
            remove(sub);
        }
    }

    private List<Subscription> subscriptionsOn(TableId table) {
        return byLiveId.values().stream().filter(sub -> sub.query.table().id().equals(table))
                .sorted(Comparator.comparingLong(sub -> sub.createdAtMillis)).toList();
    }

    /**
     * @return one row per subscription in the column order of {@code system.live_queries}: live_id,
     *         connection_id, subscription_id, namespace_id, table_name, user_id, query, options (JSON),
     *         status, created_at and last_update (epoch microseconds), changes (delivered), node_id
     */
    public List<Object[]> rows() {
        List<Object[]> out = new ArrayList<>();
        for (Subscription sub : byLiveId.values()) {
            out.add(sub.describe(nodeId));
        }
        out.sort(Comparator.comparing(r -> (String) r[0]));
        return out;
    }

    /** @return the number of registered subscriptions */
    public int size() {
        return byLiveId.size();
    }

    /** Stops listening to the change feed. */
    @Override
    public void close() {
        try {
            feedSubscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void register(Subscription sub) {
        Map<String, Subscription> onConnection = byConnection.computeIfAbsent(sub.connectionId,
                c -> new ConcurrentHashMap<>());
        if (onConnection.containsKey(sub.subscriptionId)) {
            throw new LiveQueryException(LiveErrorCode.INVALID_SUBSCRIPTION_ID, "Subscription id "
                    + sub.subscriptionId + " is already in use on this connection");
        }
        if (onConnection.size() >= limits.perConnection()) {
            throw new LiveQueryException(LiveErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED, "At most "
                    + limits.perConnection() + " subscriptions per connection");
        }
        if (perUser.getOrDefault(sub.user, 0) >= limits.perUser()) {
            throw new LiveQueryException(LiveErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED, "At most " + limits.perUser()
                    + " subscriptions per user");
        }
        onConnection.put(sub.subscriptionId, sub);
        byLiveId.put(sub.liveId, sub);
        perUser.merge(sub.user, 1, Integer::sum);
        byPartition.compute(PartitionKey.of(sub), (key, list) -> {
            List<Subscription> subs = list == null ? new CopyOnWriteArrayList<>() : list;
            subs.add(sub);
            return subs;
        });
    }

    private synchronized void remove(Subscription sub) {
        if (!byLiveId.remove(sub.liveId, sub)) {
            return;
        }
        perUser.computeIfPresent(sub.user, (user, n) -> n == 1 ? null : n - 1);
        Map<String, Subscription> onConnection = byConnection.get(sub.connectionId);
        if (onConnection != null) {
            onConnection.remove(sub.subscriptionId, sub);
            if (onConnection.isEmpty()) {
                byConnection.remove(sub.connectionId);
            }
        }
        byPartition.computeIfPresent(PartitionKey.of(sub), (key, list) -> {
            list.remove(sub);
            return list.isEmpty() ? null : list;
        });
    }

    private Subscription find(String connectionId, String subscriptionId) {
        Map<String, Subscription> onConnection = byConnection.get(connectionId);
        Subscription sub = onConnection == null ? null : onConnection.get(subscriptionId);
        if (sub == null) {
            throw new LiveQueryException(LiveErrorCode.NOT_FOUND, "No subscription " + subscriptionId
                    + " on this connection");
        }
        return sub;
    }

    private void readSnapshot(Subscription sub) {
        TableDefinition def = sub.query.table();
        TableStore table = tables.forTable(def);
        UserId owner = def.type().isPerUser() ? sub.user : null;
        Long from = sub.options.fromSeq();
        long mark = 0;
        List<StoredRow> rows = new ArrayList<>();
        try (StoreSnapshot snapshot = store.snapshot(); TableStore.RowScan scan = table.scan(owner, snapshot)) {
            while (scan.hasNext()) {
                StoredRow row = scan.next();
                mark = Math.max(mark, row.seq());
                if (from != null ? row.seq() > from && sub.query.matches(undeleted(row))
                        : sub.query.matches(row)) {
                    rows.add(row);
                }
            }
        }
        if (from != null) {
            rows.sort(Comparator.comparingLong(StoredRow::seq));
            List<LiveEvent.Change> resumed = new ArrayList<>();
            for (StoredRow row : rows) {
                Map<String, Object> values = sub.query.project(row);
                resumed.add(new LiveEvent.Change(sub.subscriptionId, row.deleted()
                        ? new LiveEvent.Delta(LiveEvent.ChangeType.DELETE, sub.query.schema(), List.of(),
                        List.of(values))
                        : new LiveEvent.Delta(LiveEvent.ChangeType.INSERT, sub.query.schema(), List.of(values),
                        List.of())));
            }
            sub.startResume(resumed, mark);
            return;
        }
        Integer lastRows = sub.options.lastRows();
        if (lastRows != null) {
            rows.sort(Comparator.comparingLong(StoredRow::seq));
            rows = rows.subList(Math.max(0, rows.size() - lastRows), rows.size());
        }
        List<Map<String, Object>> projected = new ArrayList<>(rows.size());
        for (StoredRow row : rows) {
            projected.add(sub.query.project(row));
        }
        sub.startSnapshot(projected, mark);
    }

    /** A tombstone's values as a live row, so that the WHERE can be evaluated on them. */
    private static StoredRow undeleted(StoredRow row) {
        return row.deleted() ? new StoredRow(row.schemaVersion(), row.seq(), false, row.values()) : row;
    }

    /**
     * Writer thread: routes a committed statement's changes to the subscriptions of their partition — one
     * map lookup per change, so the cost of a write does not grow with other users' subscriptions. Each
     * change is matched and projected once per query shape, not once per subscription.
     */
    private void onCommitted(List<RowChange> changes) {
        for (RowChange change : changes) {
            List<Subscription> subs = byPartition.get(new PartitionKey(change.table(), change.owner()));
            if (subs == null) {
                continue;
            }
            Map<Object, Optional<LiveEvent.Delta>> deltas = new HashMap<>();
            for (Subscription sub : subs) {
                try {
                    sub.onChange(change, deltas);
                } catch (RuntimeException e) {
                    sub.close(new LiveEvent.Error(sub.subscriptionId, LiveErrorCode.INVALID_SQL,
                            "The live query could not be evaluated on a changed row: " + e.getMessage()));
                    remove(sub);
                }
            }
        }
    }
}
