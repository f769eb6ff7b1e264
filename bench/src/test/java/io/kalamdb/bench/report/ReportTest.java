package io.kalamdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.workload.WorkloadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run: ratios pair the two systems, targets judge KalamDB, charts are real PNG files. */
class ReportTest {
    private static WorkloadResult result(String workload, String variant, String system, int batch, long rows,
                                         long latencyMicros) {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 100; i++) {
            recorder.record(latencyMicros * 1000 * i / 50);
        }
        return new WorkloadResult(workload, variant, system, "relaxed", 1, batch, 1, 100, 100, rows, 2.0,
                recorder.stats(), recorder.percentiles(WorkloadResult.PERCENTILES), Map.of());
    }

    private static final List<WorkloadResult> RESULTS = List.of(
            result("W1", "1 client, 1 row/stmt, 100 users", "kalamdb", 1, 8_000, 300),
            result("W1", "1 client, 1 row/stmt, 100 users", "postgresql", 1, 4_000, 100),
            result("W2", "hot, 5000 rows", "kalamdb", 1, 100, 500),
            result("W2", "hot, 5000 rows", "postgresql", 1, 100, 1000),
            result("W2", "cold (after flush), 5000 rows", "kalamdb", 1, 100, 6000));

    @Test
    void ratiosPairTheSameVariantOnBothSystems() {
        List<Ratio> ratios = Ratio.of(RESULTS);

        assertEquals(3, ratios.size());
        assertEquals("rows/s", ratios.get(0).metric());
        assertEquals(2.0, ratios.get(0).ratio(), 1e-9);
        assertEquals("p50 ms", ratios.get(1).metric());
        assertEquals(0.5, ratios.get(1).ratio(), 1e-9);
    }

    @Test
    void theMarkdownStatesTheTargetsTablesChartsAndRatios(@TempDir Path dir) throws Exception {
        RunRecord run = new RunRecord("2026-11-23T00:00:00Z", "quick", MachineInfo.current(),
                Map.of("kalamdb", "KalamDB test"), Map.of("Clients", "one connection each"), List.of("a note"),
                RESULTS, Ratio.of(RESULTS));
        List<String[]> charts = Charts.write(dir, "run", RESULTS);
        String md = MarkdownReport.render(run, charts);

        assertEquals(List.of("run-w1-latency.png", "run-w1-throughput.png", "run-w2-latency.png"),
                charts.stream().map(c -> c[1]).toList());
        for (String[] chart : charts) {
            assertEquals(1000, ImageIO.read(dir.resolve(chart[1]).toFile()).getWidth());
            assertTrue(md.contains("![" + chart[1] + "](" + chart[1] + ")"), md);
        }
        assertTrue(md.contains("| W1 ≥ 3,000 single-row inserts/s from one client | 1 client, 1 row/stmt, 100 users"
                + " | relaxed | 4,000 rows/s | yes |"), md);
        assertTrue(md.contains("| W2 p50 ≤ 5 ms cold | cold (after flush), 5000 rows | relaxed | 6.000 ms | **no** |"), md);
        assertTrue(md.contains("| W1 | 1 client, 1 row/stmt, 100 users | relaxed | rows/s | 4,000 | 2,000 | 2.00 |"), md);
        assertTrue(md.contains("- Note: a note"), md);
    }
}
