package io.kalamdb.core.segment;

import static io.kalamdb.core.segment.SegmentFixture.col;
import static io.kalamdb.core.segment.SegmentFixture.pk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.store.StoredRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-group pruning and exact filtering on a 200,000-row segment of 10 row groups (20,000 rows each). Row i has
 * primary key 2i, so odd keys are absent yet inside some row group's min/max range.
 */
class SegmentScanTest {
    private static final int ROWS = 200_000;
    private static final int GROUP_ROWS = 20_000;
    private static final int GROUPS = ROWS / GROUP_ROWS;
    private static final long T0 = 1_700_000_000_000_000L;

    static final TableDefinition TABLE = SegmentFixture.table(1, 6, pk(0, "id", KalamDataType.BIGINT),
            col(1, "name", KalamDataType.TEXT), col(2, "score", KalamDataType.INT),
            col(3, "amount", KalamDataType.decimal(20, 2)), col(4, "created", KalamDataType.TIMESTAMP),
            col(5, "flag", KalamDataType.BOOLEAN));

    @TempDir
    static Path dir;
    static Path file;
    static List<StoredRow> rows;

    static StoredRow rowAt(int i) {
        Integer score = i % 7 == 0 ? null : (i * 37) % 1000;
        BigDecimal amount = BigDecimal.valueOf((i * 7919L) % 200_000 - 100_000, 2);
        return new StoredRow(1, 1_000_000L + i, i % 11 == 0, new Object[] {2L * i, "user-" + (i % 1000), score,
                amount, T0 + i * 1000L, i % 3 == 0});
    }

    @BeforeAll
    static void writeSegment() {
        rows = IntStream.range(0, ROWS).mapToObj(SegmentScanTest::rowAt).toList();
        file = dir.resolve("scan.parquet");
        SegmentInfo info = SegmentFixture.write(file, TABLE, SegmentWriter.Options.defaults()
                .withRowGroupRows(GROUP_ROWS), rows);
        assertEquals(GROUPS, info.rowGroups());
        assertEquals(ROWS, info.rows());
        assertEquals(0L, info.minPrimaryKey());
        assertEquals(2L * (ROWS - 1), info.maxPrimaryKey());
    }

    private static List<Object> ids(List<SegmentRow> result) {
        return result.stream().map(SegmentRow::primaryKey).toList();
    }

    private static List<Object> expectedIds(Predicate<StoredRow> p) {
        List<Object> out = new ArrayList<>();
        for (StoredRow r : rows) {
            if (p.test(r)) {
                out.add(r.value(0));
            }
        }
        return out;
    }

    @Test
    void aPrimaryKeyPointLookupReadsOneRowGroup() {
        try (SegmentReader reader = SegmentFixture.open(file)) {
            List<SegmentRow> hit = SegmentFixture.scan(reader, SegmentFilter.all().eq(0, 123_456L));
            assertEquals(1, hit.size());
            StoredRow expected = rows.get(123_456 / 2);
            assertEquals(expected.seq(), hit.get(0).row().seq());
            assertEquals(expected.value(1), hit.get(0).row().value(1));
            assertEquals(expected.value(3), hit.get(0).row().value(3));
            assertEquals(new ScanCounters(GROUPS, 1, GROUPS - 1, 0), reader.counters());
        }
    }

    @Test
    void absentKeysInsideARowGroupsRangeAreRejectedByTheBloomFilter() {
        int lookups = 20;
        try (SegmentReader reader = SegmentFixture.open(file)) {
            for (int k = 0; k < lookups; k++) {
                long absent = 2L * (k * 9_973 + 17) + 1;
                assertTrue(SegmentFixture.scan(reader, SegmentFilter.all().eq(0, absent)).isEmpty(), "key " + absent);
            }
            ScanCounters c = reader.counters();
            assertEquals((long) lookups * GROUPS, c.rowGroupsTotal());
            assertEquals((long) lookups * (GROUPS - 1), c.rowGroupsSkippedByStatistics());
            assertTrue(c.rowGroupsSkippedByBloomFilter() >= lookups - 2,
                    "1% false positives allowed, got " + c);
            assertEquals(lookups, c.rowGroupsSkippedByBloomFilter() + c.rowGroupsRead());
        }
    }

