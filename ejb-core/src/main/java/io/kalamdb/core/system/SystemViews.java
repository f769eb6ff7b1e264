package io.kalamdb.core.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.audit.AuditEntry;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.auth.UserRepository;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.catalog.NamespaceRecord;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.model.ColumnDefault;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableName;
import io.kalamdb.core.model.TableOptions;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.storage.StorageDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog views: {@code system.users} (never the password hash), {@code system.namespaces},
 * {@code system.tables}, {@code system.columns}, {@code system.storages} (credentials masked),
 * {@code system.live_queries} (alias {@code system.live}), {@code system.jobs}, {@code system.audit_log},
 * {@code information_schema.tables} and
 * {@code information_schema.columns}. Times are TIMESTAMP (epoch microseconds).
 */
public final class SystemViews {
    /** {@code system.storages}; {@code SHOW STORAGES} returns its rows. */
    public static final TableId STORAGES = new TableId(NamespaceId.SYSTEM, new TableName("storages"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Index of {@code user_id} in {@code system.live_queries}. */
    private static final int LIVE_QUERIES_OWNER = 5;

    private final Catalog catalog;
    private final Map<TableId, SystemView> views = new LinkedHashMap<>();

    /**
     * @param catalog namespaces and tables
     * @param users       the user records
     * @param storages    the storages, in {@code system.storages} order ({@code local} first, then by id)
     * @param liveQueries the rows of {@code system.live_queries} (and its alias {@code system.live}), one per
     *                    subscription, in that view's column order
     * @param jobs        the recorded jobs ({@code system.jobs}), oldest first
     * @param stats       the rows of {@code system.stats}
     * @param audit       the audit log's entries ({@code system.audit_log}), oldest first
     */
    public SystemViews(Catalog catalog, UserRepository users, Supplier<List<StorageDefinition>> storages,
                       Supplier<List<Object[]>> liveQueries, Supplier<List<JobRecord>> jobs,
                       Supplier<List<Object[]>> stats, Supplier<List<AuditEntry>> audit) {
        this.catalog = catalog;
        add(NamespaceId.SYSTEM, "users", cols("user_id TEXT", "username TEXT", "role TEXT", "email TEXT",
                "auth_type TEXT", "storage_mode TEXT", "storage_id TEXT", "created_at TIMESTAMP",
                "updated_at TIMESTAMP", "last_seen TIMESTAMP", "deleted_at TIMESTAMP", "last_login_at TIMESTAMP"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (UserRecord u : users.all()) {
                        rows.add(new Object[] {u.id().value(), u.id().value(), u.role().wireName(), u.email(),
                            "password", "table", null, micros(u.createdAt()), micros(u.updatedAt()),
                            micros(u.lastSeen()), micros(u.deletedAt()), micros(u.lastLoginAt())});
                    }
                    return rows;
                });
        add(NamespaceId.SYSTEM, "namespaces", cols("namespace_id TEXT", "name TEXT", "table_count INT",
                "created_at TIMESTAMP"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (NamespaceRecord ns : catalog.namespaces()) {
                        rows.add(new Object[] {ns.id().value(), ns.id().value(), catalog.tablesIn(ns.id()).size(),
                            micros(ns.createdAt())});
                    }
                    return rows;
                });
        add(NamespaceId.SYSTEM, "tables", cols("table_id TEXT", "namespace_id TEXT", "table_name TEXT",
                "table_type TEXT", "storage_id TEXT", "flush_policy TEXT", "ttl_seconds BIGINT",
                "max_buffer BIGINT", "access_level TEXT", "schema_version INT", "created_at TIMESTAMP",
                "updated_at TIMESTAMP"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (TableDefinition t : catalog.allTables()) {
                        TableOptions o = t.options();
                        rows.add(new Object[] {t.id().toString(), t.id().namespace().value(), t.id().name().value(),
                            t.type().wireName(), o.storageId(), o.flushPolicy(), o.ttlSeconds(), o.maxBuffer(),
                            o.accessLevel(), t.schemaVersion(), micros(t.createdAt()), micros(t.updatedAt())});
                    }
                    return rows;
                });
        add(NamespaceId.SYSTEM, "columns", cols("table_id TEXT", "namespace_id TEXT", "table_name TEXT",
                "column_name TEXT", "ordinal_position INT", "data_type TEXT", "is_nullable BOOLEAN",
                "is_primary_key BOOLEAN", "default_value TEXT", "comment TEXT"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (TableDefinition t : catalog.allTables()) {
                        for (ColumnDefinition c : t.columns()) {
                            rows.add(new Object[] {t.id().toString(), t.id().namespace().value(),
                                t.id().name().value(), c.name(), c.ordinal(), c.dataType().sqlName(), c.nullable(),
                                c.primaryKey(), c.defaultValue().sql(), c.comment()});
                        }
                    }
                    return rows;
                });
        add(NamespaceId.SYSTEM, STORAGES.name().value(), cols("storage_id TEXT", "storage_name TEXT",
                "description TEXT", "storage_type TEXT", "base_directory TEXT", "credentials TEXT",
                "shared_tables_template TEXT", "user_tables_template TEXT", "created_at TIMESTAMP",
                "updated_at TIMESTAMP"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (StorageDefinition s : storages.get()) {
                        rows.add(new Object[] {s.id().value(), s.id().value(), s.description(), s.type().wireName(),
                            s.basePath(), s.maskedCredentials(), s.sharedTablesTemplate().text(),
                            s.userTablesTemplate().text(), micros(s.createdAt()), micros(s.updatedAt())});
                    }
                    return rows;
                });
        List<ColumnDefinition> live = cols("live_id TEXT", "connection_id TEXT", "subscription_id TEXT",
                "namespace_id TEXT", "table_name TEXT", "user_id TEXT", "query TEXT", "options TEXT", "status TEXT",
                "created_at TIMESTAMP", "last_update TIMESTAMP", "changes BIGINT", "node_id TEXT");
        add(NamespaceId.SYSTEM, "live_queries", live, liveQueries, LIVE_QUERIES_OWNER);
        add(NamespaceId.SYSTEM, "live", live, liveQueries, LIVE_QUERIES_OWNER);
        add(NamespaceId.SYSTEM, "jobs", cols("job_id TEXT", "job_type TEXT", "status TEXT", "namespace_id TEXT",
                "table_name TEXT", "parameters TEXT", "message TEXT", "exception_trace TEXT", "progress DOUBLE",
                "created_at TIMESTAMP", "started_at TIMESTAMP", "finished_at TIMESTAMP", "node_id TEXT",
                "memory_used BIGINT", "cpu_used BIGINT"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (JobRecord j : jobs.get()) {
                        rows.add(new Object[] {j.id().value(), j.type().wireName(), j.status().wireName(),
                            j.table() == null ? null : j.table().namespace().value(),
                            j.table() == null ? null : j.table().name().value(), json(j.parameters()), j.message(),
                            j.exceptionTrace(), j.progress(), micros(j.createdAt()), micros(j.startedAt()),
                            micros(j.finishedAt()), j.nodeId(), j.memoryUsed(), j.cpuUsed()});
                    }
                    return rows;
                });
        add(NamespaceId.SYSTEM, "audit_log", cols("audit_id TEXT", "timestamp TIMESTAMP", "actor_user_id TEXT",
                "action TEXT", "target TEXT", "details TEXT", "ip_address TEXT", "subject_user_id TEXT"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (AuditEntry e : audit.get()) {
                        rows.add(new Object[] {Long.toString(e.auditId()), micros(e.timestampMillis()),
                            e.actor() == null ? null : e.actor().value(), e.action().wireName(), e.target(),
                            e.details(), e.ipAddress(), e.subject() == null ? null : e.subject().value()});
                    }
                    return rows;
                });
        add(NamespaceId.SYSTEM, "stats", cols("metric_name TEXT", "metric_value BIGINT"), stats);
        add(NamespaceId.INFORMATION_SCHEMA, "tables", cols("table_catalog TEXT", "table_schema TEXT",
                "table_name TEXT", "table_type TEXT"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (TableDefinition t : allWithViews()) {
                        rows.add(new Object[] {"kalamdb", t.id().namespace().value(), t.id().name().value(),
                            t.type() == TableType.SYSTEM ? "VIEW" : "BASE TABLE"});
                    }
                    return rows;
                });
        add(NamespaceId.INFORMATION_SCHEMA, "columns", cols("table_catalog TEXT", "table_schema TEXT",
                "table_name TEXT", "column_name TEXT", "ordinal_position INT", "data_type TEXT", "is_nullable TEXT",
                "column_default TEXT"), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (TableDefinition t : allWithViews()) {
                        for (ColumnDefinition c : t.columns()) {
                            rows.add(new Object[] {"kalamdb", t.id().namespace().value(), t.id().name().value(),
                                c.name(), c.ordinal(), c.dataType().sqlName(), c.nullable() ? "YES" : "NO",
                                c.defaultValue().sql()});
                        }
                    }
                    return rows;
                });
    }

    /** @return the view, if {@code id} names one */
    public Optional<SystemView> view(TableId id) {
        return Optional.ofNullable(views.get(id));
    }

    /** @return the views of a reserved namespace, by name */
    public List<SystemView> viewsIn(NamespaceId ns) {
        return views.values().stream().filter(v -> v.definition().id().namespace().equals(ns)).toList();
    }

    private List<TableDefinition> allWithViews() {
        List<TableDefinition> all = new ArrayList<>(catalog.allTables());
        views.values().forEach(v -> all.add(v.definition()));
        return all;
    }

    private void add(NamespaceId ns, String name, List<ColumnDefinition> columns, Supplier<List<Object[]>> rows) {
        add(ns, name, columns, rows, -1);
    }

    private void add(NamespaceId ns, String name, List<ColumnDefinition> columns, Supplier<List<Object[]>> rows,
                     int ownerColumn) {
        TableId id = new TableId(ns, new TableName(name));
        views.put(id, new SystemView(new TableDefinition(id, TableType.SYSTEM, columns,
                TableOptions.defaults(TableType.SYSTEM), 1, columns.size(), 0, 0), rows, ownerColumn));
    }

    private static List<ColumnDefinition> cols(String... specs) {
        List<ColumnDefinition> out = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split(" ");
            out.add(new ColumnDefinition(out.size(), p[0], out.size() + 1, KalamDataType.fromSql(p[1], List.of()),
                    true, false, ColumnDefault.NONE, null));
        }
        return out;
    }

    /** @return a JSON object of string values, e.g. {@code {"retention_days":"30"}} */
    private static String json(Map<String, String> values) {
        ObjectNode object = JSON.createObjectNode();
        values.forEach(object::put);
        return object.toString();
    }

    private static Long micros(Long millis) {
        return millis == null ? null : millis * 1000L;
    }
}
