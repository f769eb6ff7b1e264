package io.kalamdb.core.store;

import org.rocksdb.ColumnFamilyHandle;

/**
 * A RocksDB column family: {@code system_*} for catalog state, {@code user:<ns>:<t>},
 * {@code shared:<ns>:<t>}, {@code stream:<ns>:<t>} for tables (DESIGN.md §3).
 *
 * @param name   the column family name
 * @param handle the open handle, owned by {@link KalamStore}
 */
public record Partition(String name, ColumnFamilyHandle handle) {
}
