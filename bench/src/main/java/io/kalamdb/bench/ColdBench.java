package io.kalamdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cold-tier figures on a running server, over HTTP as root (localhost, root without password), printed one
 * per line:
 * <ol>
 *   <li><b>Flush rate:</b> a SHARED table of {@code --rows} rows (default 1,000,000; 6 columns: BIGINT key,
 *       TEXT, INT, DOUBLE, BOOLEAN, TIMESTAMP) is loaded in 1,000-row INSERTs, then {@code FLUSH TABLE} runs
 *       as a job with nothing else running; the rate is rows over the job's running time
 *       ({@code finished_at − started_at} of its {@code system.jobs} row). A 100,000-row table is flushed
 *       first, so the figure is the server's warm (JIT-compiled) rate; that first flush is reported too.</li>
 *   <li><b>INSERT latency during a flush:</b> while a table of a quarter as many rows is flushed, single-row
 *       INSERTs into another table run back to back on a second connection until the job has finished;
 *       p50/p99 of those.</li>
 *   <li><b>Point lookups over flushed rows:</b> 1,000 {@code SELECT … WHERE id = $1} of random keys (after
 *       100 warm-up lookups), p50/p99 round trip.</li>
 *   <li><b>COUNT(*):</b> the full count over the flushed table, best and worst of 5.</li>
 * </ol>
 * Usage: {@code java -cp bench.jar io.kalamdb.bench.ColdBench [--url U] [--rows N]}. Drops its tables at the
 * end.
 */
public final class ColdBench {
    private ColdBench() {
    }

