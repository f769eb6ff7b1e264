package io.kalamdb.core.segment;

import static io.kalamdb.core.segment.SegmentFixture.col;
import static io.kalamdb.core.segment.SegmentFixture.pk;
import static io.kalamdb.core.segment.SegmentFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.SchemaEvolution;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments across ALTER TABLE: rows converted on write, columns found by field id on read. */
class SegmentSchemaEvolutionTest {
    /** v1: id, a SMALLINT, f FLOAT, dec DECIMAL(5,2). */
    static final TableDefinition V1 = SegmentFixture.table(1, 4, pk(0, "id", KalamDataType.BIGINT),
            col(1, "a", KalamDataType.SMALLINT), col(2, "f", KalamDataType.FLOAT),
            col(3, "dec", KalamDataType.decimal(5, 2)));
    /** v2: the same columns widened by MODIFY COLUMN. */
    static final TableDefinition V2 = SegmentFixture.table(2, 4, pk(0, "id", KalamDataType.BIGINT),
            col(1, "a", KalamDataType.INT), col(2, "f", KalamDataType.DOUBLE),
            col(3, "dec", KalamDataType.decimal(12, 2)));

    @TempDir
    Path dir;

    @Test
    void rowsOfAnOlderSchemaVersionAreWrittenAsTheCurrentColumnTypes() {
        Path file = dir.resolve("widened.parquet");
        SegmentInfo info = SegmentFixture.write(file, V2, SegmentWriter.Options.defaults(), List.of(
                row(1, 1, false, 1L, (short) -7, 1.1f, new BigDecimal("123.45")),
                row(2, 2, false, 2L, 100_000, 2.5d, new BigDecimal("1234567890.12")),
                row(1, 3, true, 3L, null, null, null)));
        assertEquals(2, info.schemaVersion());

        List<SegmentRow> read = SegmentFixture.readAll(file);
        assertEquals(3, read.size());
        read.forEach(r -> assertEquals(2, r.row().schemaVersion(), "stored at the file's version"));
        StoredRow old = read.get(0).row();
        assertEquals(-7, old.value(1), "SMALLINT value read as INT");
        assertEquals((double) 1.1f, old.value(2), "FLOAT value read as DOUBLE");
        assertEquals(new BigDecimal("123.45"), old.value(3));
        assertEquals(100_000, read.get(1).row().value(1));
        assertEquals(new BigDecimal("1234567890.12"), read.get(1).row().value(3));
        assertNull(read.get(2).row().value(1));
        assertTrue(read.get(2).row().deleted());
    }

    @Test
    void aFileWrittenBeforeAddAndDropColumnIsReadByFieldId() {
        TableDefinition before = SegmentFixture.table(1, 3, pk(0, "id", KalamDataType.BIGINT),
                col(1, "name", KalamDataType.TEXT), col(2, "score", KalamDataType.INT));
        // v3 = DROP COLUMN score, then ADD COLUMN score TEXT (a new column, id 3) and ADD COLUMN extra INT (id 4).
        TableDefinition after = SegmentFixture.table(3, 5, pk(0, "id", KalamDataType.BIGINT),
                col(1, "name", KalamDataType.TEXT), col(3, "score", KalamDataType.TEXT),
                col(4, "extra", KalamDataType.INT));
        Path file = dir.resolve("before-alter.parquet");
        SegmentFixture.write(file, before, SegmentWriter.Options.defaults(), List.of(
                row(1, 10, false, 1L, "ann", 90),
                row(1, 11, false, 2L, "bob", 75)));

        try (SegmentReader reader = SegmentFixture.open(file)) {
            assertEquals(1, reader.schemaVersion());
            List<SegmentRow> rows = SegmentFixture.scan(reader, SegmentFilter.all());
            Object[] current = SchemaEvolution.currentValues(after, rows.get(0).row());
            List<Object> visible = new ArrayList<>();
            for (ColumnDefinition c : after.columns()) {
                visible.add(current[c.columnId()]);
            }
            assertEquals(Arrays.asList(1L, "ann", null, null), visible,
                    "the new 'score' (id 3) is not the dropped 'score' (id 2); 'extra' did not exist");
            assertEquals(90, rows.get(0).row().value(2), "the dropped column is still there by its old id");

            assertTrue(SegmentFixture.scan(reader, SegmentFilter.all().eq(3, "90")).isEmpty());
            assertTrue(SegmentFixture.scan(reader, SegmentFilter.all().isNotNull(4)).isEmpty());
            assertEquals(2, SegmentFixture.scan(reader, SegmentFilter.all().isNull(3).isNull(4)).size());
            assertEquals(2, reader.counters().rowGroupsSkippedByStatistics(),
                    "predicates on absent columns skip without reading");
        }
    }

