package io.kalamdb.core.sql.exec;

import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableOptions;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.storage.StorageId;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the {@code WITH (…)} options of CREATE TABLE and the properties of ALTER TABLE … SET
 * TBLPROPERTIES (DESIGN.md §4): known keys only; {@code TTL_SECONDS} required for STREAM and refused
 * otherwise; {@code MAX_BUFFER} (a positive row count) only on STREAM; {@code ACCESS_LEVEL} (public, private,
 * restricted, dba) only on SHARED; {@code FLUSH_POLICY} as {@code rows:N}, {@code interval:S} or both;
 * {@code STORAGE_ID} must be a valid storage id (that the storage exists is checked when the table is created)
 * and cannot change on ALTER.
 */
final class TableOptionsParser {
    private static final Set<String> KEYS = Set.of("TYPE", "STORAGE_ID", "FLUSH_POLICY", "TTL_SECONDS",
            "MAX_BUFFER", "ACCESS_LEVEL", "DELETED_RETENTION_HOURS", "USE_USER_STORAGE");
    private static final Set<String> ACCESS_LEVELS = Set.of("public", "private", "restricted", "dba");
    private static final Pattern FLUSH_POLICY = Pattern.compile(
            "(rows:[1-9][0-9]*|interval:[1-9][0-9]*)(,(rows:[1-9][0-9]*|interval:[1-9][0-9]*))?");

    private TableOptionsParser() {
    }

    /**
     * @param type    the table type
     * @param base    the options to start from (defaults for CREATE, the current ones for ALTER)
     * @param options keys (upper case) and literal values; TYPE is ignored here
     * @param create  true for CREATE (TTL_SECONDS then required for STREAM)
     * @return the validated options
     * @throws KalamException INVALID_SQL naming the offending option
     */
    static TableOptions parse(TableType type, TableOptions base, Map<String, Object> options, boolean create) {
        String storage = base.storageId();
        String flush = base.flushPolicy();
        Long ttl = base.ttlSeconds();
        Long maxBuffer = base.maxBuffer();
        String access = base.accessLevel();
        Integer retention = base.deletedRetentionHours();
        boolean userStorage = base.useUserStorage();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            String key = e.getKey().toUpperCase(Locale.ROOT);
            Object v = e.getValue();
            if (!KEYS.contains(key)) {
                throw KalamException.invalidSql("Unknown table option '" + e.getKey() + "'; known options: "
                        + "TYPE, STORAGE_ID, FLUSH_POLICY, TTL_SECONDS, MAX_BUFFER, ACCESS_LEVEL, "
                        + "DELETED_RETENTION_HOURS, USE_USER_STORAGE");
            }
            switch (key) {
                case "STORAGE_ID" -> {
                    String named = new StorageId(String.valueOf(v)).value();
                    if (!create && !named.equals(storage)) {
                        throw KalamException.invalidSql("The storage of a table cannot be changed (it is '"
                                + storage + "')");
                    }
                    storage = named;
                }
                case "FLUSH_POLICY" -> {
                    flush = String.valueOf(v).replace(" ", "").toLowerCase(Locale.ROOT);
                    if (!FLUSH_POLICY.matcher(flush).matches()) {
                        throw KalamException.invalidSql("Invalid FLUSH_POLICY '" + v
                                + "': use 'rows:N', 'interval:SECONDS' or 'rows:N,interval:SECONDS'");
                    }
                }
                case "TTL_SECONDS" -> {
                    if (type != TableType.STREAM) {
                        throw KalamException.invalidSql("TTL_SECONDS is only allowed on STREAM tables");
                    }
                    ttl = positive(key, v);
                }
                case "MAX_BUFFER" -> {
                    if (type != TableType.STREAM) {
                        throw KalamException.invalidSql("MAX_BUFFER is only allowed on STREAM tables");
                    }
                    maxBuffer = positive(key, v);
                }
                case "ACCESS_LEVEL" -> {
                    if (type != TableType.SHARED) {
                        throw KalamException.invalidSql("ACCESS_LEVEL is only allowed on SHARED tables");
                    }
                    access = String.valueOf(v).toLowerCase(Locale.ROOT);
                    if (!ACCESS_LEVELS.contains(access)) {
                        throw KalamException.invalidSql("Invalid ACCESS_LEVEL '" + v
                                + "': use public, private, restricted or dba");
                    }
                }
                case "DELETED_RETENTION_HOURS" -> retention = Math.toIntExact(positive(key, v));
                case "USE_USER_STORAGE" -> {
                    if (type != TableType.USER) {
                        throw KalamException.invalidSql("USE_USER_STORAGE is only allowed on USER tables");
                    }
                    userStorage = v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
                }
                default -> { }
            }
        }
        if (create && type == TableType.STREAM && ttl == null) {
            throw KalamException.invalidSql("STREAM tables require TTL_SECONDS, e.g. WITH (TTL_SECONDS = 3600)");
        }
        return new TableOptions(storage, flush, ttl, maxBuffer, access, retention, userStorage);
    }

    private static long positive(String key, Object v) {
        long n;
        try {
            n = v instanceof Number num ? new BigDecimal(num.toString()).longValueExact()
                    : Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw KalamException.invalidSql(key + " must be a whole number, got '" + v + "'");
        }
        if (n <= 0) {
            throw KalamException.invalidSql(key + " must be positive, got " + n);
        }
        return n;
    }
}