    /**
     * Runs the measurements.
     *
     * @param args {@code --name value} pairs
     * @throws Exception if the server fails a step
     */
    public static void main(String[] args) throws Exception {
        URI url = URI.create(LiveBenchSetup.option(args, "--url", "http://127.0.0.1:8080"));
        int rows = Integer.parseInt(LiveBenchSetup.option(args, "--rows", "1000000"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        String table = BenchTable.NAMESPACE + ".cold_" + run;
        String side = BenchTable.NAMESPACE + ".cold_side_" + run;
        KalamHttpTarget db = new KalamHttpTarget(HttpTransport.named("raw", url), null);
        db.execute("CREATE NAMESPACE IF NOT EXISTS " + BenchTable.NAMESPACE, List.of());
        db.execute("CREATE SHARED TABLE " + table + " (id BIGINT PRIMARY KEY, body TEXT, n INT, x DOUBLE, "
                + "flag BOOLEAN, created TIMESTAMP) WITH (FLUSH_POLICY = 'rows:1000000000,interval:1000000')", List.of());
        db.execute("CREATE SHARED TABLE " + side + " (id BIGINT PRIMARY KEY, body TEXT) "
                + "WITH (FLUSH_POLICY = 'rows:1000000000,interval:1000000')", List.of());
        String warmup = table + "_warmup";
        String during = table + "_during";
        for (String t : List.of(warmup, during)) {
            db.execute("CREATE SHARED TABLE " + t + " (id BIGINT PRIMARY KEY, body TEXT, n INT, x DOUBLE, "
                    + "flag BOOLEAN, created TIMESTAMP) WITH (FLUSH_POLICY = 'rows:1000000000,interval:1000000')",
                    List.of());
        }
        try {
            load(db, warmup, 100_000);
            flush(db, url, warmup, null, 100_000, "first flush in this server");
            load(db, table, rows);
            flush(db, url, table, null, rows, "flush");
            load(db, during, rows / 4);
            flush(db, url, during, side, rows / 4, "flush with concurrent INSERTs");
            lookups(db, table, rows);
            count(db, table, rows);
        } finally {
            for (String t : List.of(table, side, warmup, during)) {
                db.execute("DROP TABLE " + t, List.of());
            }
        }
    }

    private static void load(KalamHttpTarget db, String table, int rows) {
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += 1000) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES ");
            for (int id = from; id < Math.min(rows, from + 1000); id++) {
                sql.append(id == from ? "" : ", ").append('(').append(id).append(", 'message number ").append(id)
                        .append(" with some text'").append(", ").append(id % 1000).append(", ").append(id * 0.5)
                        .append(", ").append(id % 2 == 0).append(", ").append(1_700_000_000_000L + id).append(')');
            }
            db.execute(sql.toString(), List.of());
        }
        System.out.printf(Locale.ROOT, "loaded %d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
    }

    /** Flushes {@code table} as a job; with {@code side} non-null, inserts into it meanwhile and reports those. */
    private static void flush(KalamHttpTarget db, URI url, String table, String side, int rows, String what)
            throws Exception {
        KalamHttpTarget writer = new KalamHttpTarget(HttpTransport.named("raw", url), null);
        LatencyRecorder inserts = new LatencyRecorder();
        AtomicBoolean done = new AtomicBoolean();
        Thread insertLoop = new Thread(() -> {
            long id = 0;
            while (side != null && !done.get()) {
                long t = System.nanoTime();
                writer.execute("INSERT INTO " + side + " VALUES ($1, 'during the flush')", List.of(id++));
                inserts.record(System.nanoTime() - t);
            }
        });
        String jobId = db.execute("FLUSH TABLE " + table, List.of()).path("rows").path(0).path(0).asText();
        insertLoop.start();
        JsonNode job;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        do {
            Thread.sleep(100);
            job = db.execute("SELECT status, message, started_at, finished_at FROM system.jobs WHERE job_id = $1",
                    List.of(jobId)).path("rows").path(0);
        } while (!List.of("completed", "failed", "cancelled").contains(job.path(0).asText())
                && System.nanoTime() < deadline);
        done.set(true);
        insertLoop.join();
        if (!job.path(0).asText().equals("completed")) {
            throw new IllegalStateException("flush job " + jobId + " ended " + job);
        }
        double seconds = (job.path(3).asLong() - job.path(2).asLong()) / 1e6;
        System.out.printf(Locale.ROOT, "%s of %d rows (6 columns, ZSTD): %.2f s, %.0f rows/s; job message: %s%n",
                what, rows, seconds, rows / seconds, job.path(1).asText());
        if (side != null) {
            System.out.printf(Locale.ROOT, "single-row INSERT during that flush: %d inserts, p50 %.3f ms, p99 %.3f ms,"
                            + " max %.3f ms%n", inserts.count(), inserts.percentile(50) / 1e6,
                    inserts.percentile(99) / 1e6, inserts.percentile(100) / 1e6);
        }
    }

    private static void lookups(KalamHttpTarget db, String table, int rows) {
        LatencyRecorder latencies = new LatencyRecorder();
        for (int i = 0; i < 1100; i++) {
            long id = ThreadLocalRandom.current().nextLong(rows);
            long t = System.nanoTime();
            JsonNode r = db.execute("SELECT body FROM " + table + " WHERE id = $1", List.of(id));
            long elapsed = System.nanoTime() - t;
            if (!r.path("rows").path(0).path(0).asText().equals("message number " + id + " with some text")) {
                throw new IllegalStateException("lookup of " + id + " returned " + r);
            }
            if (i >= 100) {
                latencies.record(elapsed);
            }
        }
        System.out.printf(Locale.ROOT, "primary-key lookup over %d flushed rows: p50 %.3f ms, p99 %.3f ms%n", rows,
                latencies.percentile(50) / 1e6, latencies.percentile(99) / 1e6);
    }

    private static void count(KalamHttpTarget db, String table, int rows) {
        long best = Long.MAX_VALUE;
        long worst = 0;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            long n = db.execute("SELECT COUNT(*) FROM " + table, List.of()).path("rows").path(0).path(0).asLong();
            long elapsed = System.nanoTime() - t;
            if (n != rows) {
                throw new IllegalStateException("COUNT(*) = " + n + ", expected " + rows);
            }
            best = Math.min(best, elapsed);
            worst = Math.max(worst, elapsed);
        }
        System.out.printf(Locale.ROOT, "COUNT(*) over %d flushed rows: best %.3f s, worst %.3f s of 5%n", rows,
                best / 1e9, worst / 1e9);
    }
}
