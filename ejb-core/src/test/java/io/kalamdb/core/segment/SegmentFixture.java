package io.kalamdb.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.ColumnDefault;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableOptions;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.store.StoredRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/** Hand-built table definitions and write/read shortcuts for the segment tests. */
final class SegmentFixture {
    static final TableId TABLE = TableId.of("app", "events");

    private SegmentFixture() {
    }

    /** @return the primary-key column */
    static ColumnDefinition pk(int id, String name, KalamDataType type) {
        return new ColumnDefinition(id, name, 0, type, false, true, ColumnDefault.NONE, null);
    }

    /** @return a nullable column */
    static ColumnDefinition col(int id, String name, KalamDataType type) {
        return new ColumnDefinition(id, name, 0, type, true, false, ColumnDefault.NONE, null);
    }

    /** @return a NOT NULL column */
    static ColumnDefinition notNull(int id, String name, KalamDataType type) {
        return new ColumnDefinition(id, name, 0, type, false, false, ColumnDefault.NONE, null);
    }

    /**
     * @param nextColumnId the id the next added column would get
     * @return a USER table at {@code version} with the columns in the given order
     */
    static TableDefinition table(int version, int nextColumnId, ColumnDefinition... columns) {
        List<ColumnDefinition> ordered = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            ordered.add(columns[i].withOrdinal(i + 1));
        }
        return new TableDefinition(TABLE, TableType.USER, ordered, TableOptions.defaults(TableType.USER), version,
                nextColumnId, 0L, 0L);
    }

    /** @return a stored row */
    static StoredRow row(int schemaVersion, long seq, boolean deleted, Object... values) {
        return new StoredRow(schemaVersion, seq, deleted, values);
    }

    /** Writes {@code rows} to a new file and returns what the writer reported. */
    static SegmentInfo write(Path file, TableDefinition table, SegmentWriter.Options options, List<StoredRow> rows) {
        try (SegmentWriter w = SegmentWriter.create(new LocalOutputFile(file), table, options)) {
            rows.forEach(w::write);
            return w.finish();
        }
    }

    /** @return an open reader over the file */
    static SegmentReader open(Path file) {
        return SegmentReader.open(new LocalInputFile(file));
    }

    /** @return every row of the scan */
    static List<SegmentRow> scan(SegmentReader reader, SegmentFilter filter) {
        List<SegmentRow> out = new ArrayList<>();
        try (RowIterator it = reader.scan(filter)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** @return every row of the file */
    static List<SegmentRow> readAll(Path file) {
        try (SegmentReader reader = open(file)) {
            return scan(reader, SegmentFilter.all());
        }
    }

    /** Asserts equal values of the same class; arrays by content (floats by bits: NaN = NaN, -0.0 ≠ 0.0). */
    static void assertSameValue(Object expected, Object actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), what + " class");
        if (expected instanceof byte[] e) {
            assertArrayEquals(e, (byte[]) actual, what);
        } else if (expected instanceof float[] e) {
            assertEquals(Arrays.toString(e), Arrays.toString((float[]) actual), what);
            assertTrue(Arrays.equals(e, (float[]) actual), what + " bits");
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
