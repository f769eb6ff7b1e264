package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real browser: the scripts in {@code it/console} drive Debian's chromium (headless, via
 * playwright-core from npm) against the IT server, and each test checks on the server what the page changed.
 * Needs {@code /usr/bin/chromium} ({@code .ci/run} installs it; the tests are skipped on a machine without it); the
 * npm package is installed by the build ({@code npm ci} in {@code it/console}). Screenshots are kept in
 * {@code it/target/console-screenshots}.
 */
class ConsoleIT {
    private static final KalamClient HTTP = new KalamClient();
    private static final Path SCRIPT_DIR = Path.of("console");

    static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final Path OUTPUT = Path.of("target", "console-output");

    /**
     * {@code console.test.mjs}: a user's SQL studio, then a dba's flush, kill and create user. This test holds the
     * user's live query open over a WebSocket (pinging it, as the IT server closes idle sockets after 6 s) for the
     * dba to kill from the page.
     */
    @Test
    void aUserRunsQueriesAndADbaFlushesKillsALiveQueryAndCreatesAUserInChromium() throws Exception {
        assumeChromium();
        String suffix = Long.toString(System.nanoTime(), 36);
        String user = "console_" + suffix;
        String admin = "console_admin_" + suffix;
        String table = "console" + suffix + ".notes";
        SqlApiIT.ok("CREATE USER '" + user + "' WITH PASSWORD 'console-secret-1'; CREATE USER '" + admin
                + "' WITH PASSWORD 'console-admin-1' ROLE dba; CREATE NAMESPACE console" + suffix
                + "; CREATE USER TABLE " + table + " (id BIGINT PRIMARY KEY, body TEXT)");
        SqlApiIT.ok("EXECUTE AS USER '" + user + "' (INSERT INTO " + table + " VALUES (1, 'to flush'), (2, 'and this'))");
        String token = HTTP.postJson("/v1/api/auth/login", Map.of("user", user, "password", "console-secret-1")).json()
                .path("access_token").asText();
        try (WsClient live = WsClient.connect(HTTP, token)) {
            assertEquals("auth_success", live.next(5).path("type").asText());
            live.send("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"watched\",\"sql\":\"SELECT * FROM " + table
                    + "\"}}");
            assertEquals("subscription_ack", live.next(5).path("type").asText());
            assertEquals("initial_data_batch", live.next(5).path("type").asText());
            ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
            pinger.scheduleAtFixedRate(() -> live.send("{\"type\":\"ping\"}"), 1, 2, TimeUnit.SECONDS);
            String out;
            try {
                out = runScript("console.test.mjs", user, "console-secret-1", admin, "console-admin-1", table);
            } finally {
                pinger.shutdownNow();
            }
            JsonNode killed = live.next(5);
            while (killed.path("type").asText().equals("pong")) {
                killed = live.next(5);
            }
            assertEquals("error", killed.path("type").asText(), killed::toString);
            assertEquals("UNAUTHORIZED", killed.path("code").asText(), killed::toString);
            assertTrue(killed.path("message").asText().contains("killed by " + admin), killed::toString);
            assertTrue(out.contains("console: all steps passed"), out);
        }
        assertTrue(Files.size(SHOTS.resolve("console-studio.png")) > 1000, "screenshot written");
        assertTrue(Files.size(SHOTS.resolve("console-jobs.png")) > 1000, "screenshot written");
        assertEquals("[[\"completed\"]]", SqlApiIT.ok("SELECT status FROM system.jobs WHERE job_type = 'flush-table'"
                + " AND namespace_id = 'console" + suffix + "' AND table_name = 'notes'").path("results").get(0)
                .path("rows").toString(), "the flush the dba started from the page ran");
        assertEquals("[[\"service\"]]", SqlApiIT.ok("SELECT role FROM system.users WHERE user_id = '" + admin + "_made'")
                .path("results").get(0).path("rows").toString(), "the user the dba created from the page");
        assertEquals("[]", SqlApiIT.ok("SELECT live_id FROM system.live_queries WHERE user_id = '" + user + "'")
                .path("results").get(0).path("rows").toString(), "the live query the dba killed is gone");
    }

