package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Jobs on the real server: the scheduled {@code stream-eviction} (every 2 s here: {@code
 * kalamdb.stream.eviction.interval.seconds} in it/pom.xml) is recorded in {@code system.jobs}, started through
 * the Jakarta Batch {@code JobOperator}, run by the batchlet of the batch-jobs jar with the engine injected, and
 * ends completed with what it evicted — a run that started after this test's events expired, so not one left in
 * {@code system.jobs} by an earlier build on the same data directory.
 */
class JobsIT {
    private static final String NS = "jobs" + Long.toString(System.nanoTime(), 36);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aScheduledStreamEvictionRunsAsABatchJobAndIsRecordedCompleted() throws InterruptedException {
        SqlApiIT.ok("CREATE NAMESPACE " + NS + "; CREATE STREAM TABLE " + NS + ".blink (id TEXT PRIMARY KEY)"
                + " WITH (TTL_SECONDS = 1)");
        long insertedMicros = System.currentTimeMillis() * 1000;
        SqlApiIT.ok("INSERT INTO " + NS + ".blink VALUES ('a'), ('b')");

        JsonNode row = awaitRow("SELECT job_id, status, message, node_id, started_at, finished_at, memory_used,"
                + " cpu_used, progress FROM system.jobs WHERE job_type = 'stream-eviction' AND status = 'completed'"
                + " AND message NOT LIKE 'Evicted 0 %' ORDER BY started_at DESC LIMIT 1",
                latest -> latest.get(4).asLong() > insertedMicros + 1_000_000);

        assertTrue(row.get(0).asText().startsWith("SE-"), row::toString);
        assertTrue(row.get(2).asText().matches("Evicted [1-9]\\d* expired event\\(s\\) from \\d+ STREAM table\\(s\\)"),
                row::toString);
        assertEquals("0", row.get(3).asText(), row::toString);
        assertTrue(row.get(5).asLong() >= row.get(4).asLong(), row::toString);
        assertFalse(row.get(6).isNull(), "memory_used " + row);
        assertFalse(row.get(7).isNull(), "cpu_used " + row);
        assertEquals(1.0, row.get(8).asDouble(), row::toString);
        assertEquals("[[\"0\"]]", SqlApiIT.ok("SELECT COUNT(*) FROM system.jobs WHERE job_type = 'stream-eviction'"
                + " AND status = 'failed'").path("results").get(0).path("rows").toString());
    }

    /** Polls a query until its first row passes {@code accept}; fails after {@link #PATIENCE}. */
    private static JsonNode awaitRow(String sql, Predicate<JsonNode> accept) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode rows = SqlApiIT.ok(sql).path("results").get(0).path("rows");
            if (!rows.isEmpty() && accept.test(rows.get(0))) {
                return rows.get(0);
            }
            assertTrue(System.nanoTime() < deadline, () -> "no row within " + PATIENCE + ": " + sql + "; jobs: "
                    + SqlApiIT.ok("SELECT job_id, job_type, status, message FROM system.jobs ORDER BY created_at DESC"
                    + " LIMIT 5").path("results").get(0).path("rows"));
            Thread.sleep(250);
        }
    }
}
