package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalamdb.bench.sut.KalamServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * First-run setup (upstream KalamDB {@code GET /v1/api/auth/status} and {@code POST /v1/api/auth/setup}) over HTTP.
 * Setup happens once per server and ends the localhost-root rule that the shared IT server must keep, so every test
 * here starts a fresh server of its own with {@link #startFreshServer}: the Liberty server the ear module builds
 * ({@code ear/target/liberty/wlp}), on a free port, with its data and logs in a directory under
 * {@code target/first-run-setup/} (kept after the run for post-mortems). All servers stop after the class.
 */
class FirstRunSetupIT {
    /** The Liberty installation {@code mvn -pl ear -am package} builds. */
    static final Path WLP = Path.of("..", "ear", "target", "liberty", "wlp");
    /** Where each fresh server's data and logs go, one directory per server. */
    static final Path WORK = Path.of("target", "first-run-setup");

    private static final String STATUS = "/v1/api/auth/status";
    private static final String SETUP = "/v1/api/auth/setup";
    private static final String ROOT_PW = "root-secret-42";
    private static final String DBA_PW = "admin-secret-42";
    private static final List<KalamServerProcess> SERVERS = new ArrayList<>();

    /**
     * Starts a KalamDB server with fresh data — root without a password, so it needs setup — from {@link #WLP}, with
     * bcrypt cost 4 (fast logins); it is stopped after the class.
     *
     * @param workDir a directory for the server's data and logs; emptied first
     * @return the running, healthy server ({@link KalamServerProcess#url()} is its base URL)
     * @throws IOException if the server cannot be started or is not healthy within 4 minutes
     */
    static KalamServerProcess startFreshServer(Path workDir) throws IOException, InterruptedException {
        return startFreshServer(workDir, Map.of());
    }

    /**
     * As {@link #startFreshServer(Path)}, with extra settings.
     *
     * @param settings {@code KALAMDB_*} environment variables, e.g. {@code KALAMDB_AUTH_ATTEMPTS_PER_SECOND_PER_IP}
     */
    static KalamServerProcess startFreshServer(Path workDir, Map<String, String> settings)
            throws IOException, InterruptedException {
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        Map<String, String> env = new HashMap<>(settings);
        env.putIfAbsent("KALAMDB_AUTH_BCRYPT_COST", "4");
        KalamServerProcess server = KalamServerProcess.start(WLP.toAbsolutePath(), workDir.toAbsolutePath(), env);
        synchronized (SERVERS) {
            SERVERS.add(server);
        }
        return server;
    }

    @AfterAll
    static void stopServers() throws IOException, InterruptedException {
        synchronized (SERVERS) {
            for (KalamServerProcess server : SERVERS) {
                server.close();
            }
            SERVERS.clear();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, String> setupBody(String username, String password, String rootPassword) {
        return Map.of("username", username, "password", password, "root_password", rootPassword);
    }

    /** Asserts the contract's error envelope with {@code status} and {@code code}; returns the message. */
    private static String error(KalamClient.Response r, int status, String code) {
        assertEquals(status, r.status(), r::toString);
        assertEquals("error", r.json().path("status").asText(), r::toString);
        assertTrue(r.json().path("results").isArray() && r.json().path("results").isEmpty(), r::toString);
        assertEquals(code, r.json().path("error").path("code").asText(), r::toString);
        assertTrue(r.json().path("error").path("details").isNull(), r::toString);
        assertFalse(r.text().contains("\tat "), "no stack trace: " + r);
        return r.json().path("error").path("message").asText();
    }

    private static void needsSetup(KalamClient client, boolean expected) {
        KalamClient.Response r = client.get(STATUS);
        assertEquals(200, r.status(), r::toString);
        assertEquals(expected, r.json().path("needs_setup").asBoolean(), r::toString);
        assertEquals(expected ? "Server requires initial setup. Call POST /v1/api/auth/setup with username, "
                + "password, root_password, and optional email." : "Server is configured and ready.",
                r.json().path("message").asText());
        assertEquals(2, r.json().size(), r::toString);
    }

    private static JsonNode login(KalamClient client, String user, String password) {
        KalamClient.Response r = client.postJson("/v1/api/auth/login", Map.of("user", user, "password", password));
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    @Test
    void setupOverHttpConfiguresRootAndADbaOnceAndEndsTheLocalhostRootRule() throws Exception {
        // Room for this test's auth requests in one second; the flood at the end still goes over it.
        KalamServerProcess server = startFreshServer(WORK.resolve("http-contract"),
                Map.of("KALAMDB_AUTH_ATTEMPTS_PER_SECOND_PER_IP", "50"));
        KalamClient client = new KalamClient(server.url());

        needsSetup(client, true);

        String forwarded = "X-Forwarded-For";
        assertEquals("Setup status can only be checked from localhost",
                error(client.get(STATUS, forwarded, "203.0.113.9"), 403, "PERMISSION_DENIED"));
        assertEquals("Server setup can only be performed from localhost", error(client.postJson(SETUP,
                setupBody("admin", DBA_PW, ROOT_PW), forwarded, "203.0.113.9"), 403, "PERMISSION_DENIED"));

        assertEquals("DBA user password: Password must be at least 8 characters long",
                error(client.postJson(SETUP, setupBody("admin", "short1", ROOT_PW)), 400, "INVALID_PARAMETER"));
        assertEquals("Root password: Password is too common: choose one that is not on lists of breached passwords",
                error(client.postJson(SETUP, setupBody("admin", DBA_PW, "Password1")), 400, "INVALID_PARAMETER"));
        assertEquals("Cannot create a DBA user with username 'root'. Choose a different username.",
                error(client.postJson(SETUP, setupBody("root", DBA_PW, ROOT_PW)), 400, "INVALID_PARAMETER"));
        assertEquals("Setup needs \"username\", \"password\" and \"root_password\"", error(client.postJson(SETUP,
                Map.of("username", "admin", "password", DBA_PW)), 400, "INVALID_PARAMETER"));
        assertEquals("Request body exceeds 65536 bytes", error(client.postJson(SETUP,
                setupBody("admin", DBA_PW, "x".repeat(64 * 1024))), 413, "MESSAGE_TOO_LARGE"));
        KalamClient.Response carol = client.postJson("/v1/api/sql",
                Map.of("sql", "CREATE USER carol WITH PASSWORD 'carol-secret-1'"));
        assertEquals(200, carol.status(), carol::toString);
        assertEquals("User 'carol' already exists",
                error(client.postJson(SETUP, setupBody("carol", DBA_PW, ROOT_PW)), 409, "ALREADY_EXISTS"));
        needsSetup(client, true);

        Map<String, String> body = new HashMap<>(setupBody("admin", DBA_PW, ROOT_PW));
        body.put("email", "admin@example.com");
        KalamClient.Response done = client.postJson(SETUP, body);

        assertEquals(200, done.status(), done::toString);
        assertEquals("Server setup complete. Root password configured and DBA user 'admin' created. "
                + "Please login to continue.", done.json().path("message").asText());
        JsonNode user = done.json().path("user");
        assertEquals(List.of("id", "username", "role", "email", "created_at", "updated_at"),
                iterableToList(user.fieldNames()));
        assertEquals("admin", user.path("id").asText());
        assertEquals("admin", user.path("username").asText());
        assertEquals("dba", user.path("role").asText());
        assertEquals("admin@example.com", user.path("email").asText());
        assertTrue(user.path("created_at").asText().endsWith("Z"), done::toString);
        assertEquals(List.of("user", "message"), iterableToList(done.json().fieldNames()), "no tokens: " + done);
        assertTrue(done.headers().allValues("Set-Cookie").isEmpty(), done::toString);
        needsSetup(client, false);

        assertEquals("Server has already been configured. Root password is set.", error(client.postJson(SETUP,
                setupBody("other", "other-secret-42", "another-root-42")), 409, "ALREADY_EXISTS"));

        assertEquals("system", login(client, "root", ROOT_PW).path("user").path("role").asText());
        String dbaToken = login(client, "admin", DBA_PW).path("access_token").asText();
        assertEquals("Authentication required: send Authorization: Bearer <access token> from /v1/api/auth/login",
                error(client.postJson("/v1/api/sql", Map.of("sql", "SELECT 1")), 401, "AUTH_REQUIRED"));
        error(client.get("/v1/api/auth/me"), 401, "AUTH_REQUIRED");

        KalamClient.Response audit = client.postJson("/v1/api/sql", Map.of("sql", "SELECT actor_user_id, target, "
                + "subject_user_id, ip_address, details FROM system.audit_log WHERE action = 'server_setup'"),
                "Authorization", "Bearer " + dbaToken);
        assertEquals(200, audit.status(), audit::toString);
        assertEquals("[[null,\"admin\",\"admin\",\"127.0.0.1\",\"{\\\"role\\\":\\\"dba\\\"}\"]]",
                audit.json().path("results").get(0).path("rows").toString());

        assertBothEndpointsAreRateLimited(client);
    }

    @Test
    void firstRunExamplesOfTheHttpApiDocWorkAsDocumented() throws Exception {
        KalamServerProcess server = startFreshServer(WORK.resolve("doc-examples"));
        KalamClient client = new KalamClient(server.url());

        assertEquals(6, DocExamplesIT.runExamples("http-api.md", "sh first-run", client));
        error(client.postJson("/v1/api/sql", Map.of("sql", "SELECT 1")), 401, "AUTH_REQUIRED");
    }

    /**
     * The console's setup screen in chromium ({@code it/console/setup.test.mjs}): offered instead of the login while
     * root has no password, differing root passwords and a refused password shown, then setup, the login of the new
     * dba, and only the login after a reload.
     */
    @Test
    void theConsoleOffersSetupOnAFreshServerAndTheNewDbaLogsIn() throws Exception {
        ConsoleIT.assumeChromium();
        KalamServerProcess server = startFreshServer(WORK.resolve("console"));

        String out = ConsoleIT.runScript(server.url(), "setup.test.mjs", "first_dba", DBA_PW, ROOT_PW);

        assertTrue(out.contains("setup: all steps passed"), out);
        assertTrue(Files.size(ConsoleIT.SHOTS.resolve("console-setup.png")) > 1000, "screenshot written");
        KalamClient client = new KalamClient(server.url());
        needsSetup(client, false);
        assertEquals("system", login(client, "root", ROOT_PW).path("user").path("role").asText());
        assertEquals("dba", login(client, "first_dba", DBA_PW).path("user").path("role").asText());
    }

    /** Alternates status and setup requests until each has been refused with 429 by the per-address auth limit. */
    private static void assertBothEndpointsAreRateLimited(KalamClient client) {
        boolean statusLimited = false;
        boolean setupLimited = false;
        for (int i = 0; i < 1_000 && !(statusLimited && setupLimited); i++) {
            KalamClient.Response status = client.get(STATUS);
            if (status.status() == 429) {
                error(status, 429, "RATE_LIMIT_EXCEEDED");
                statusLimited = true;
            }
            KalamClient.Response setup = client.postJson(SETUP, setupBody("other", "other-secret-42", "x"));
            if (setup.status() == 429) {
                error(setup, 429, "RATE_LIMIT_EXCEEDED");
                setupLimited = true;
            } else {
                error(setup, 409, "ALREADY_EXISTS");
            }
        }
        assertTrue(statusLimited, "GET /v1/api/auth/status was never rate-limited");
        assertTrue(setupLimited, "POST /v1/api/auth/setup was never rate-limited");
    }

    private static List<String> iterableToList(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
