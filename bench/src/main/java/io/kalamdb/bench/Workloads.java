package io.kalamdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The measured workloads, each from one client thread with one statement in flight: the latency of a statement
 * is from sending the request to having read and parsed the whole response.
 */
public final class Workloads {
    private final KalamHttpTarget target;

    /** @param target the server under test */
    public Workloads(KalamHttpTarget target) {
        this.target = target;
    }

    /**
     * Inserts rows {@code 1..count} one statement each.
     *
     * @param table an empty table
     * @param count statements (= rows)
     * @return the measurement
     * @throws TargetException if a statement fails
     */
    public Measurement singleRowInserts(BenchTable table, int count) {
        return batchInserts("single-row INSERT", table, count, 1);
    }

    /**
     * Inserts rows {@code 1..statements × rowsPerStatement} in multi-row statements.
     *
     * @param workload         the name to report
     * @param table            an empty table
     * @param statements       how many statements
     * @param rowsPerStatement rows in each
     * @return the measurement
     * @throws TargetException if a statement fails or reports another row count
     */
    public Measurement batchInserts(String workload, BenchTable table, int statements, int rowsPerStatement) {
        LatencyRecorder latencies = new LatencyRecorder();
        long start = System.nanoTime();
        for (int i = 0; i < statements; i++) {
            BenchTable.Statement insert = table.insert(1L + (long) i * rowsPerStatement, rowsPerStatement);
            long sent = System.nanoTime();
            JsonNode result = target.execute(insert.sql(), insert.params());
            latencies.record(System.nanoTime() - sent);
            expectRows(result, rowsPerStatement, insert.sql());
        }
        return Measurement.of(workload, (long) statements * rowsPerStatement, System.nanoTime() - start, latencies);
    }

    /**
     * Looks up random rows by primary key.
     *
     * @param table a table holding rows {@code 1..maxId}
     * @param maxId the highest id present
     * @param count lookups
     * @param seed  the random seed, so that runs look up the same ids
     * @return the measurement
     * @throws TargetException if a lookup fails or does not return exactly one row
     */
    public Measurement primaryKeyLookups(BenchTable table, long maxId, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String sql = table.selectById();
        LatencyRecorder latencies = new LatencyRecorder();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long id = random.nextLong(1, maxId + 1);
            long sent = System.nanoTime();
            JsonNode result = target.execute(sql, List.of(id));
            latencies.record(System.nanoTime() - sent);
            expectRows(result, 1, sql + " with $1 = " + id);
        }
        return Measurement.of("primary-key SELECT", count, System.nanoTime() - start, latencies);
    }

    private static void expectRows(JsonNode result, int rows, String sql) {
        if (result.path("row_count").asInt(-1) != rows) {
            throw new TargetException("Expected " + rows + " row(s) from " + sql.substring(0, Math.min(120,
                    sql.length())) + ", got " + result, null);
        }
    }
}
