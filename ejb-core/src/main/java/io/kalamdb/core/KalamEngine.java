package io.kalamdb.core;

import io.kalamdb.core.audit.AuditLog;
import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.auth.AuthService;
import io.kalamdb.core.auth.PasswordHasher;
import io.kalamdb.core.auth.PasswordPolicy;
import io.kalamdb.core.auth.ServerSetup;
import io.kalamdb.core.auth.UserRepository;
import io.kalamdb.core.auth.UserService;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.cold.ColdStorage;
import io.kalamdb.core.cold.DeletedRetentionJob;
import io.kalamdb.core.cold.FlushPolicy;
import io.kalamdb.core.cold.FlushTableJob;
import io.kalamdb.core.cold.FlushTriggers;
import io.kalamdb.core.stats.EngineStats;
import io.kalamdb.core.jobs.JobCleanupJob;
import io.kalamdb.core.jobs.JobManager;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobType;
import io.kalamdb.core.jobs.UserCleanupJob;
import io.kalamdb.core.live.LiveQueryCompiler;
import io.kalamdb.core.live.LiveQueryLimits;
import io.kalamdb.core.live.LiveQueryManager;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.SqlEngine;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.storage.Storages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import java.util.function.LongSupplier;
import io.kalamdb.core.sql.calcite.KalamRootSchema;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.sql.exec.AlterTableHandler;
import io.kalamdb.core.sql.exec.DeleteHandler;
import io.kalamdb.core.sql.exec.DescribeHandler;
import io.kalamdb.core.sql.exec.ExpressionFallback;
import io.kalamdb.core.sql.exec.ExecuteAsHandler;
import io.kalamdb.core.sql.exec.ExpressionEvaluator;
import io.kalamdb.core.sql.exec.FlushHandler;
import io.kalamdb.core.sql.exec.InsertHandler;
import io.kalamdb.core.sql.exec.JobHandler;
import io.kalamdb.core.sql.exec.NamespaceHandler;
import io.kalamdb.core.sql.exec.PointLookup;
import io.kalamdb.core.sql.exec.QueryHandler;
import io.kalamdb.core.sql.exec.StatementAudit;
import io.kalamdb.core.sql.exec.StatsHandler;
import io.kalamdb.core.sql.exec.StorageHandler;
import io.kalamdb.core.sql.exec.TableDdlHandler;
import io.kalamdb.core.sql.exec.SubscribeHandler;
import io.kalamdb.core.sql.exec.TableResolver;
import io.kalamdb.core.sql.exec.UpdateHandler;
import io.kalamdb.core.sql.exec.UserHandler;
import io.kalamdb.core.sql.function.IdFunctions;
import io.kalamdb.core.sql.parser.KalamSqlParser;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.RowCodec;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import io.kalamdb.core.system.SystemViews;
import io.kalamdb.core.table.ChangeFeed;
import io.kalamdb.core.table.StreamEvictionJob;
import io.kalamdb.core.table.TableStore;
import io.kalamdb.core.table.TableStores;

/**
 * One KalamDB server's engine: opens the store, loads the catalog, storages and users, creates the
 * {@code default} namespace, the {@code local} storage and {@code root} on first start, and wires the SQL engine and authentication. Plain Java — the web layer owns its lifecycle and
 * closes it on shutdown. Thread-safe.
 *
 * <p>Jobs: the engine registers the work of {@code stream-eviction}, {@code job-cleanup} and
 * {@code user-cleanup}, and recovers jobs a stopped server left behind, but runs none until its owner starts a
 * launcher ({@code jobs().start(…)}); until then submitted jobs wait as {@code new}.
 */
public final class KalamEngine implements AutoCloseable {
    static final byte[] SEQ_HIGH_WATER = "seq_high_water".getBytes(StandardCharsets.UTF_8);

