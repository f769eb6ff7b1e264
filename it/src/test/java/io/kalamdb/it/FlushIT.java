package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cold tier on the real server: FLUSH TABLE as a Jakarta Batch job recorded in {@code system.jobs},
 * Parquet files where the storage path template says (the server's data directory is it/target/kalamdb-data),
 * automatic flushes by a table's row policy (checked every second here: {@code kalamdb.flush.check.interval.seconds}
 * in it/pom.xml), KILL JOB on a long flush, and storage DDL refusals.
 */
class FlushIT {
    private static final String NS = "flush" + Long.toString(System.nanoTime(), 36);
    private static final Path STORAGE = Path.of("target", "kalamdb-data", "storage");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static JsonNode rows(String sql, Object... params) {
        return SqlApiIT.ok(sql, params).path("results").get(0).path("rows");
    }

    /** Polls the job until it has finished; fails after {@link #PATIENCE}. */
    static JsonNode awaitFinished(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode job = rows("SELECT status, message, table_name FROM system.jobs WHERE job_id = $1", jobId).get(0);
            String status = job.get(0).asText();
            if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, "job " + jobId + " still " + status);
            Thread.sleep(100);
        }
    }

    private static long files(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    @Test
    void flushTableRunsAsAJobAndWritesParquetWhereTheTemplateSays() throws Exception {
        SqlApiIT.ok("CREATE NAMESPACE IF NOT EXISTS " + NS + "; CREATE SHARED TABLE " + NS + ".notes (id BIGINT PRIMARY KEY, "
                + "body TEXT) WITH (ACCESS_LEVEL = 'public', FLUSH_POLICY = 'rows:1000000')");
        SqlApiIT.ok("INSERT INTO " + NS + ".notes VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        JsonNode result = SqlApiIT.ok("FLUSH TABLE " + NS + ".notes").path("results").get(0);
        assertEquals("job_id", result.path("schema").get(0).path("name").asText());
        String jobId = result.path("rows").get(0).get(0).asText();
        assertTrue(jobId.startsWith("FL-"), jobId);
        JsonNode job = awaitFinished(jobId);
        assertEquals("completed", job.get(0).asText(), job::toString);
        assertTrue(job.get(1).asText().startsWith("Flushed 3 row(s), "), job::toString);
        Path dir = STORAGE.resolve(NS).resolve("notes");
        assertEquals(1, files(dir, ".parquet"));
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("batch-1.parquet"));
        SqlApiIT.ok("UPDATE " + NS + ".notes SET body = 'two v2' WHERE id = 2");
        assertEquals("[[\"1\",\"one\"],[\"2\",\"two v2\"],[\"3\",\"three\"]]",
                rows("SELECT id, body FROM " + NS + ".notes ORDER BY id").toString());
    }

    @Test
    void aRowPolicyFlushesAutomatically() throws Exception {
        SqlApiIT.ok("CREATE NAMESPACE IF NOT EXISTS " + NS + "; CREATE USER TABLE " + NS + ".inbox "
                + "(id BIGINT PRIMARY KEY, body TEXT) WITH (FLUSH_POLICY = 'rows:3')");
        SqlApiIT.ok("INSERT INTO " + NS + ".inbox VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        Path dir = STORAGE.resolve(NS).resolve("inbox").resolve("root");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (files(dir, ".parquet") == 0) {
            assertTrue(System.nanoTime() < deadline, "no automatic flush of " + NS + ".inbox");
            Thread.sleep(200);
        }
        JsonNode job = rows("SELECT job_id FROM system.jobs WHERE job_type = 'flush-table' AND table_name = 'inbox'"
                + " AND namespace_id = $1", NS).get(0);
        assertEquals("completed", awaitFinished(job.get(0).asText()).get(0).asText());
        assertEquals("[[\"3\"]]", rows("SELECT COUNT(*) FROM " + NS + ".inbox").toString());
    }

    @Test
    void killJobCancelsALongFlushAndKeepsEveryRow() throws Exception {
        SqlApiIT.ok("CREATE NAMESPACE IF NOT EXISTS " + NS + "; CREATE SHARED TABLE " + NS + ".big "
                + "(id BIGINT PRIMARY KEY, body TEXT) WITH (FLUSH_POLICY = 'rows:100000000')");
        for (int chunk = 0; chunk < 100; chunk++) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + NS + ".big VALUES ");
            for (int i = 0; i < 4000; i++) {
                sql.append(i == 0 ? "" : ", ").append('(').append(chunk * 4000 + i).append(", 'a row of the big table')");
            }
            SqlApiIT.ok(sql.toString());
        }
        String jobId = rows("FLUSH TABLE " + NS + ".big").get(0).get(0).asText();
        SqlApiIT.ok("KILL JOB '" + jobId + "'");
        JsonNode job = awaitFinished(jobId);
        assertEquals("cancelled", job.get(0).asText(), job::toString);
        assertEquals("[[\"400000\"]]", rows("SELECT COUNT(*) FROM " + NS + ".big").toString());
        assertEquals(0, files(STORAGE.resolve(NS).resolve("big"), ".parquet"));
    }

    @Test
    void storageDdlAndItsRefusals() {
        KalamClient.Response local = SqlApiIT.sql("DROP STORAGE local");
        assertEquals(400, local.status(), local::text);
        String id = "archive_" + Long.toString(System.nanoTime(), 36);
        SqlApiIT.ok("CREATE STORAGE " + id + " TYPE 'filesystem' PATH 'archive-" + id + "'");
        SqlApiIT.ok("CREATE NAMESPACE IF NOT EXISTS " + NS + "; CREATE SHARED TABLE " + NS + ".archived "
                + "(id BIGINT PRIMARY KEY) WITH (STORAGE_ID = '" + id + "')");
        KalamClient.Response inUse = SqlApiIT.sql("DROP STORAGE " + id);
        assertTrue(inUse.text().contains(NS + ".archived"), inUse::text);
        assertEquals(400, SqlApiIT.sql("CREATE SHARED TABLE " + NS + ".nowhere (id BIGINT PRIMARY KEY) "
                + "WITH (STORAGE_ID = 'no_such_storage')").status());
        assertEquals("[[\"local\"]]", rows("SELECT storage_id FROM system.storages WHERE storage_id = 'local'")
                .toString());
    }
}
