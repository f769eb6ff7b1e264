package io.kalamdb.core.segment;

/**
 * Row-group counts of a {@link SegmentReader}, cumulative over all its scans. A row group is counted when a
 * scan's iterator reaches it; {@code rowGroupsTotal = rowGroupsRead + rowGroupsSkippedByStatistics +
 * rowGroupsSkippedByBloomFilter}.
 *
 * @param rowGroupsTotal                row groups considered
 * @param rowGroupsRead                 row groups whose pages were read
 * @param rowGroupsSkippedByStatistics  row groups ruled out by min/max/null-count statistics: the row group's
 *                                      own, or its page index (no page can match), or the file's schema (a
 *                                      predicate on a column the file does not have, other than IS NULL)
 * @param rowGroupsSkippedByBloomFilter row groups ruled out by a bloom filter (EQ on the primary key)
 */
public record ScanCounters(long rowGroupsTotal, long rowGroupsRead, long rowGroupsSkippedByStatistics,
                           long rowGroupsSkippedByBloomFilter) {
}