    private final KalamStore store;
    private final Catalog catalog;
    private final SqlEngine sql;
    private final AuthService auth;
    private final UserService users;
    private final ServerSetup setup;
    private final SnowflakeIdGenerator seq;
    private final TableStores tables;
    private final LiveQueryManager liveQueries;
    private final Storages storages;
    private final ColdStorage cold;
    private final FlushTriggers flushTriggers;
    private final EngineStats stats;
    private final EngineConfig config;
    private final JobManager jobs;
    private final StreamEvictionJob streamEviction;
    private final AuditLog audit;

    private KalamEngine(EngineConfig config, LiveQueryLimits liveLimits, LongSupplier clock) {
        this.config = config;
        PasswordPolicy passwords = new PasswordPolicy();
        if (config.rootPassword() != null && !config.rootPassword().isEmpty()) {
            passwords.check(UserId.ROOT, config.rootPassword());
        }
        Path storeDir = config.dataDir().resolve("rocksdb");
        this.store = KalamStore.open(storeDir, config.durability());
        this.catalog = new Catalog(store);
        catalog.createNamespace(NamespaceId.DEFAULT, System.currentTimeMillis());
        this.storages = new Storages(store, catalog, config.dataDir(), storeDir);
        this.seq = new SnowflakeIdGenerator(config.nodeId());
        observeHighestSeq(seq);
        IdFunctions.configure(seq);
        this.cold = new ColdStorage(store, storages, clock);
        this.tables = new TableStores(store, seq, clock, cold.reader());
        cold.attach(tables);
        AccessPolicy policy = new AccessPolicy();
        UserRepository userRepository = new UserRepository(store);
        PasswordHasher hasher = new PasswordHasher(config.bcryptCost());
        this.users = new UserService(userRepository, hasher, policy, passwords, clock);
        users.bootstrapRoot(config.rootPassword());
        this.audit = new AuditLog(store, seq, clock);
        this.auth = new AuthService(store, userRepository, hasher, config.tokens(), audit, Clock.systemUTC());
        this.setup = new ServerSetup(userRepository, hasher, passwords, audit, clock);
        this.jobs = new JobManager(store, seq, policy, config.nodeId(), clock);
        jobs.recoverAfterRestart();
        this.streamEviction = new StreamEvictionJob(catalog, tables, clock);
        jobs.register(JobType.STREAM_EVICTION, streamEviction);
        jobs.register(JobType.JOB_CLEANUP, new JobCleanupJob(jobs, clock));
        jobs.register(JobType.USER_CLEANUP, new UserCleanupJob(users, clock));
        this.flushTriggers = new FlushTriggers(catalog, tables.changes(), clock);
        jobs.register(JobType.FLUSH_TABLE, new FlushTableJob(catalog, cold.flusher(), flushTriggers));
        jobs.register(JobType.DELETED_RETENTION, new DeletedRetentionJob(catalog, cold.retention()));

        SystemViews views = new SystemViews(catalog, userRepository, storages::list, this::liveQueryRows,
                jobs::list, this::statsMetrics, audit::entries);
        QueryPlanner planner = new QueryPlanner(catalog, new KalamRootSchema(catalog, tables, views, policy));
        this.liveQueries = new LiveQueryManager(new LiveQueryCompiler(planner, policy, catalog), tables, store,
                liveLimits, Integer.toString(config.nodeId()));
        this.stats = new EngineStats(catalog, store, cold, jobs, liveQueries, clock);
        TableResolver resolver = new TableResolver(catalog, views);
        ExpressionEvaluator evaluator = new ExpressionEvaluator(new ExpressionFallback(planner));
        this.sql = new SqlEngine(planner, new QueryHandler(planner),
                new PointLookup(catalog, resolver, policy, tables),
                new InsertHandler(resolver, policy, tables, evaluator, planner, KalamSqlParser::parseExpression),
                new UpdateHandler(resolver, policy, tables, planner),
                new DeleteHandler(resolver, policy, tables, planner),
                new NamespaceHandler(catalog, tables, policy),
                new TableDdlHandler(catalog, tables, resolver, policy, evaluator, liveQueries, storages),
                new AlterTableHandler(catalog, resolver, policy, evaluator, tables),
                new DescribeHandler(catalog, resolver),
                new UserHandler(users), liveQueries, new SubscribeHandler(resolver, liveQueries),
                new FlushHandler(catalog, resolver, policy, jobs), new StorageHandler(storages, views, policy),
                new JobHandler(jobs), new StatsHandler(stats, catalog, resolver, policy),
                new StatementAudit(audit, resolver), new ExecuteAsHandler(userRepository, audit));
        int orphans = cold.sweepOrphans(catalog);
        if (orphans > 0) {
            Logger.getLogger(KalamEngine.class.getName()).info(() -> "Removed " + orphans
                    + " segment file(s) no manifest names (a flush was interrupted)");
        }
    }

