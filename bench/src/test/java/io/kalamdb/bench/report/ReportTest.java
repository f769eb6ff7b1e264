package io.kalamdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.bench.LatencyRecorder;
import io.kalamdb.bench.workload.WorkloadResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    private static WorkloadResult live(String workload, String variant, String system, long p99Millis,
                                       Map<String, Object> extra) {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(p99Millis * 1_000_000);
        return new WorkloadResult(workload, variant, system, "relaxed", 1, 1, 1, 1, 1, 200, 2.0, recorder.stats(),
                recorder.percentiles(WorkloadResult.PERCENTILES), extra);
    }

    private static Map<String, Object> figures(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    private static final List<WorkloadResult> LIVE = List.of(
            live("W3", "1 subscriber, 100 changes/s", "kalamdb", 4,
                    figures("subscribers", 1, "expected", 200L, "received", 200L, "lost", 0L, "duplicated", 0L)),
            live("W3", "1 subscriber, 100 changes/s", "postgresql", 8,
                    figures("subscribers", 1, "expected", 200L, "received", 200L, "lost", 0L, "duplicated", 0L)),
            live("W3", "1000 subscribers on 100 connections, 100 changes/s", "kalamdb", 80,
                    figures("subscribers", 1000, "expected", 200_000L, "received", 199_000L, "lost", 1_000L,
                            "duplicated", 0L)),
            live("W5", "5 subscribers", "kalamdb", 30,
                    figures("expected", 1500L, "received", 1500L, "lost", 0L, "duplicated", 0L)),
            live("W5", "5 subscribers", "postgresql", 9,
                    figures("expected", 1500L, "received", 1200L, "lost", 300L, "duplicated", 0L)));

    @Test
    void liveTargetsJudgeW3ByItsSubscribersAndW5ByLostAndDuplicated() {
        RunRecord run = new RunRecord("2026-11-23T00:00:00Z", "quick", MachineInfo.current(), Map.of(), Map.of(),
                List.of(), LIVE, Ratio.of(LIVE));
        String md = MarkdownReport.render(run, List.of());

        assertTrue(md.contains("| W3 p99 ≤ 10 ms at 1 subscriber | 1 subscriber, 100 changes/s | relaxed | 4.000 ms | yes |"),
                md);
        assertTrue(md.contains("| W3 p99 ≤ 50 ms at 1,000 subscribers | 1000 subscribers on 100 connections, 100 changes/s"
                + " | relaxed | 80.000 ms | **no** |"), md);
        assertTrue(md.contains("| W5 0 lost / 0 duplicated | 5 subscribers | relaxed | 0.000 events lost or duplicated"
                + " | yes |"), md);
        assertTrue(md.contains("| relaxed | 5 subscribers | postgresql | 1,500 | 1,200 | 300 | 0 |"), md);
        assertTrue(md.contains("| W5 | 5 subscribers | relaxed | delivered % | 100 | 80.000 | 1.25 |"), md);
        assertTrue(md.contains("| W3 | 1 subscriber, 100 changes/s | relaxed | p99 ms | 4.000 | 8.000 | 0.50 |"), md);
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
        assertTrue(md.contains("| W3 p99 ≤ 10 ms at 1 subscriber | — | — | not measured in this run | — |"), md);
    }
}
