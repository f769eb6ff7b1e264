package io.kalamdb.core.catalog;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.StoreBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Namespaces and table definitions with their schema history, persisted in {@code system_namespaces} and
 * {@code system_tables} and cached in memory. Every change bumps {@link #version()}, which plan caches key
 * on. Changes are serialised (DDL is rare); reads are lock-free.
 *
 * <p>{@code system_tables} keys: {@code text(ns) text(table) long(schemaVersion)} → the definition as JSON,
 * so a table's history is one contiguous range, oldest first.
 */
public final class Catalog {
    private final KalamStore store;
    private final Partition namespaces;
    private final Partition tables;
    private final Map<NamespaceId, NamespaceRecord> namespaceCache = new ConcurrentSkipListMap<>();
    private final Map<TableId, TableDefinition> tableCache = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /** Loads the catalog from the store. */
    public Catalog(KalamStore store) {
        this.store = store;
        this.namespaces = store.partition(KalamStore.SYSTEM_NAMESPACES);
        this.tables = store.partition(KalamStore.SYSTEM_TABLES);
        try (RangeScan scan = store.scan(namespaces, null, null, null)) {
            while (scan.hasNext()) {
                KeyValue kv = scan.next();
                NamespaceId id = new NamespaceId(new String(kv.key(), StandardCharsets.UTF_8));
                namespaceCache.put(id, new NamespaceRecord(id, Long.parseLong(
                        new String(kv.value(), StandardCharsets.UTF_8))));
            }
        }
        try (RangeScan scan = store.scan(tables, null, null, null)) {
            while (scan.hasNext()) {
                TableDefinition def = TableDefinitionCodec.decode(scan.next().value());
                tableCache.put(def.id(), def);
            }
        }
    }

    /** @return a counter that changes whenever any namespace or table definition changes */
    public long version() {
        return version.get();
    }

    /** @return all namespaces, by name */
    public List<NamespaceRecord> namespaces() {
        return List.copyOf(namespaceCache.values());
    }

    /** @return the namespace, if it exists */
    public Optional<NamespaceRecord> namespace(NamespaceId id) {
        return Optional.ofNullable(namespaceCache.get(id));
    }

    /**
     * @return the namespace
     * @throws KalamException NAMESPACE_NOT_FOUND if there is none
     */
    public NamespaceRecord requireNamespace(NamespaceId id) {
        return namespace(id).orElseThrow(() -> new KalamException(ErrorCode.NAMESPACE_NOT_FOUND,
                "Namespace '" + id + "' does not exist"));
    }

    /**
     * @param id        the new namespace
     * @param createdAt epoch milliseconds
     * @return true if created, false if it existed
     */
    public synchronized boolean createNamespace(NamespaceId id, long createdAt) {
        if (namespaceCache.containsKey(id)) {
            return false;
        }
        store.commit(store.newBatch().put(namespaces, id.value().getBytes(StandardCharsets.UTF_8),
                Long.toString(createdAt).getBytes(StandardCharsets.UTF_8)));
        namespaceCache.put(id, new NamespaceRecord(id, createdAt));
        version.incrementAndGet();
        return true;
    }

    /**
     * Removes a namespace record; its tables must have been dropped first.
     *
     * @throws KalamException SQL_EXECUTION_ERROR if tables remain
     */
    public synchronized void dropNamespace(NamespaceId id) {
        if (!tablesIn(id).isEmpty()) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Namespace " + id + " still has tables");
        }
        store.commit(store.newBatch().delete(namespaces, id.value().getBytes(StandardCharsets.UTF_8)));
        namespaceCache.remove(id);
        version.incrementAndGet();
    }

    /** @return the current definition of the table, if it exists */
    public Optional<TableDefinition> table(TableId id) {
        return Optional.ofNullable(tableCache.get(id));
    }

    /**
     * @return the current definition
     * @throws KalamException TABLE_NOT_FOUND if there is none
     */
    public TableDefinition requireTable(TableId id) {
        TableDefinition def = tableCache.get(id);
        if (def == null) {
            throw new KalamException(ErrorCode.TABLE_NOT_FOUND, "ERROR: relation \"" + id + "\" does not exist");
        }
        return def;
    }

    /** @return the tables of one namespace, by name */
    public List<TableDefinition> tablesIn(NamespaceId ns) {
        return tableCache.values().stream().filter(t -> t.id().namespace().equals(ns))
                .sorted(Comparator.comparing(TableDefinition::id)).toList();
    }

    /** @return every table, by namespace then name */
    public List<TableDefinition> allTables() {
        return tableCache.values().stream().sorted(Comparator.comparing(TableDefinition::id)).toList();
    }

    /**
     * Stores a new schema version of a table (version 1 creates it).
     *
     * @param def the definition; its schema version must be one more than the current one
     * @throws KalamException ALREADY_EXISTS when creating a table that exists, NAMESPACE_NOT_FOUND when its
     *                        namespace is missing, INTERNAL_ERROR on a version mismatch
     */
    public synchronized void putTable(TableDefinition def) {
        if (!namespaceCache.containsKey(def.id().namespace())) {
            throw new KalamException(ErrorCode.NAMESPACE_NOT_FOUND,
                    "Namespace '" + def.id().namespace() + "' does not exist");
        }
        TableDefinition current = tableCache.get(def.id());
        int expected = current == null ? 1 : current.schemaVersion() + 1;
        if (current != null && def.schemaVersion() == 1) {
            throw new KalamException(ErrorCode.ALREADY_EXISTS, "Table " + def.id() + " already exists");
        }
        if (def.schemaVersion() != expected) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Schema version " + def.schemaVersion()
                    + " of " + def.id() + " does not follow " + (expected - 1));
        }
        store.commit(store.newBatch().put(tables, versionKey(def.id(), def.schemaVersion()),
                TableDefinitionCodec.encode(def)));
        tableCache.put(def.id(), def);
        version.incrementAndGet();
    }

    /** Deletes a table's definition and its whole history; no-op if absent. */
    public synchronized void dropTable(TableId id) {
        byte[] prefix = tablePrefix(id);
        try (StoreBatch batch = store.newBatch(); RangeScan scan = store.scan(tables, prefix,
                KeyCodec.prefixEnd(prefix), null)) {
            scan.forEachRemaining(kv -> batch.delete(tables, kv.key()));
            store.commit(batch);
        }
        tableCache.remove(id);
        version.incrementAndGet();
    }

    /** @return every stored schema version of the table, oldest first (empty if it does not exist) */
    public List<TableDefinition> history(TableId id) {
        byte[] prefix = tablePrefix(id);
        List<TableDefinition> out = new ArrayList<>();
        try (RangeScan scan = store.scan(tables, prefix, KeyCodec.prefixEnd(prefix), null)) {
            scan.forEachRemaining(kv -> out.add(TableDefinitionCodec.decode(kv.value())));
        }
        return out;
    }

    private static byte[] tablePrefix(TableId id) {
        return KeyCodec.concat(KeyCodec.encodeText(id.namespace().value()), KeyCodec.encodeText(id.name().value()));
    }

    private static byte[] versionKey(TableId id, int schemaVersion) {
        return KeyCodec.concat(tablePrefix(id), KeyCodec.encodeLong(schemaVersion));
    }
}