    @Test
    void aPrimaryKeyRangeReadsOnlyTheOverlappingRowGroups() {
        try (SegmentReader reader = SegmentFixture.open(file)) {
            List<SegmentRow> result = SegmentFixture.scan(reader, SegmentFilter.all().ge(0, 39_000L).lt(0, 81_000L));
            assertEquals(expectedIds(r -> (long) r.value(0) >= 39_000L && (long) r.value(0) < 81_000L), ids(result));
            assertEquals(21_000, result.size());
            assertEquals(new ScanCounters(GROUPS, 3, GROUPS - 3, 0), reader.counters());
        }
    }

    @Test
    void predicatesOnOtherColumnsReturnExactlyTheMatchingRows() {
        BigDecimal low = new BigDecimal("-5.00");
        BigDecimal high = new BigDecimal("5.00");
        try (SegmentReader reader = SegmentFixture.open(file)) {
            assertEquals(expectedIds(r -> r.value(2) != null && (int) r.value(2) < 100 && (boolean) r.value(5)),
                    ids(SegmentFixture.scan(reader, SegmentFilter.all().lt(2, 100).eq(5, true))));
            assertEquals(expectedIds(r -> r.value(2) == null),
                    ids(SegmentFixture.scan(reader, SegmentFilter.all().isNull(2))));
            assertEquals(expectedIds(r -> r.value(2) != null && !(boolean) r.value(5)),
                    ids(SegmentFixture.scan(reader, SegmentFilter.all().isNotNull(2).lt(5, true))));
            assertEquals(expectedIds(r -> ((BigDecimal) r.value(3)).compareTo(low) >= 0
                            && ((BigDecimal) r.value(3)).compareTo(high) < 0),
                    ids(SegmentFixture.scan(reader, SegmentFilter.all().ge(3, low).lt(3, high))),
                    "DECIMAL(20,2) is a signed FIXED_LEN_BYTE_ARRAY: negative amounts order below positive ones");
            assertEquals(expectedIds(r -> r.value(1).equals("user-42")),
                    ids(SegmentFixture.scan(reader, SegmentFilter.all().eq(1, "user-42"))));
            assertEquals(expectedIds(r -> r.deleted() && r.value(1).equals("user-42")).size(),
                    SegmentFixture.scan(reader, SegmentFilter.all().eq(1, "user-42")).stream()
                            .filter(r -> r.row().deleted()).count(), "tombstones are returned like any row");
        }
    }

    @Test
    void aTimestampRangePrunesLikeTheKeyItFollows() {
        long from = T0 + 150_000 * 1000L;
        try (SegmentReader reader = SegmentFixture.open(file)) {
            List<SegmentRow> result = SegmentFixture.scan(reader, SegmentFilter.all().ge(4, from));
            assertEquals(expectedIds(r -> (long) r.value(4) >= from), ids(result));
            assertEquals(new ScanCounters(GROUPS, 3, GROUPS - 3, 0), reader.counters());
        }
    }

    @Test
    void theUnfilteredScanReturnsEveryRowInKeyOrder() {
        try (SegmentReader reader = SegmentFixture.open(file)) {
            assertEquals(ROWS, reader.rowCount());
            List<SegmentRow> all = SegmentFixture.scan(reader, SegmentFilter.all());
            assertEquals(expectedIds(r -> true), ids(all));
            assertEquals(new ScanCounters(GROUPS, GROUPS, 0, 0), reader.counters());
        }
    }

    @Test
    void stoppingEarlyReadsOnlyTheRowGroupsReached() {
        try (SegmentReader reader = SegmentFixture.open(file)) {
            RowIterator it = reader.scan(SegmentFilter.all());
            for (int i = 0; i < GROUP_ROWS + 1; i++) {
                it.next();
            }
            it.close();
            assertFalse(it.hasNext());
            assertEquals(new ScanCounters(2, 2, 0, 0), reader.counters());
        }
    }
}
