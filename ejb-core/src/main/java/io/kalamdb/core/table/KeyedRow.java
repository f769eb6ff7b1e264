package io.kalamdb.core.table;

import io.kalamdb.core.store.StoredRow;

/**
 * A row version with its primary key encoded by {@code KeyCodec} (without the {@code userId 0x00} prefix of
 * USER keys), so that rows from the hot store and from segments can be merged in key order.
 *
 * @param pkKey the encoded primary key; compare unsigned, byte by byte
 * @param row   the row version
 */
public record KeyedRow(byte[] pkKey, StoredRow row) {
}