    /**
     * Opens (or creates) the engine's data under {@code config.dataDir()}.
     *
     * @throws io.kalamdb.core.model.KalamException INTERNAL_ERROR if the store cannot be opened; INVALID_PARAMETER if
     *                                              the configured root password breaks the {@link PasswordPolicy}
     */
    public static KalamEngine open(EngineConfig config) {
        return new KalamEngine(config, LiveQueryLimits.defaults(), System::currentTimeMillis);
    }

    /**
     * Opens (or creates) the engine's data under {@code config.dataDir()}, with non-default live-query limits.
     *
     * @throws io.kalamdb.core.model.KalamException INTERNAL_ERROR if the store cannot be opened; INVALID_PARAMETER if
     *                                              the configured root password breaks the {@link PasswordPolicy}
     */
    public static KalamEngine open(EngineConfig config, LiveQueryLimits liveLimits) {
        return new KalamEngine(config, liveLimits, System::currentTimeMillis);
    }

    /**
     * Opens (or creates) the engine's data under {@code config.dataDir()}, on a given clock: for tests and tools
     * that control time.
     *
     * @param clock the time STREAM TTLs, user and job timestamps, and job retention periods are measured against,
     *              epoch milliseconds ({@code _seq} values, tokens and catalog times still use the system clock)
     * @throws io.kalamdb.core.model.KalamException INTERNAL_ERROR if the store cannot be opened; INVALID_PARAMETER if
     *                                              the configured root password breaks the {@link PasswordPolicy}
     */
    public static KalamEngine open(EngineConfig config, LiveQueryLimits liveLimits, LongSupplier clock) {
        return new KalamEngine(config, liveLimits, clock);
    }

    /**
     * Plans and runs a few representative queries against the system views so that Calcite's planner,
     * Janino code generation and the JIT are warm before the first client query (a cold first query costs
     * seconds). Reads only; changes nothing.
     */
    public void warmUp() {
        SqlSession root = new SqlSession(UserId.ROOT, Role.SYSTEM, NamespaceId.DEFAULT);
        for (String query : WARM_UP_QUERIES) {
            sql.execute(root, query, List.of());
        }
    }

    private static final List<String> WARM_UP_QUERIES = List.of(
            "SELECT * FROM system.tables WHERE table_name = 'warm_up' ORDER BY table_id LIMIT 1",
            "SELECT namespace_id, COUNT(*) AS n FROM system.tables GROUP BY namespace_id HAVING COUNT(*) > 1",
            "SELECT t.table_name, c.column_name FROM system.tables t JOIN system.columns c ON t.table_id = c.table_id"
                    + " WHERE c.ordinal_position = 1",
            "SELECT user_id FROM system.users WHERE user_id IN (SELECT namespace_id FROM system.namespaces)");

    /** @return the SQL entry point */
    public SqlEngine sql() {
        return sql;
    }

    /** @return login, refresh and token verification */
    public AuthService auth() {
        return auth;
    }

