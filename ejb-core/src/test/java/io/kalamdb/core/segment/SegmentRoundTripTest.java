package io.kalamdb.core.segment;

import static io.kalamdb.core.segment.SegmentFixture.assertSameValue;
import static io.kalamdb.core.segment.SegmentFixture.col;
import static io.kalamdb.core.segment.SegmentFixture.notNull;
import static io.kalamdb.core.segment.SegmentFixture.pk;
import static io.kalamdb.core.segment.SegmentFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.StoredRow;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentRoundTripTest {

    /** One column of every type, ids 0..20 in declaration order. */
    static final TableDefinition EVERY_TYPE = SegmentFixture.table(1, 21,
            pk(0, "id", KalamDataType.BIGINT),
            col(1, "b", KalamDataType.BOOLEAN),
            col(2, "s", KalamDataType.SMALLINT),
            col(3, "i", KalamDataType.INT),
            col(4, "l", KalamDataType.BIGINT),
            col(5, "f", KalamDataType.FLOAT),
            col(6, "d", KalamDataType.DOUBLE),
            col(7, "dec9", KalamDataType.decimal(9, 2)),
            col(8, "dec18", KalamDataType.decimal(18, 6)),
            col(9, "dec38", KalamDataType.decimal(38, 10)),
            col(10, "t", KalamDataType.TEXT),
            col(11, "bin", KalamDataType.BYTES),
            col(12, "j", KalamDataType.JSON_TYPE),
            col(13, "day", KalamDataType.DATE),
            col(14, "tod", KalamDataType.TIME),
            col(15, "ts", KalamDataType.TIMESTAMP),
            col(16, "dtm", KalamDataType.DATETIME),
            col(17, "u", KalamDataType.UUID_TYPE),
            col(18, "emb", KalamDataType.embedding(4)),
            col(19, "fl", KalamDataType.FILE),
            notNull(20, "req", KalamDataType.TEXT));

    @TempDir
    Path dir;

    static long micros(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli() * 1000L;
    }

    static List<StoredRow> everyTypeRows() {
        byte[] random = new byte[1000];
        new Random(7).nextBytes(random);
        List<StoredRow> rows = new ArrayList<>();
        rows.add(row(1, 11, false, Long.MIN_VALUE, false, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
                Float.NEGATIVE_INFINITY, -Double.MAX_VALUE, new BigDecimal("-9999999.99"),
                new BigDecimal("-999999999999.999999"), new BigDecimal("-9999999999999999999999999999.9999999999"),
                "", new byte[0], "[]", (int) LocalDate.of(1, 1, 1).toEpochDay(), 0L,
                micros(LocalDateTime.of(1, 1, 1, 0, 0)), micros(LocalDateTime.of(1, 1, 1, 0, 0)),
                "00000000-0000-0000-0000-000000000000", new float[] {0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE},
                "{\"id\":\"a\"}", "x"));
        rows.add(row(1, 12, false, -1L, true, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
                Float.MAX_VALUE, Double.MAX_VALUE, new BigDecimal("9999999.99"),
                new BigDecimal("999999999999.999999"), new BigDecimal("9999999999999999999999999999.9999999999"),
                "日本語 🎉 \u0000 nul, e\u0301, 𝄞, \uFFFF", new byte[] {0, -1, 127, -128},
                "{\"a\":[1,2,{\"b\":null}],\"ü\":\"✓\"}", (int) LocalDate.of(9999, 12, 31).toEpochDay(),
                86_399_999_999L, micros(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000)),
                micros(LocalDateTime.of(2024, 2, 29, 12, 0)), "ffffffff-ffff-ffff-ffff-ffffffffffff",
                new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5f},
                "{\"path\":\"ü/ß.txt\",\"size\":3}", "𝄞"));
        rows.add(row(1, 13, false, 0L, false, (short) 0, 0, 0L, -0.0f, Double.MIN_VALUE, new BigDecimal("0.01"),
                new BigDecimal("-0.000001"), new BigDecimal("0.0000000001"), "héllo wörld", random,
                "{\"n\":1.5e300}", 0, 1L, -1000L, 1000L, "0190a4b2-7c3e-7def-8123-456789abcdef",
                new float[] {1e-45f, 3.4e38f, -2.5f, 0.1f}, "{}", "plain"));
        Object[] nulls = new Object[21];
        nulls[0] = 7L;
        nulls[20] = "only the required ones";
        rows.add(new StoredRow(1, 14, false, nulls));
        return rows;
    }

    @Test
    void everyTypeRoundTripsExactlyIncludingNullsAndExtremes() {
        Path file = dir.resolve("every-type.parquet");
        List<StoredRow> rows = everyTypeRows();
        SegmentFixture.write(file, EVERY_TYPE, SegmentWriter.Options.defaults(), rows);

        List<SegmentRow> read = SegmentFixture.readAll(file);
        assertEquals(rows.size(), read.size());
        for (int r = 0; r < rows.size(); r++) {
            StoredRow expected = rows.get(r);
            SegmentRow actual = read.get(r);
            assertEquals(expected.value(0), actual.primaryKey());
            assertEquals(1, actual.row().schemaVersion());
            assertEquals(expected.seq(), actual.row().seq());
            for (ColumnDefinition c : EVERY_TYPE.columns()) {
                assertSameValue(expected.value(c.columnId()), actual.row().value(c.columnId()),
                        "row " + r + " column " + c.name() + " " + c.dataType());
            }
        }
    }

    @Test
    void textPrimaryKeysComeBackInKeyCodecOrder() {
        TableDefinition table = SegmentFixture.table(1, 2, pk(0, "k", KalamDataType.TEXT),
                col(1, "v", KalamDataType.INT));
        List<String> keys = new ArrayList<>(List.of("", "a", "a\u0000", "a\u0000b", "ab", "b", "é", "\uFFFF",
                "𝄞", "日本"));
        keys.sort(Comparator.comparing(KeyCodec::encodeText, Arrays::compareUnsigned));
        List<StoredRow> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(row(1, 100 + i, false, keys.get(i), i));
        }
        Path file = dir.resolve("text-keys.parquet");
        SegmentInfo info = SegmentFixture.write(file, table, SegmentWriter.Options.defaults(), rows);

        assertEquals("", info.minPrimaryKey());
        assertEquals("𝄞", info.maxPrimaryKey(), "U+1D11E sorts after U+FFFF in UTF-8, unlike in UTF-16");
        List<SegmentRow> read = SegmentFixture.readAll(file);
        assertEquals(keys, read.stream().map(SegmentRow::primaryKey).toList());
        try (SegmentReader reader = SegmentFixture.open(file)) {
            List<SegmentRow> hit = SegmentFixture.scan(reader, SegmentFilter.all().eq(0, "a\u0000"));
            assertEquals(1, hit.size());
            assertEquals(keys.indexOf("a\u0000"), hit.get(0).row().value(1));
        }
    }

    @Test
    void tombstonesAndSeqArePreservedAndTheInfoDescribesTheFile() throws Exception {
        TableDefinition table = SegmentFixture.table(4, 2, pk(0, "id", KalamDataType.BIGINT),
                col(1, "v", KalamDataType.TEXT));
        List<StoredRow> rows = List.of(
                row(4, 900, false, -5L, "a"),
                row(4, 300, true, 1L, "gone"),
                row(4, 7_000_000_000_000L, false, 2L, null),
                row(4, 301, true, 40L, null));
        Path file = dir.resolve("tombstones.parquet");
        SegmentInfo info = SegmentFixture.write(file, table, SegmentWriter.Options.defaults(), rows);

        assertEquals(new SegmentInfo(4, Files.size(file), 300, 7_000_000_000_000L, -5L, 40L, 1, 4), info);
        List<SegmentRow> read = SegmentFixture.readAll(file);
        assertEquals(List.of(false, true, false, true), read.stream().map(r -> r.row().deleted()).toList());
        assertEquals(List.of(900L, 300L, 7_000_000_000_000L, 301L), read.stream().map(r -> r.row().seq()).toList());
        assertEquals("gone", read.get(1).row().value(1), "a tombstone keeps its values");
        try (SegmentReader reader = SegmentFixture.open(file)) {
            assertEquals(4, reader.rowCount());
            assertEquals(4, reader.schemaVersion());
            assertEquals(SegmentFixture.TABLE, reader.tableId());
        }
    }

    @Test
    void anEmptySegmentIsReadable() {
        Path file = dir.resolve("empty.parquet");
        SegmentInfo info = SegmentFixture.write(file, EVERY_TYPE, SegmentWriter.Options.defaults(), List.of());
        assertEquals(0, info.rows());
        assertEquals(0, info.rowGroups());
        assertNull(info.minPrimaryKey());
        assertTrue(SegmentFixture.readAll(file).isEmpty());
    }

    @Test
    void rowsOutOfPrimaryKeyOrderAreRefused() {
        TableDefinition table = SegmentFixture.table(1, 1, pk(0, "id", KalamDataType.BIGINT));
        try (SegmentWriter w = SegmentWriter.create(new LocalOutputFile(dir.resolve("order.parquet")), table,
                SegmentWriter.Options.defaults())) {
            w.write(row(1, 1, false, 5L));
            KalamException duplicate = assertThrows(KalamException.class, () -> w.write(row(1, 2, false, 5L)));
            assertEquals(ErrorCode.INTERNAL_ERROR, duplicate.code());
            assertThrows(KalamException.class, () -> w.write(row(1, 3, false, 4L)));
        }
    }

    @Test
    void valuesOfTheWrongClassOrMissingRequiredValuesAreRefused() {
        Path file = dir.resolve("bad.parquet");
        try (SegmentWriter w = SegmentWriter.create(new LocalOutputFile(file), EVERY_TYPE,
                SegmentWriter.Options.defaults())) {
            Object[] wrongClass = new Object[21];
            wrongClass[0] = 1L;
            wrongClass[3] = 5L;
            wrongClass[20] = "x";
            KalamException e = assertThrows(KalamException.class, () -> w.write(new StoredRow(1, 1, false,
                    wrongClass)));
            assertTrue(e.getMessage().contains("'i'"), e.getMessage());
            Object[] missing = new Object[21];
            missing[0] = 2L;
            e = assertThrows(KalamException.class, () -> w.write(new StoredRow(1, 1, false, missing)));
            assertTrue(e.getMessage().contains("'req'"), e.getMessage());
        }
    }

    @Test
    void aFileClosedWithoutFinishIsNotASegment() throws Exception {
        Path file = dir.resolve("abandoned.parquet");
        try (SegmentWriter w = SegmentWriter.create(new LocalOutputFile(file), EVERY_TYPE,
                SegmentWriter.Options.defaults())) {
            everyTypeRows().forEach(w::write);
        }
        assertTrue(Files.exists(file));
        KalamException e = assertThrows(KalamException.class, () -> SegmentFixture.open(file));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertFalse(e.getMessage().isEmpty());
    }
}
