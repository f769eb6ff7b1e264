package io.kalamdb.core.cold;

/**
 * One flushed Parquet file of a table partition, as its manifest records it.
 *
 * @param id            the segment number, increasing per partition; the file is {@code batch-<id>.parquet}
 * @param file          the file name within the partition's directory
 * @param rows          rows in the file (tombstones included)
 * @param bytes         file size in bytes
 * @param minSeq        smallest {@code _seq} in the file
 * @param maxSeq        largest {@code _seq} in the file
 * @param schemaVersion the table schema version the file was written with
 * @param minPk         smallest primary key (Long or String)
 * @param maxPk         largest primary key (Long or String)
 * @param createdAt     when the flush committed it, epoch milliseconds
 */
public record Segment(long id, String file, long rows, long bytes, long minSeq, long maxSeq, int schemaVersion,
                      Object minPk, Object maxPk, long createdAt) {

    /** @return the file name of segment {@code id}: {@code batch-<id>.parquet} */
    public static String fileName(long id) {
        return "batch-" + id + ".parquet";
    }

    /**
     * @param pk a primary-key value of the table's key type
     * @return whether {@code pk} lies within this segment's key range (so the file may hold it)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    boolean mayContain(Object pk) {
        Comparable key = (Comparable) pk;
        return key.compareTo(minPk) >= 0 && key.compareTo(maxPk) <= 0;
    }
}