    /** @return user lookups and lifecycle */
    public UserService users() {
        return users;
    }

    /**
     * Deletes the expired events of every STREAM table (TTL_SECONDS before {@code nowMillis}); reads never
     * return expired events anyway, so this only reclaims space. The server does it in scheduled
     * {@code stream-eviction} jobs.
     *
     * @param nowMillis the current time, epoch milliseconds
     * @return the number of events deleted
     */
    public int evictExpiredStreamRows(long nowMillis) {
        return streamEviction.evictAll(nowMillis);
    }

    /** @return the first-run setup (root's password and a first dba user) */
    public ServerSetup setup() {
        return setup;
    }

    /** @return the append-only audit log ({@code system.audit_log}) */
    public AuditLog audit() {
        return audit;
    }

    /** @return the jobs: submit, run, kill, list ({@code system.jobs}) */
    public JobManager jobs() {
        return jobs;
    }

    /** @return the committed-change stream (live queries subscribe to it) */
    public ChangeFeed changes() {
        return tables.changes();
    }

    /** @return the live queries: subscriptions, initial data and change routing */
    public LiveQueryManager liveQueries() {
        return liveQueries;
    }

    /** The rows of {@code system.live_queries}; the views are built before the manager, so bound late. */
    private List<Object[]> liveQueryRows() {
        return liveQueries.rows();
    }

    /** @return the storages: definitions, backends and the cold-file directory of each table */
    public Storages storages() {
        return storages;
    }

    /**
     * Submits a {@code flush-table} job for every table whose FLUSH_POLICY has come due (rows written or
     * time since its last flush); a table whose flush is still queued or running is not submitted twice.
     *
     * @param defaults the server's policy for what a table's FLUSH_POLICY leaves out
     * @return the jobs submitted (or already running) for the due tables
     */
    public List<JobRecord> submitDueFlushes(FlushPolicy defaults) {
        return flushTriggers.due(defaults).stream().map(t -> FlushHandler.submit(jobs, t.id())).toList();
    }

    private List<Object[]> statsMetrics() {
        return stats.metrics();
    }

    /** @return the cold tier: flushes, manifests, segment read counters */
    public ColdStorage cold() {
        return cold;
    }

    /** @return the underlying store (checkpoints, statistics) */
    public KalamStore store() {
        return store;
    }

    /** @return the configuration the engine was opened with */
    public EngineConfig config() {
        return config;
    }

    /** @return the catalog (for health and statistics) */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Makes new {@code _seq} values exceed every stored one, so row versions stay monotonic across a restart
     * even if the clock moved back. A clean shutdown leaves the next id in {@code system_meta}; it is taken
     * (and removed, so that a later crash is noticed) at start. Without it — after a crash — every table's
     * rows are scanned for the highest {@code _seq}.
     */
    private void observeHighestSeq(SnowflakeIdGenerator seq) {
        Partition meta = store.partition(KalamStore.SYSTEM_META);
        byte[] mark = store.get(meta, SEQ_HIGH_WATER);
        if (mark != null) {
            seq.observe(KeyCodec.decodeLong(mark, 0));
            store.commit(store.newBatch().delete(meta, SEQ_HIGH_WATER));
            return;
        }
        for (TableDefinition def : catalog.allTables()) {
            try (RangeScan scan = store.scan(store.partition(TableStore.partitionName(def.id(), def.type())),
                    null, null, null)) {
                while (scan.hasNext()) {
                    KeyValue kv = scan.next();
                    seq.observe(RowCodec.seqOf(kv.value()));
                }
            }
        }
    }

    /** Stops live queries and closes the store (flushing the WAL). */
    @Override
    public void close() {
        liveQueries.close();
        flushTriggers.close();
        store.commit(store.newBatch().put(store.partition(KalamStore.SYSTEM_META), SEQ_HIGH_WATER,
                KeyCodec.encodeLong(seq.nextId())));
        store.close();
    }
}
