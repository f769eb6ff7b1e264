package io.kalamdb.core.segment;

/**
 * A table column as found in one segment file's schema.
 *
 * @param columnId   the Parquet field id, i.e. the column id
 * @param name       the field name (the column's name when the file was written)
 * @param fieldIndex position in the file's message
 * @param codec      how its values decode
 */
record FileColumn(int columnId, String name, int fieldIndex, ColumnCodec codec) {
}
