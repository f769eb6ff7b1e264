package io.kalamdb.core.segment;

import io.kalamdb.core.model.TableDefinition;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Turns {@link EncodedRow}s into Parquet records of the {@link SegmentSchema} layout. Never touches a Hadoop
 * {@code Configuration}: both {@code init} variants ignore it.
 */
final class SegmentWriteSupport extends WriteSupport<SegmentWriteSupport.EncodedRow> {

    /**
     * One row ready for Parquet.
     *
     * @param seq     {@code _seq}
     * @param deleted {@code _deleted}
     * @param values  Parquet values ({@link ColumnCodec#toParquet}) in table-column order; null for NULL
     */
    record EncodedRow(long seq, boolean deleted, Object[] values) {
    }

    private final MessageType schema;
    private final Map<String, String> metadata;
    private final List<String> names;
    private final List<ColumnCodec> codecs;
    private RecordConsumer consumer;

    /**
     * @param table  the table the segment belongs to
     * @param codecs one codec per table column, in column order
     */
    SegmentWriteSupport(TableDefinition table, List<ColumnCodec> codecs) {
        this.schema = SegmentSchema.messageType(table);
        this.metadata = SegmentSchema.metadata(table);
        this.names = table.columns().stream().map(c -> c.name()).toList();
        this.codecs = List.copyOf(codecs);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, metadata);
    }

    /** The Hadoop variant, abstract in WriteSupport; the writer calls the ParquetConfiguration one. */
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public String getName() {
        return "kalamdb";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(EncodedRow row) {
        consumer.startMessage();
        consumer.startField(TableDefinition.SEQ_COLUMN, SegmentSchema.SEQ_FIELD);
        consumer.addLong(row.seq());
        consumer.endField(TableDefinition.SEQ_COLUMN, SegmentSchema.SEQ_FIELD);
        consumer.startField(TableDefinition.DELETED_COLUMN, SegmentSchema.DELETED_FIELD);
        consumer.addBoolean(row.deleted());
        consumer.endField(TableDefinition.DELETED_COLUMN, SegmentSchema.DELETED_FIELD);
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                int field = SegmentSchema.FIRST_COLUMN_FIELD + i;
                consumer.startField(names.get(i), field);
                codecs.get(i).write(consumer, values[i]);
                consumer.endField(names.get(i), field);
            }
        }
        consumer.endMessage();
    }
}
