package io.kalamdb.core.segment;

import static io.kalamdb.core.segment.SegmentFixture.col;
import static io.kalamdb.core.segment.SegmentFixture.pk;

import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.store.StoredRow;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.LocalOutputFile;

/**
 * A measurement harness, not a test: writes N rows of a 6-column table (BIGINT key, TEXT, INT, DECIMAL(12,2),
 * TIMESTAMP, BOOLEAN) to one segment with the default options, then times a full scan and key lookups.
 * Run from {@code ejb-core} after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.kalamdb.core.segment.SegmentThroughput 1000000
 * </pre>
 * where {@code cp.txt} comes from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class SegmentThroughput {
    private static final TableDefinition TABLE = SegmentFixture.table(1, 6, pk(0, "id", KalamDataType.BIGINT),
            col(1, "name", KalamDataType.TEXT), col(2, "score", KalamDataType.INT),
            col(3, "amount", KalamDataType.decimal(12, 2)), col(4, "created", KalamDataType.TIMESTAMP),
            col(5, "flag", KalamDataType.BOOLEAN));

    private SegmentThroughput() {
    }

    /**
     * @param args row count (default 1,000,000), then repetitions (default 3)
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("segment-throughput");
        for (int rep = 0; rep < reps; rep++) {
            Path file = dir.resolve("s" + rep + ".parquet");
            long t0 = System.nanoTime();
            SegmentInfo info;
            try (SegmentWriter w = SegmentWriter.create(new LocalOutputFile(file), TABLE,
                    SegmentWriter.Options.defaults())) {
                for (int i = 0; i < rows; i++) {
                    w.write(new StoredRow(1, 1_000_000L + i, false, new Object[] {(long) i, "user-" + (i % 5000),
                            (i * 37) % 1000, BigDecimal.valueOf(i * 7919L % 10_000_000, 2),
                            1_700_000_000_000_000L + i * 1000L, i % 3 == 0}));
                }
                info = w.finish();
            }
            long t1 = System.nanoTime();
            long count = 0;
            long lookups = 100;
            long t3;
            try (SegmentReader reader = SegmentFixture.open(file)) {
                try (RowIterator it = reader.scan(SegmentFilter.all())) {
                    while (it.hasNext()) {
                        it.next();
                        count++;
                    }
                }
                long t2 = System.nanoTime();
                for (int k = 0; k < lookups; k++) {
                    try (RowIterator it = reader.scan(SegmentFilter.all().eq(0, k * 9_973L % rows))) {
                        it.next();
                    }
                }
                t3 = System.nanoTime();
                System.out.printf("rep %d: %,d rows, %d row groups, %,d bytes (%.1f B/row)%n", rep, info.rows(),
                        info.rowGroups(), info.fileBytes(), (double) info.fileBytes() / rows);
                System.out.printf("  write %,d ms (%,.0f rows/s)%n", (t1 - t0) / 1_000_000,
                        rows / ((t1 - t0) / 1e9));
                System.out.printf("  full scan %,d ms (%,.0f rows/s), %d rows%n", (t2 - t1) / 1_000_000,
                        count / ((t2 - t1) / 1e9), count);
                System.out.printf("  key lookup %.2f ms each; counters %s%n", (t3 - t2) / 1e6 / lookups,
                        reader.counters());
            }
            Files.delete(file);
        }
        Files.delete(dir);
    }
}
