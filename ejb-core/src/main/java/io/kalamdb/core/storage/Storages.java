package io.kalamdb.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The storages of one engine ({@code system.storages}): definitions persisted in the {@code system_storages}
 * column family and cached in memory, the backend of each, and the directory of a table's (or one user's) cold
 * files. Creates the built-in {@code local} storage — filesystem, base directory {@code <data>/storage},
 * default templates — on first open. Credentials are stored encrypted ({@link CredentialCipher}); definitions
 * written before that are re-encrypted on open.
 *
 * <p>A storage cannot be dropped, nor its PATH or templates changed, while a table names it in
 * {@code STORAGE_ID}; {@code local} can never be dropped. Changes are serialised (storage DDL is rare); reads
 * are lock-free. Query plans do not depend on storages, so changes do not touch the catalog version.
 */
public final class Storages {
    /** How many table names an "in use" refusal lists. */
    static final int NAMED_TABLES = 10;
    /** The key file of {@link CredentialCipher}, in the data directory. */
    public static final String CREDENTIALS_KEY_FILE = "credentials.key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KalamStore store;
    private final Catalog catalog;
    private final Path dataDir;
    private final Path storeDir;
    private final Partition partition;
    private final CredentialCipher cipher;
    private final Map<StorageId, StorageDefinition> cache = new ConcurrentHashMap<>();

    /**
     * Loads the storages and creates {@code local} (and its directory) if it does not exist yet.
     *
     * @param store    the store holding {@code system_storages}
     * @param catalog  the tables, to find those that use a storage
     * @param dataDir  the data directory; relative base paths resolve against it
     * @param storeDir the RocksDB directory, which no storage may overlap
     * @throws KalamException SQL_EXECUTION_ERROR if {@code <data>/storage} cannot be created
     */
    public Storages(KalamStore store, Catalog catalog, Path dataDir, Path storeDir) {
        this.store = store;
        this.catalog = catalog;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.storeDir = storeDir.toAbsolutePath().normalize();
        this.partition = store.partition(KalamStore.SYSTEM_STORAGES);
        this.cipher = CredentialCipher.open(this.dataDir.resolve(CREDENTIALS_KEY_FILE));
        List<StorageDefinition> plaintext = new ArrayList<>();
        try (RangeScan scan = store.scan(partition, null, null, null)) {
            while (scan.hasNext()) {
                KeyValue kv = scan.next();
                StorageDefinition def = StorageDefinitionCodec.decode(kv.value(), cipher);
                cache.put(def.id(), def);
                if (StorageDefinitionCodec.storedInPlaintext(kv.value())) {
                    plaintext.add(def);
                }
            }
        }
        plaintext.forEach(this::put);
        if (!cache.containsKey(StorageId.LOCAL)) {
            long now = System.currentTimeMillis();
            create(new StorageDefinition(StorageId.LOCAL, StorageType.FILESYSTEM, "storage",
                    PathTemplate.parseShared(PathTemplate.DEFAULT_SHARED),
                    PathTemplate.parseUser(PathTemplate.DEFAULT_USER), "Local filesystem storage", null, now, now));
        }
    }

    /** @return the storage, if it exists */
    public Optional<StorageDefinition> find(StorageId id) {
        return Optional.ofNullable(cache.get(id));
    }

    /**
     * @return the storage
     * @throws KalamException NOT_FOUND if there is none of that id
     */
    public StorageDefinition get(StorageId id) {
        StorageDefinition def = cache.get(id);
        if (def == null) {
            throw new KalamException(ErrorCode.NOT_FOUND, "Storage '" + id + "' does not exist");
        }
        return def;
    }

    /** @return every storage: {@code local} first, then by id */
    public List<StorageDefinition> list() {
        return cache.values().stream().sorted(Comparator.comparing((StorageDefinition d) -> !d.id().isLocal())
                .thenComparing(StorageDefinition::id)).toList();
    }