    /**
     * {@code admin.test.mjs}: a dba browses a flushed table with two schema versions, creates (once refused) and
     * drops a storage, reads the health page, changes a user's role and password, deletes and restores them, flushes
     * all tables, filters the jobs and restarts a failed flush (its storage's directory replaced by a file).
     */
    @Test
    void aDbaBrowsesTheSchemaManagesStoragesAndUsersAndReadsHealthInChromium() throws Exception {
        assumeChromium();
        String suffix = Long.toString(System.nanoTime(), 36);
        String ns = "consoleadmin" + suffix;
        String table = ns + ".notes";
        String admin = "console_dba_" + suffix;
        String managed = "console_managed_" + suffix;
        SqlApiIT.ok("CREATE USER '" + admin + "' WITH PASSWORD 'console-admin-1' ROLE dba; CREATE USER '" + managed
                + "' WITH PASSWORD 'console-managed-1'; CREATE NAMESPACE " + ns + "; CREATE USER TABLE " + table
                + " (id BIGINT PRIMARY KEY, body TEXT); ALTER TABLE " + table + " ADD COLUMN tags JSON");
        SqlApiIT.ok("EXECUTE AS USER '" + managed + "' (INSERT INTO " + table + " (id, body) VALUES (1, 'a'), (2, 'b'))");
        String flush = SqlApiIT.ok("FLUSH TABLE " + table).path("results").get(0).path("rows").get(0).get(0).asText();
        assertEquals("completed", FlushIT.awaitFinished(flush).get(0).asText());
        SqlApiIT.ok("EXECUTE AS USER '" + managed + "' (INSERT INTO " + table + " (id, body) VALUES (3, 'c'))");
        String broken = ns + ".broken";
        SqlApiIT.ok("CREATE STORAGE " + ns + "_broken TYPE 'filesystem' PATH '" + ns + "-broken'; CREATE SHARED TABLE "
                + broken + " (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = '" + ns + "_broken'); INSERT INTO " + broken
                + " VALUES (1)");
        Path brokenDir = Path.of("target", "kalamdb-data", ns + "-broken");
        Files.delete(brokenDir);
        Files.writeString(brokenDir, "a file where the storage's directory was, so that flushing fails");
        String failing = SqlApiIT.ok("FLUSH TABLE " + broken).path("results").get(0).path("rows").get(0).get(0).asText();
        assertEquals("failed", FlushIT.awaitFinished(failing).get(0).asText());

        String out = runScript("admin.test.mjs", admin, "console-admin-1", table, managed, broken);

        assertTrue(out.contains("admin: all steps passed"), out);
        for (String shot : new String[] {"console-schema.png", "console-storages.png", "console-health.png"}) {
            assertTrue(Files.size(SHOTS.resolve(shot)) > 1000, shot + " written");
        }
        assertEquals("[[\"create_storage\"],[\"drop_storage\"]]", SqlApiIT.ok("SELECT action FROM system.audit_log"
                + " WHERE target = '" + ns + "_store' ORDER BY audit_id").path("results").get(0).path("rows").toString(),
                "the storage was created and dropped from the page");
        assertEquals("[[\"service\",null]]", SqlApiIT.ok("SELECT role, deleted_at FROM system.users WHERE user_id = '"
                + managed + "'").path("results").get(0).path("rows").toString(), "restored, with the role set in the page");
        assertEquals(200, HTTP.postJson("/v1/api/auth/login", Map.of("user", managed, "password",
                "restored-in-console-1")).status(), "the password given at restore works");
        assertEquals("[[\"2\"]]", SqlApiIT.ok("SELECT COUNT(*) FROM system.jobs WHERE job_type = 'flush-table'"
                + " AND namespace_id = '" + ns + "' AND table_name = 'notes' AND status = 'completed'").path("results").get(0).path("rows")
                .toString(), "flush all tables flushed the table again");
        assertEquals("[[\"3\"]]", SqlApiIT.ok("SELECT COUNT(*) FROM system.jobs WHERE job_type = 'flush-table'"
                + " AND namespace_id = '" + ns + "' AND table_name = 'broken' AND status = 'failed'").path("results")
                .get(0).path("rows").toString(), "flushed by the test, by flush all and by restart: failed each time");
    }

    static void assumeChromium() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Debian's chromium is not installed");
    }

    private static String runScript(String script, String... args) throws Exception {
        return runScript(HTTP.baseUrl(), script, args);
    }

    /**
     * Runs {@code node <script> <server url> <args…> <screenshot dir>} in {@code it/console}, its output going to
     * {@code it/target/console-output/<script>.log} (read at the end, so that a hanging script cannot block the wait).
     * A script still running after 2 minutes is killed, with its browser.
     *
     * @return the script's output, after checking it exited 0 within 2 minutes
     */
    static String runScript(URI server, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script, server.toString()));
        command.addAll(List.of(args));
        command.add(Files.createDirectories(SHOTS).toAbsolutePath().toString());
        Path log = Files.createDirectories(OUTPUT).resolve(script + ".log").toAbsolutePath();
        Process p = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertTrue(exited, () -> script + " still running after 2 minutes, killed; its output:\n" + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
