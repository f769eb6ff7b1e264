/**
 * The cold-tier file format (DESIGN.md §3): one segment file holds the rows of one table partition (a whole
 * SHARED table, or one user of a USER table) at one schema version, in primary-key order, as an Apache Parquet
 * file (format specification: {@code https://github.com/apache/parquet-format}) with {@code _seq},
 * {@code _deleted}, field ids = column ids, column statistics, page indexes and a primary-key bloom filter.
 * <p>
 * {@link io.kalamdb.core.segment.SegmentWriter} writes a file, {@link io.kalamdb.core.segment.SegmentReader}
 * scans one with a {@link io.kalamdb.core.segment.SegmentFilter} pushed down to row groups, pages and records,
 * and {@link io.kalamdb.core.segment.ZstdCodecFactory} compresses pages with zstd-jni, so no Hadoop runtime is
 * needed (only the shaded {@code hadoop-client-api} types that parquet-hadoop's signatures name).
 * Writing to a temporary name, fsync and rename are the caller's (the flush's) business.
 */
package io.kalamdb.core.segment;
