package io.kalamdb.core.cold;

/**
 * What a flush of one table did.
 *
 * @param partitions partitions (users of a USER table, or the SHARED table) that got a new segment
 * @param rows       rows written to Parquet (tombstones included)
 * @param bytes      bytes of Parquet written
 */
public record FlushResult(int partitions, long rows, long bytes) {
    /** @return this result plus one more partition's segment */
    FlushResult plus(long moreRows, long moreBytes) {
        return new FlushResult(partitions + 1, rows + moreRows, bytes + moreBytes);
    }
}
