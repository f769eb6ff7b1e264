package io.kalamdb.core.segment;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.store.StoredRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.bloomfilterlevel.BloomFilterImpl;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.SchemaCompatibilityValidator;
import org.apache.parquet.filter2.statisticslevel.StatisticsFilter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.internal.filter2.columnindex.ColumnIndexFilter;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a segment file written by {@link SegmentWriter} (Apache Parquet format specification,
 * {@code https://github.com/apache/parquet-format}). Columns are found by Parquet field id = column id, so a
 * file written before an ADD COLUMN simply lacks the new column (its values read as null) and a column dropped
 * since is still returned by its id (callers ignore ids the current definition no longer has).
 * <p>
 * A {@link #scan} prunes row groups by their min/max statistics, then by the primary-key bloom filter, then by
 * page indexes, and filters the remaining records exactly. Not thread-safe; iterators of one reader may be
 * interleaved on one thread. Close the reader to release the file.
 */
public final class SegmentReader implements AutoCloseable {
    static {
        ParquetLogging.quiet();
    }

    private final ParquetFileReader file;
    private final ZstdCodecFactory codecFactory;
    private final MessageType schema;
    private final List<FileColumn> columnList;
    private final Map<Integer, FileColumn> columns;
    private final Set<ColumnPath> paths;
    private final MessageColumnIO columnIO;
    private final TableId tableId;
    private final int schemaVersion;
    private final int primaryKeyId;
    private long rowGroupsTotal;
    private long rowGroupsRead;
    private long skippedByStatistics;
    private long skippedByBloomFilter;

    private SegmentReader(ParquetFileReader file, ZstdCodecFactory codecFactory) {
        this.file = file;
        this.codecFactory = codecFactory;
        FileMetaData meta = file.getFooter().getFileMetaData();
        Map<String, String> kv = meta.getKeyValueMetaData();
        if (!SegmentSchema.FORMAT_VERSION.equals(kv.get(SegmentSchema.FORMAT_KEY))) {
            throw new IllegalArgumentException("not a KalamDB segment (format " + kv.get(SegmentSchema.FORMAT_KEY)
                    + ")");
        }
        this.schemaVersion = Integer.parseInt(kv.get(SegmentSchema.SCHEMA_VERSION_KEY));
        this.primaryKeyId = Integer.parseInt(kv.get(SegmentSchema.PRIMARY_KEY_KEY));
        String table = kv.get(SegmentSchema.TABLE_KEY);
        int dot = table.indexOf('.');
        this.tableId = TableId.of(table.substring(0, dot), table.substring(dot + 1));
        this.schema = meta.getSchema();
        if (!schema.containsField(TableDefinition.SEQ_COLUMN) || !schema.containsField(TableDefinition.DELETED_COLUMN)) {
            throw new IllegalArgumentException("no _seq or _deleted column");
        }
        this.columnList = new ArrayList<>();
        this.columns = new HashMap<>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            Type field = schema.getType(i);
            if (field.getName().equals(TableDefinition.SEQ_COLUMN)
                    || field.getName().equals(TableDefinition.DELETED_COLUMN)) {
                continue;
            }
            if (field.getId() == null) {
                throw new IllegalArgumentException("column '" + field.getName() + "' has no field id");
            }
            FileColumn c = new FileColumn(field.getId().intValue(), field.getName(), i, ColumnCodec.of(field));
            columnList.add(c);
            columns.put(c.columnId(), c);
        }
        if (!columns.containsKey(primaryKeyId)) {
            throw new IllegalArgumentException("no primary-key column " + primaryKeyId);
        }
        this.paths = schema.getColumns().stream().map(d -> ColumnPath.get(d.getPath())).collect(Collectors.toSet());
        this.columnIO = new ColumnIOFactory(meta.getCreatedBy()).getColumnIO(schema);
    }

    /**
     * Opens a segment file and reads its footer.
     *
     * @param in the file
     * @return an open reader
     * @throws KalamException INTERNAL_ERROR if the file cannot be read or is not a KalamDB segment
     */
    public static SegmentReader open(InputFile in) {
        ZstdCodecFactory codecFactory = new ZstdCodecFactory();
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(codecFactory)
                .usePageChecksumVerification(true)
                .build();
        ParquetFileReader file = null;
        try {
            file = ParquetFileReader.open(in, options);
            return new SegmentReader(file, codecFactory);
        } catch (IOException | RuntimeException e) {
            closeQuietly(file, e);
            codecFactory.release();
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot open segment file: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(ParquetFileReader file, Exception failure) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** @return the table schema version the file's rows are stored at */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** @return the table the file belongs to */
    public TableId tableId() {
        return tableId;
    }

    /** @return the number of rows in the file (tombstones included), from the footer */
    public long rowCount() {
        return file.getRecordCount();
    }

    /**
     * Scans the file in file (primary-key) order. Every returned row satisfies {@code filter} exactly.
     *
     * @param filter the rows to return; {@link SegmentFilter#all()} for every row
     * @return an iterator over the matching rows; its {@link StoredRow}s carry this file's schema version
     * @throws KalamException INTERNAL_ERROR for a predicate the file's column cannot take (wrong literal class,
     *                        EMBEDDING column)
     */
    public RowIterator scan(SegmentFilter filter) {
        ScanPlan plan = ScanPlan.of(filter, columns);
        if (plan.predicate() != null) {
            SchemaCompatibilityValidator.validate(plan.predicate(), schema);
        }
        return new RowIterator(this, plan, file.getRowGroups().size());
    }

    /** @return the row-group counters of all scans so far */
    public ScanCounters counters() {
        return new ScanCounters(rowGroupsTotal, rowGroupsRead, skippedByStatistics, skippedByBloomFilter);
    }

    /**
     * Decides whether a row group can hold matching rows and, if so, reads the pages that can.
     *
     * @return the row group's pages, or null when it was skipped
     */
    PageReadStore readRowGroup(int index, ScanPlan plan) throws IOException {
        rowGroupsTotal++;
        if (plan.empty()) {
            skippedByStatistics++;
            return null;
        }
        FilterPredicate predicate = plan.predicate();
        if (predicate == null) {
            rowGroupsRead++;
            return file.readRowGroup(index);
        }
        BlockMetaData block = file.getRowGroups().get(index);
        if (StatisticsFilter.canDrop(predicate, block.getColumns())) {
            skippedByStatistics++;
            return null;
        }
        if (BloomFilterImpl.canDrop(predicate, block.getColumns(), file.getBloomFilterDataReader(block))) {
            skippedByBloomFilter++;
            return null;
        }
        RowRanges rows = ColumnIndexFilter.calculateRowRanges(plan.recordFilter(), file.getColumnIndexStore(index),
                paths, block.getRowCount());
        if (rows.rowCount() == 0) {
            skippedByStatistics++;
            return null;
        }
        rowGroupsRead++;
        return file.readFilteredRowGroup(index, rows);
    }

    /** @return a record reader over pages from {@link #readRowGroup}, filtering records by the plan */
    RecordReader<SegmentRow> records(PageReadStore pages, ScanPlan plan) {
        return columnIO.getRecordReader(pages, new SegmentMaterializer(schema, columnList, schemaVersion,
                primaryKeyId), plan.recordFilter());
    }

    /**
     * Closes the file.
     *
     * @throws KalamException INTERNAL_ERROR if closing fails
     */
    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot close segment file: " + e.getMessage(), e);
        } finally {
            codecFactory.release();
        }
    }
}