    /**
     * @return the backend that reads and writes the storage's files (a {@link LocalFileStorage} over its base
     *         directory for {@code filesystem}); it reflects the storage as it is now
     * @throws KalamException NOT_FOUND if there is no storage of that id
     */
    public StorageBackend backend(StorageId id) {
        StorageDefinition def = get(id);
        return switch (def.type()) {
            case FILESYSTEM -> new LocalFileStorage(resolveBase(def.basePath()));
        };
    }

    /**
     * The directory of a table's cold files — for a USER or STREAM table, of one user's files: the table's
     * storage's template with the placeholders filled in ({@link PathTemplate#resolve}).
     *
     * @param table       the table; its {@code STORAGE_ID} names the storage
     * @param ownerOrNull the user whose files of a USER/STREAM table; null for a SHARED table
     * @return a '/'-separated path relative to the storage's base directory, for {@link #backend(StorageId)},
     *         e.g. {@code chat/messages/alice}
     * @throws KalamException           NOT_FOUND if the table's storage does not exist; INVALID_PARAMETER if
     *                                  the owner's id is too long for a directory name
     * @throws IllegalArgumentException for a SYSTEM view, or an owner that does not fit the table type
     */
    public String partitionPath(TableDefinition table, UserId ownerOrNull) {
        StorageDefinition storage = get(new StorageId(table.options().storageId()));
        PathTemplate template = switch (table.type()) {
            case SHARED -> storage.sharedTablesTemplate();
            case USER, STREAM -> storage.userTablesTemplate();
            case SYSTEM -> throw new IllegalArgumentException("The system view " + table.id() + " has no storage");
        };
        return template.resolve(table.id().namespace(), table.id().name(), ownerOrNull);
    }

    /** @return the tables whose {@code STORAGE_ID} is {@code id}, by namespace then name */
    public List<TableId> tablesUsing(StorageId id) {
        return catalog.allTables().stream().filter(t -> t.options().storageId().equals(id.value()))
                .map(TableDefinition::id).toList();
    }

    /**
     * Runs {@code action} — creating a table in the storage — while the storage exists and cannot be dropped.
     *
     * @param id     the storage the new table names
     * @param action what to run
     * @throws KalamException INVALID_SQL if the storage does not exist (nothing runs); whatever {@code action}
     *                        throws
     */
    public synchronized void whileExists(StorageId id, Runnable action) {
        if (!cache.containsKey(id)) {
            throw KalamException.invalidSql("Storage '" + id + "' does not exist");
        }
        action.run();
    }

    /**
     * Creates a storage and its base directory.
     *
     * @param def the storage; its credentials, if any, must be a JSON object (stored compacted)
     * @return the stored definition
     * @throws KalamException ALREADY_EXISTS if the id is taken; INVALID_SQL for an empty or URI PATH, a PATH that
     *                        overlaps the RocksDB directory, or credentials that are not a JSON object;
     *                        SQL_EXECUTION_ERROR if the base directory cannot be created
     */
    public synchronized StorageDefinition create(StorageDefinition def) {
        if (cache.containsKey(def.id())) {
            throw new KalamException(ErrorCode.ALREADY_EXISTS, "Storage '" + def.id() + "' already exists");
        }
        StorageDefinition checked = checked(def);
        createBaseDirectory(checked);
        put(checked);
        return checked;
    }

