package io.kalamdb.core.segment;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The layout of a segment file (Parquet format spec: file metadata, schema elements and key-value metadata):
 * a message of {@code _seq} (required INT64), {@code _deleted} (required BOOLEAN), then every column of the
 * table in ordinal order with field id = column id (see {@link ColumnCodec}), and footer key-value metadata
 * naming the format version, the table, its schema version and the primary-key column id.
 */
final class SegmentSchema {
    /** Footer key: the segment layout version, {@value #FORMAT_VERSION}. */
    static final String FORMAT_KEY = "kalamdb.segment.format";
    /** The layout version written. */
    static final String FORMAT_VERSION = "1";
    /** Footer key: the table id, {@code namespace.table}. */
    static final String TABLE_KEY = "kalamdb.table";
    /** Footer key: the table's schema version the rows are stored at. */
    static final String SCHEMA_VERSION_KEY = "kalamdb.schema_version";
    /** Footer key: the column id of the primary key. */
    static final String PRIMARY_KEY_KEY = "kalamdb.primary_key_column_id";
    /** The name of the message (the root of the schema). */
    static final String MESSAGE_NAME = "kalamdb_segment";
    /** Position of {@code _seq} in the message. */
    static final int SEQ_FIELD = 0;
    /** Position of {@code _deleted} in the message. */
    static final int DELETED_FIELD = 1;
    /** Position of the first table column in the message. */
    static final int FIRST_COLUMN_FIELD = 2;

    private SegmentSchema() {
    }

    /**
     * @param table the table definition
     * @return the file schema
     * @throws IllegalArgumentException if a column is named like a system column
     */
    static MessageType messageType(TableDefinition table) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.INT64).named(TableDefinition.SEQ_COLUMN);
        b.required(PrimitiveTypeName.BOOLEAN).named(TableDefinition.DELETED_COLUMN);
        for (ColumnDefinition c : table.columns()) {
            if (c.name().equals(TableDefinition.SEQ_COLUMN) || c.name().equals(TableDefinition.DELETED_COLUMN)) {
                throw new IllegalArgumentException("Column name '" + c.name() + "' is reserved");
            }
            b.addField(ColumnCodec.parquetType(c));
        }
        return b.named(MESSAGE_NAME);
    }

    /** @return the footer key-value metadata for a segment of {@code table} */
    static Map<String, String> metadata(TableDefinition table) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FORMAT_KEY, FORMAT_VERSION);
        m.put(TABLE_KEY, table.id().toString());
        m.put(SCHEMA_VERSION_KEY, Integer.toString(table.schemaVersion()));
        m.put(PRIMARY_KEY_KEY, Integer.toString(table.primaryKey().columnId()));
        return m;
    }
}