    @Test
    void widerLiteralsAreComparedWithOlderColumnTypesByValue() {
        Path file = dir.resolve("narrow.parquet");
        List<StoredRow> rows = List.of(
                row(1, 1, false, 1L, (short) -32768, 0.1f, new BigDecimal("-999.99")),
                row(1, 2, false, 2L, (short) 5, 0.5f, new BigDecimal("1.00")),
                row(1, 3, false, 3L, (short) 32767, 0.75f, new BigDecimal("1.01")),
                row(1, 4, false, 4L, null, null, null));
        SegmentFixture.write(file, V1, SegmentWriter.Options.defaults(), rows);

        try (SegmentReader reader = SegmentFixture.open(file)) {
            // SMALLINT file column, INT literals outside its range
            assertIds(reader, SegmentFilter.all().eq(1, 40_000), List.of());
            assertIds(reader, SegmentFilter.all().lt(1, 40_000), List.of(1L, 2L, 3L));
            assertIds(reader, SegmentFilter.all().gt(1, -40_000), List.of(1L, 2L, 3L));
            assertIds(reader, SegmentFilter.all().gt(1, 3_000_000_000L), List.of());
            assertIds(reader, SegmentFilter.all().le(1, 3_000_000_000L), List.of(1L, 2L, 3L));
            // FLOAT file column, DOUBLE literals: 0.1 is not the float 0.1f
            assertIds(reader, SegmentFilter.all().eq(2, 0.1d), List.of());
            assertIds(reader, SegmentFilter.all().eq(2, 0.5d), List.of(2L));
            assertIds(reader, SegmentFilter.all().le(2, 0.1d), List.of());
            assertIds(reader, SegmentFilter.all().gt(2, 0.1d), List.of(1L, 2L, 3L));
            assertIds(reader, SegmentFilter.all().lt(2, 0.75d), List.of(1L, 2L));
            // DECIMAL(5,2) file column, DECIMAL(12,2) literals or finer scale
            assertIds(reader, SegmentFilter.all().eq(3, new BigDecimal("1.005")), List.of());
            assertIds(reader, SegmentFilter.all().ge(3, new BigDecimal("1.005")), List.of(3L));
            assertIds(reader, SegmentFilter.all().le(3, new BigDecimal("1.005")), List.of(1L, 2L));
            assertIds(reader, SegmentFilter.all().eq(3, new BigDecimal("1.0")), List.of(2L));
            assertIds(reader, SegmentFilter.all().gt(3, new BigDecimal("9999999999.99")), List.of());
            assertIds(reader, SegmentFilter.all().lt(3, new BigDecimal("9999999999.99")), List.of(1L, 2L, 3L));
            assertIds(reader, SegmentFilter.all().lt(3, new BigDecimal("-9999999999.99")), List.of());
        }
    }

    @Test
    void literalsOfTheWrongClassAreRefused() {
        Path file = dir.resolve("wrong-literal.parquet");
        SegmentFixture.write(file, V1, SegmentWriter.Options.defaults(), List.of(row(1, 1, false, 1L, (short) 1,
                1f, new BigDecimal("1.00"))));
        try (SegmentReader reader = SegmentFixture.open(file)) {
            assertThrows(KalamException.class, () -> reader.scan(SegmentFilter.all().eq(1, "one")));
            assertThrows(KalamException.class, () -> reader.scan(SegmentFilter.all().lt(2, 1)), "FLOAT needs a float");
            assertEquals(List.of(1L), SegmentFixture.scan(reader, SegmentFilter.all().eq(0, 1)).stream()
                    .map(SegmentRow::primaryKey).toList(), "any integer width compares with BIGINT by value");
        }
    }

    private static void assertIds(SegmentReader reader, SegmentFilter filter, List<Long> expected) {
        List<Object> ids = SegmentFixture.scan(reader, filter).stream().map(SegmentRow::primaryKey).toList();
        assertEquals(expected, ids, filter.toString());
    }
}