    /**
     * Changes a storage. Its id, type and creation time stay; its update time becomes {@code nowMillis}.
     *
     * @param id        the storage
     * @param change    computes the new definition from the current one
     * @param nowMillis the time of the change, epoch milliseconds
     * @return the stored definition
     * @throws KalamException NOT_FOUND if there is no such storage; SQL_EXECUTION_ERROR naming up to ten tables if
     *                        PATH or a template changes while tables use the storage; the errors of
     *                        {@link #create} for the new PATH and credentials
     */
    public synchronized StorageDefinition alter(StorageId id, UnaryOperator<StorageDefinition> change,
                                                long nowMillis) {
        StorageDefinition current = get(id);
        StorageDefinition changed = change.apply(current);
        StorageDefinition next = checked(new StorageDefinition(id, current.type(), changed.basePath(),
                changed.sharedTablesTemplate(), changed.userTablesTemplate(), changed.description(),
                changed.credentials(), current.createdAt(), nowMillis));
        boolean moves = !next.basePath().equals(current.basePath())
                || !next.sharedTablesTemplate().equals(current.sharedTablesTemplate())
                || !next.userTablesTemplate().equals(current.userTablesTemplate());
        if (moves) {
            List<TableId> using = tablesUsing(id);
            if (!using.isEmpty()) {
                throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Cannot change the PATH or templates of "
                        + "storage '" + id + "': " + usedBy(using) + "; only DESCRIPTION and CREDENTIALS can change");
            }
            createBaseDirectory(next);
        }
        put(next);
        return next;
    }

    /**
     * Removes a storage's definition; its directory and any files in it stay.
     *
     * @param id the storage
     * @return true if dropped, false if there was no such storage
     * @throws KalamException INVALID_SQL for {@code local}; SQL_EXECUTION_ERROR naming up to ten tables (and how
     *                        many more) while tables use it
     */
    public synchronized boolean drop(StorageId id) {
        if (id.isLocal()) {
            throw KalamException.invalidSql("The built-in storage 'local' cannot be dropped");
        }
        if (!cache.containsKey(id)) {
            return false;
        }
        List<TableId> using = tablesUsing(id);
        if (!using.isEmpty()) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Cannot drop storage '" + id + "': "
                    + usedBy(using) + "; drop them first");
        }
        store.commit(store.newBatch().delete(partition, key(id)));
        cache.remove(id);
        return true;
    }

    private void put(StorageDefinition def) {
        store.commit(store.newBatch().put(partition, key(def.id()), StorageDefinitionCodec.encode(def, cipher)));
        cache.put(def.id(), def);
    }

    private static byte[] key(StorageId id) {
        return id.value().getBytes(StandardCharsets.UTF_8);
    }

    private static String usedBy(List<TableId> tables) {
        String named = tables.stream().limit(NAMED_TABLES).map(TableId::toString).collect(Collectors.joining(", "));
        int more = tables.size() - NAMED_TABLES;
        return tables.size() + " table(s) use it (" + named + (more > 0 ? " and " + more + " more" : "") + ")";
    }

    /** Validates the base path and credentials; returns the definition with credentials compacted. */
    private StorageDefinition checked(StorageDefinition def) {
        resolveBase(def.basePath());
        String credentials = def.credentials() == null ? null : compactJsonObject(def.credentials());
        return new StorageDefinition(def.id(), def.type(), def.basePath(), def.sharedTablesTemplate(),
                def.userTablesTemplate(), def.description(), credentials, def.createdAt(), def.updatedAt());
    }

    /**
     * @return the absolute base directory of a PATH: as written if absolute, else below the data directory
     * @throws KalamException INVALID_SQL for an empty PATH, a URI, an invalid path, or one that is, contains or is
     *                        inside the RocksDB directory
     */
    private Path resolveBase(String basePath) {
        if (basePath.isBlank()) {
            throw KalamException.invalidSql("PATH must name a directory");
        }
        if (basePath.contains("://")) {
            throw KalamException.invalidSql("PATH '" + basePath + "' is a URI; a filesystem storage needs a "
                    + "directory, e.g. '/var/lib/kalamdb/archive' or 'archive' (below the data directory)");
        }
        Path base;
        try {
            base = dataDir.resolve(basePath).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw KalamException.invalidSql("PATH '" + basePath + "' is not a valid directory: " + e.getReason());
        }
        if (base.startsWith(storeDir) || storeDir.startsWith(base)) {
            throw KalamException.invalidSql("PATH '" + basePath + "' overlaps the RocksDB directory " + storeDir);
        }
        return base;
    }

    private void createBaseDirectory(StorageDefinition def) {
        try {
            Files.createDirectories(resolveBase(def.basePath()));
        } catch (IOException e) {
            throw new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Cannot create the directory of storage '"
                    + def.id() + "' (" + def.basePath() + "): " + e.getMessage(), e);
        }
    }

    private static String compactJsonObject(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw KalamException.invalidSql("CREDENTIALS must be a JSON object, e.g. '{\"access_key\": \"…\"}'");
        }
        return node.toString();
    }
}
