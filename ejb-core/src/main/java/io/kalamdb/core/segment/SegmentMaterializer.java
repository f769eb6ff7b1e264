package io.kalamdb.core.segment;

import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.store.StoredRow;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Assembles Parquet records of a segment file into {@link SegmentRow}s: values land in an array indexed by
 * column id (the field id), so readers never depend on column names or positions.
 */
final class SegmentMaterializer extends RecordMaterializer<SegmentRow> {
    private final int schemaVersion;
    private final int primaryKeyId;
    private final int width;
    private final Converter[] converters;
    private final GroupConverter root = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            values = new Object[width];
            seq = 0;
            deleted = false;
        }

        @Override
        public void end() {
            // the record is complete; getCurrentRecord wraps it
        }
    };
    private Object[] values;
    private long seq;
    private boolean deleted;

    /**
     * @param schema        the file schema
     * @param columns       the file's table columns
     * @param schemaVersion the file's schema version
     * @param primaryKeyId  the primary-key column id
     */
    SegmentMaterializer(MessageType schema, List<FileColumn> columns, int schemaVersion, int primaryKeyId) {
        this.schemaVersion = schemaVersion;
        this.primaryKeyId = primaryKeyId;
        this.width = columns.stream().mapToInt(FileColumn::columnId).max().orElse(-1) + 1;
        this.converters = new Converter[schema.getFieldCount()];
        converters[schema.getFieldIndex(TableDefinition.SEQ_COLUMN)] = new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
                seq = value;
            }
        };
        converters[schema.getFieldIndex(TableDefinition.DELETED_COLUMN)] = new PrimitiveConverter() {
            @Override
            public void addBoolean(boolean value) {
                deleted = value;
            }
        };
        for (FileColumn c : columns) {
            int id = c.columnId();
            converters[c.fieldIndex()] = ColumnConverters.forColumn(c.codec(), value -> values[id] = value);
        }
    }

    @Override
    public SegmentRow getCurrentRecord() {
        return new SegmentRow(values[primaryKeyId], new StoredRow(schemaVersion, seq, deleted, values));
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
