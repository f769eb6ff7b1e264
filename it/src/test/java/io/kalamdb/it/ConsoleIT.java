package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real browser: {@code it/console/console.test.mjs} drives Debian's chromium (headless, via
 * playwright-core from npm) against the IT server, while this test holds the user's live query open over a
 * WebSocket (pinging it, as the IT server closes idle sockets after 6 s) for the dba to kill from the page. Needs {@code /usr/bin/chromium} ({@code .ci/run} installs it; the
 * test is skipped on a machine without it); the npm package is installed by the build ({@code npm ci} in
 * {@code it/console}). Screenshots are kept in {@code it/target/console-screenshots}.
 */
class ConsoleIT {
    private static final KalamClient HTTP = new KalamClient();
    private static final Path SCRIPT_DIR = Path.of("console");

    @Test
    void aUserRunsQueriesAndADbaFlushesKillsALiveQueryAndCreatesAUserInChromium() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Debian's chromium is not installed");
        String suffix = Long.toString(System.nanoTime(), 36);
        String user = "console_" + suffix;
        String admin = "console_admin_" + suffix;
        String table = "console" + suffix + ".notes";
        SqlApiIT.ok("CREATE USER '" + user + "' WITH PASSWORD 'console-secret-1'; CREATE USER '" + admin
                + "' WITH PASSWORD 'console-admin-1' ROLE dba; CREATE NAMESPACE console" + suffix
                + "; CREATE USER TABLE " + table + " (id BIGINT PRIMARY KEY, body TEXT)");
        SqlApiIT.ok("EXECUTE AS USER '" + user + "' (INSERT INTO " + table + " VALUES (1, 'to flush'), (2, 'and this'))");
        Path shots = Files.createDirectories(Path.of("target", "console-screenshots"));
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
                out = runBrowser(user, admin, table, shots);
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
        assertTrue(Files.size(shots.resolve("console-studio.png")) > 1000, "screenshot written");
        assertTrue(Files.size(shots.resolve("console-jobs.png")) > 1000, "screenshot written");
        assertEquals("[[\"completed\"]]", SqlApiIT.ok("SELECT status FROM system.jobs WHERE job_type = 'flush-table'"
                + " AND namespace_id = 'console" + suffix + "' AND table_name = 'notes'").path("results").get(0)
                .path("rows").toString(), "the flush the dba started from the page ran");
        assertEquals("[[\"service\"]]", SqlApiIT.ok("SELECT role FROM system.users WHERE user_id = '" + admin + "_made'")
                .path("results").get(0).path("rows").toString(), "the user the dba created from the page");
        assertEquals("[]", SqlApiIT.ok("SELECT live_id FROM system.live_queries WHERE user_id = '" + user + "'")
                .path("results").get(0).path("rows").toString(), "the live query the dba killed is gone");
    }

    /** @return the driver's output, after checking it exited 0 */
    private static String runBrowser(String user, String admin, String table, Path shots) throws Exception {
        Process p = new ProcessBuilder("node", "console.test.mjs", HTTP.baseUrl().toString(), user, "console-secret-1",
                admin, "console-admin-1", table, shots.toAbsolutePath().toString()).directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
