package io.kalamdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    @Test
    void rowsShowCountsRatesAndLatenciesInMilliseconds() {
        Measurement m = new Measurement("single-row INSERT", 5000, 5000, 2_500_000_000L, 400_000, 1_250_000,
                3_000_500);

        String table = ResultTable.render("title", List.of(m));

        String nl = System.lineSeparator();
        assertEquals("title" + nl
                + "workload                stmts      rows   seconds    stmts/s      rows/s    p50 ms    p95 ms    p99 ms"
                + nl
                + "single-row INSERT        5000      5000      2.50     2000.0        2000     0.400     1.250     3.001"
                + nl, table);
    }

    @Test
    void measurementRatesArePerSecondOfWallClockTime() {
        LatencyRecorder latencies = new LatencyRecorder();
        latencies.record(100);
        latencies.record(300);

        Measurement m = Measurement.of("1000-row INSERT", 2000, 4_000_000_000L, latencies);

        assertEquals(2, m.operations());
        assertEquals(0.5, m.operationsPerSecond());
        assertEquals(500, m.rowsPerSecond());
        assertEquals(100, m.p50Nanos());
        assertEquals(300, m.p99Nanos());
    }
}
