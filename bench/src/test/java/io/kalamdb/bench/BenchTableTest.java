package io.kalamdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    private final BenchTable table = BenchTable.named("quickload_single", "run1");

    @Test
    void tablesAreFreshUserTablesInTheBenchNamespace() {
        assertEquals("bench.quickload_single_run1", table.name());
        assertEquals("CREATE NAMESPACE IF NOT EXISTS bench; CREATE USER TABLE bench.quickload_single_run1"
                + " (id BIGINT PRIMARY KEY, name TEXT, score INT, payload TEXT, created_at TIMESTAMP DEFAULT NOW())",
                table.create());
        assertEquals("DROP TABLE IF EXISTS bench.quickload_single_run1", table.drop());
        assertEquals("SELECT id, name, score, payload, created_at FROM bench.quickload_single_run1 WHERE id = $1",
                table.selectById());
    }

    @Test
    void insertNumbersFourParametersPerRowFromTheFirstId() {
        BenchTable.Statement insert = table.insert(1001, 2);

        assertEquals("INSERT INTO bench.quickload_single_run1 (id, name, score, payload) VALUES"
                + " ($1, $2, $3, $4), ($5, $6, $7, $8)", insert.sql());
        assertEquals(List.of(1001L, "row-1001", 1, BenchTable.payload(1001), 1002L, "row-1002", 2,
                BenchTable.payload(1002)), insert.params());
    }

    @Test
    void payloadsAreHundredAsciiBytesStartingWithTheId() {
        assertEquals(100, BenchTable.payload(123456789).length());
        assertEquals("7:cdefghijklmnopqrstuvwxyzabc", BenchTable.payload(7).substring(0, 29));
    }
}
