package io.kalamdb.core.model;

import java.util.Objects;

/**
 * The {@code WITH (…)} options of a table (DESIGN.md §4).
 *
 * @param storageId             storage holding the table's cold segments ({@code local} by default)
 * @param flushPolicy           e.g. {@code rows:1000,interval:60}; null for the server default
 * @param ttlSeconds            STREAM only: how long an event lives, in seconds; null otherwise
 * @param maxBuffer             STREAM only: the most events kept per user (a positive row count; inserting
 *                              beyond it evicts that user's oldest events); null for no cap
 * @param accessLevel           SHARED only: public, private, restricted or dba; null otherwise
 * @param deletedRetentionHours how long soft-deleted rows are kept before purge, in hours; null for default
 * @param useUserStorage        USER only: whether per-user storage overrides apply
 */
public record TableOptions(String storageId, String flushPolicy, Long ttlSeconds, Long maxBuffer,
                           String accessLevel, Integer deletedRetentionHours, boolean useUserStorage) {
    /** The built-in storage id. */
    public static final String LOCAL_STORAGE = "local";

    /** Normalises the storage id. */
    public TableOptions {
        storageId = Objects.requireNonNullElse(storageId, LOCAL_STORAGE);
    }

    /** @return the options of a table created with no {@code WITH} clause, for the given type */
    public static TableOptions defaults(TableType type) {
        return new TableOptions(LOCAL_STORAGE, null, null, null, type == TableType.SHARED ? "private" : null,
                null, false);
    }
}
