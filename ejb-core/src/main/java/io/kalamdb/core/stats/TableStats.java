package io.kalamdb.core.stats;

import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableType;

/**
 * Storage figures of one table, as {@code SHOW STATS} reports them.
 *
 * @param table          the table
 * @param type           USER, SHARED or STREAM
 * @param hotRows        rows in the hot store: RocksDB's key-count estimate for the table's column family
 *                       (versions not yet compacted away may be counted)
 * @param hotBytes       bytes of the column family's SST files (the memtable not included)
 * @param coldRows       rows in Parquet segments (tombstones and versions superseded by newer ones included)
 * @param segments       Parquet segment files
 * @param coldBytes      bytes of those files
 * @param partitions     partitions with segments (users of a USER table; 1 for a flushed SHARED table)
 */
public record TableStats(TableId table, TableType type, long hotRows, long hotBytes, long coldRows, long segments,
                         long coldBytes, long partitions) {
}
