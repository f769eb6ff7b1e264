package io.kalamdb.core.segment;

/**
 * What {@link SegmentWriter#finish()} wrote: the facts a segment manifest records about one file.
 *
 * @param rows          rows written (tombstones included)
 * @param fileBytes     length of the finished file in bytes
 * @param minSeq        smallest {@code _seq} in the file; 0 when {@code rows == 0}
 * @param maxSeq        largest {@code _seq} in the file; 0 when {@code rows == 0}
 * @param minPrimaryKey the first (smallest) primary-key value, canonical (Long or String); null when empty
 * @param maxPrimaryKey the last (largest) primary-key value, canonical; null when empty
 * @param rowGroups     number of Parquet row groups
 * @param schemaVersion the table schema version the rows are stored at
 */
public record SegmentInfo(long rows, long fileBytes, long minSeq, long maxSeq, Object minPrimaryKey,
                          Object maxPrimaryKey, int rowGroups, int schemaVersion) {
}
