package io.kalamdb.core.segment;

import io.kalamdb.core.store.StoredRow;

/**
 * One row read from a segment file.
 *
 * @param primaryKey the row's primary-key value, canonical (Long for BIGINT, String for TEXT)
 * @param row        the stored row: the file's schema version, {@code _seq}, {@code _deleted} and the values
 *                   by column id, as written (apply {@code SchemaEvolution} to read them as the current schema)
 */
public record SegmentRow(Object primaryKey, StoredRow row) {
}
