package io.kalamdb.core.model;

import java.util.Locale;

/** The kinds of table (DESIGN.md §1). */
public enum TableType {
    /** One logical table partitioned by user id; each caller sees only their partition. Soft deletes. */
    USER,
    /** One copy for everyone, guarded by an access level. Soft deletes. */
    SHARED,
    /** Ephemeral per-user events with a mandatory TTL; hard deletes; never flushed. */
    STREAM,
    /** A read-only {@code system.*} view. */
    SYSTEM;

    /** @return the wire spelling, e.g. {@code "user"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a type name in any case
     * @return the matching type (SYSTEM is not accepted)
     * @throws KalamException INVALID_SQL for anything else
     */
    public static TableType parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "USER" -> USER;
            case "SHARED" -> SHARED;
            case "STREAM" -> STREAM;
            default -> throw KalamException.invalidSql("Unknown table type '" + text
                    + "': expected USER, SHARED or STREAM");
        };
    }

    /** @return true if rows are partitioned by user id */
    public boolean isPerUser() {
        return this == USER || this == STREAM;
    }

    /**
     * @return true if DELETE writes tombstones (USER, SHARED), so that the table has the {@code _deleted}
     *         system column; false for STREAM tables (hard deletes, no {@code _deleted}) and SYSTEM views
     */
    public boolean hasSoftDeletes() {
        return this == USER || this == SHARED;
    }
}
