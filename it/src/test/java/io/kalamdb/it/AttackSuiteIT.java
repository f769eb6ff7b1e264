package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack suite of the security model (OWASP API Top 10, API1 broken object level authorization and API2
 * broken authentication): user A ({@code mallory}) goes after user B's ({@code victim}) rows and the server's
 * secrets through every door a real client has — SQL over HTTP, the WebSocket, and forged tokens. Each attempt
 * must be refused with the right code, or see nothing of B's; after every test B's rows and the shared table
 * are exactly as they were.
 */
class AttackSuiteIT {
    private static final KalamClient HTTP = new KalamClient();
    private static final String SUFFIX = Long.toString(System.nanoTime(), 36);
    private static final String NS = "atk" + SUFFIX;
    private static final String NOTES = NS + ".notes";
    private static final String VAULT = NS + ".vault";
    private static final String MALLORY = "mallory_" + SUFFIX;
    private static final String VICTIM = "victim_" + SUFFIX;
    private static String mallory;
    private static String victim;
    private static String victimRows;
    private static String vaultRows;

    @BeforeAll
    static void victimsData() {
        SqlApiIT.ok("CREATE NAMESPACE " + NS + "; CREATE USER TABLE " + NOTES + " (id BIGINT PRIMARY KEY, body TEXT);"
                + " CREATE SHARED TABLE " + VAULT + " (k TEXT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'private');"
                + " INSERT INTO " + VAULT + " VALUES ('api_key', 'sk-live-123')");
        SqlApiIT.ok("CREATE USER '" + MALLORY + "' WITH PASSWORD 'mallory-pass-1'; CREATE USER '" + VICTIM
                + "' WITH PASSWORD 'victim-pass-1'");
        mallory = login(MALLORY, "mallory-pass-1");
        victim = login(VICTIM, "victim-pass-1");
        ok(victim, "INSERT INTO " + NOTES + " VALUES (1, 'victim secret'), (2, 'victim diary')");
        ok(mallory, "INSERT INTO " + NOTES + " VALUES (100, 'mallory own')");
        victimRows = victimRows();
        vaultRows = vaultRows();
    }

    @AfterEach
    void victimsDataIsUnchanged() {
        assertEquals(victimRows, victimRows());
        assertEquals(vaultRows, vaultRows());
    }

    private static String victimRows() {
        return ok(victim, "SELECT id, body, _seq FROM " + NOTES + " ORDER BY id").path("rows").toString();
    }

    private static String vaultRows() {
        return SqlApiIT.ok("SELECT k, v, _seq FROM " + VAULT + " ORDER BY k").path("results").get(0).path("rows")
                .toString();
    }

    private static String login(String user, String password) {
        KalamClient.Response r = HTTP.postJson("/v1/api/auth/login", Map.of("user", user, "password", password));
        assertEquals(200, r.status(), r::toString);
        return r.json().path("access_token").asText();
    }

    private static KalamClient.Response sql(String token, String sql) {
        return HTTP.postJson("/v1/api/sql", Map.of("sql", sql), "Authorization", "Bearer " + token);
    }

    /** @return the first result of a successful statement */
    private static JsonNode ok(String token, String sql) {
        KalamClient.Response r = sql(token, sql);
        assertEquals(200, r.status(), r::toString);
        return r.json().path("results").get(0);
    }

    private static void refused(int status, String code, KalamClient.Response r) {
        assertEquals(status, r.status(), r::toString);
        assertEquals(code, r.json().path("error").path("code").asText(), r::toString);
    }

    // --- object level authorization over SQL ---

    @Test
    void plainSelectAndInternalColumnsShowOnlyTheCallersPartition() {
        assertEquals("[[\"100\",\"mallory own\"]]", ok(mallory, "SELECT id, body FROM " + NOTES).path("rows").toString());
        assertEquals("[]", ok(mallory, "SELECT id FROM " + NOTES + " WHERE id IN (1, 2)").path("rows").toString());
        String victimsSeq = ok(victim, "SELECT _seq FROM " + NOTES + " WHERE id = 1").path("rows").get(0).get(0).asText();
        assertEquals("[]", ok(mallory, "SELECT id FROM " + NOTES + " WHERE _seq = " + victimsSeq).path("rows").toString());
        assertEquals("[]", ok(mallory, "SELECT id FROM " + NOTES + " WHERE (_deleted = true OR _deleted = false)"
                + " AND body LIKE 'victim%'").path("rows").toString());
        assertEquals("[[\"1\"]]", ok(mallory, "SELECT COUNT(*) FROM " + NOTES).path("rows").toString());
    }

    @Test
    void joinsSubqueriesAndUnionsStayInTheCallersPartition() {
        assertEquals("[[\"100\",\"100\"]]", ok(mallory, "SELECT a.id, b.id FROM " + NOTES + " a JOIN " + NOTES
                + " b ON a.id <> b.id OR a.id = b.id").path("rows").toString());
        assertEquals("[]", ok(mallory, "SELECT id FROM " + NOTES + " WHERE id IN (SELECT id FROM " + NOTES
                + " WHERE body LIKE 'victim%')").path("rows").toString());
        assertEquals("[[\"mallory own\"]]", ok(mallory, "SELECT body FROM " + NOTES + " UNION SELECT body FROM "
                + NOTES + " WHERE id < 100").path("rows").toString());
        assertEquals("[[\"1\"]]", ok(mallory, "SELECT (SELECT COUNT(*) FROM " + NOTES + ")").path("rows").toString());
    }

    @Test
    void systemTablesAndPrivateSharedTablesAreRefusedWhereverTheyAppear() {
        for (String sql : new String[] {
                "SELECT * FROM system.users",
                "SELECT * FROM system.audit_log",
                "SELECT * FROM system.storages",
                "SELECT * FROM system.jobs",
                "SELECT body FROM " + NOTES + " UNION ALL SELECT user_id FROM system.users",
                "SELECT id FROM " + NOTES + " WHERE body IN (SELECT user_id FROM system.users)",
                "SELECT n.id FROM " + NOTES + " n JOIN system.users u ON n.body = u.user_id",
                "SELECT * FROM " + VAULT,
                "SELECT body FROM " + NOTES + " UNION ALL SELECT v FROM " + VAULT,
                "SELECT id FROM " + NOTES + " WHERE body = (SELECT v FROM " + VAULT + " WHERE k = 'api_key')"}) {
            refused(403, "PERMISSION_DENIED", sql(mallory, sql));
        }
    }

    @Test
    void writesAimedAtAnotherUsersRowsChangeNothingOfTheirs() {
        assertEquals(0, ok(mallory, "UPDATE " + NOTES + " SET body = 'pwned' WHERE id = 1").path("row_count").asInt());
        assertEquals(0, ok(mallory, "DELETE FROM " + NOTES + " WHERE id = 2").path("row_count").asInt());
        ok(mallory, "INSERT INTO " + NOTES + " VALUES (1, 'mallory shadow')");
        ok(mallory, "DELETE FROM " + NOTES + " WHERE id = 1");
        refused(403, "PERMISSION_DENIED", sql(mallory, "UPDATE " + VAULT + " SET v = 'pwned'"));
        refused(403, "PERMISSION_DENIED", sql(mallory, "INSERT INTO " + VAULT + " VALUES ('x', 'y')"));
        refused(403, "PERMISSION_DENIED", sql(mallory, "DELETE FROM system.audit_log"));
        refused(403, "PERMISSION_DENIED", sql(mallory, "DROP TABLE " + NOTES));
        refused(403, "PERMISSION_DENIED", sql(mallory, "ALTER USER '" + VICTIM + "' SET PASSWORD 'mallory-owns-1'"));
        refused(403, "PERMISSION_DENIED", sql(mallory, "ALTER USER '" + MALLORY + "' SET ROLE dba"));
        assertEquals(200, HTTP.postJson("/v1/api/auth/login", Map.of("user", VICTIM, "password", "victim-pass-1"))
                .status());
    }

    @Test
    void executeAsAnotherUserIsRefusedAndAudited() {
        refused(403, "PERMISSION_DENIED", sql(mallory, "EXECUTE AS USER '" + VICTIM + "' (SELECT * FROM " + NOTES + ")"));
        refused(403, "PERMISSION_DENIED", sql(mallory, "EXECUTE AS USER '" + VICTIM + "' (DELETE FROM " + NOTES + ")"));
        refused(403, "PERMISSION_DENIED", sql(mallory, "EXECUTE AS USER 'root' (SELECT * FROM system.users)"));
        JsonNode audit = SqlApiIT.ok("SELECT COUNT(*) FROM system.audit_log WHERE action = 'execute_as' AND actor_user_id = '"
                + MALLORY + "'").path("results").get(0).path("rows");
        assertEquals("[[\"3\"]]", audit.toString());
    }

    // --- live queries ---

    @Test
    void aSubscriptionsWhereClauseCannotReachAnotherUsersRows() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, mallory)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            ws.send("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"spy\",\"sql\":\"SELECT * FROM " + NOTES
                    + " WHERE id = 1 OR body LIKE 'victim%' OR _seq > 0\"}}");
            JsonNode ack = ws.next(5);
            assertEquals("subscription_ack", ack.path("type").asText(), ack::toString);
            JsonNode snapshot = ws.next(5);
            assertEquals("initial_data_batch", snapshot.path("type").asText(), snapshot::toString);
            assertEquals(1, snapshot.path("rows").size(), snapshot::toString);
            assertEquals("100", snapshot.path("rows").get(0).path("id").asText());

            ok(victim, "INSERT INTO " + NOTES + " VALUES (3, 'victim new')");
            ok(mallory, "INSERT INTO " + NOTES + " VALUES (101, 'mallory marker')");
            JsonNode change = ws.next(5);
            assertEquals("101", change.path("rows").get(0).path("id").asText(), change::toString);
            ok(victim, "DELETE FROM " + NOTES + " WHERE id = 3");

            ws.send("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"sys\",\"sql\":\"SELECT * FROM system.users\"}}");
            JsonNode error = ws.next(5);
            assertEquals("error", error.path("type").asText(), error::toString);
            assertEquals("UNAUTHORIZED", error.path("code").asText(), error::toString);
        } finally {
            ok(mallory, "DELETE FROM " + NOTES + " WHERE id = 101");
        }
    }

    @Test
    void anotherUsersLiveQueryCanBeNeitherSeenNorKilled() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, victim)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            ws.send("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"mine\",\"sql\":\"SELECT * FROM " + NOTES + "\"}}");
            assertEquals("subscription_ack", ws.next(5).path("type").asText());
            assertEquals("initial_data_batch", ws.next(5).path("type").asText());
            String liveId = SqlApiIT.ok("SELECT live_id FROM system.live_queries WHERE user_id = '" + VICTIM + "'")
                    .path("results").get(0).path("rows").get(0).get(0).asText();

            assertEquals("[]", ok(mallory, "SELECT live_id FROM system.live_queries WHERE user_id = '" + VICTIM + "'")
                    .path("rows").toString());
            refused(403, "PERMISSION_DENIED", sql(mallory, "KILL LIVE QUERY '" + liveId + "'"));

            ok(victim, "UPDATE " + NOTES + " SET body = 'victim secret' WHERE id = 1");
            JsonNode change = ws.next(5);
            assertEquals("change", change.path("type").asText(), change::toString);
            assertEquals("update", change.path("change_type").asText(), change::toString);
        }
        victimRows = victimRows();
    }

    // --- broken authentication ---

    @Test
    void forgedTokensAreRefused() {
        String[] parts = mallory.split("\\.");
        String header = decode(parts[0]);
        String claims = decode(parts[1]);
        String asVictim = claims.replace("\"sub\":\"" + MALLORY + "\"", "\"sub\":\"" + VICTIM + "\"");
        String asDba = claims.replace("\"role\":\"user\"", "\"role\":\"dba\"");
        assertFalse(asVictim.equals(claims) || asDba.equals(claims), claims);

        String algNone = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(asVictim) + ".";
        String tamperedSubject = parts[0] + "." + encode(asVictim) + "." + parts[2];
        String tamperedRole = parts[0] + "." + encode(asDba) + "." + parts[2];
        String hs512Header = encode(header.replace("HS256", "HS512")) + "." + parts[1] + "." + parts[2];
        for (String forged : new String[] {algNone, tamperedSubject, tamperedRole, hs512Header, "not.a.jwt", ""}) {
            refused(401, "AUTH_REQUIRED", sql(forged, "SELECT * FROM " + NOTES));
            assertEquals(401, HTTP.get("/v1/api/auth/me", "Authorization", "Bearer " + forged).status());
        }
        try (WsClient ws = WsClient.connect(HTTP, null)) {
            ws.send("{\"type\":\"authenticate\",\"method\":\"jwt\",\"token\":\"" + algNone + "\"}");
            JsonNode reply = ws.next(5);
            assertEquals("auth_error", reply.path("type").asText(), reply::toString);
            assertEquals(1008, ws.closeCode(5));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void tokensSignedWithTheServersKeyButWrongClaimsAreRefused() {
        assertEquals(200, sql(TokenForge.access(MALLORY, "user"), "SELECT 1").status(), "the forge signs as the server");
        refused(401, "AUTH_REQUIRED", sql(TokenForge.access(MALLORY, "user", "kalamdb", "kalamdb", -120), "SELECT 1"));
        refused(401, "AUTH_REQUIRED", sql(TokenForge.access(MALLORY, "user", "kalamdb", "another-app", 3600), "SELECT 1"));
        refused(401, "AUTH_REQUIRED", sql(TokenForge.access(MALLORY, "user", "https://evil.example", "kalamdb", 3600),
                "SELECT 1"));
        refused(401, "AUTH_REQUIRED", sql(TokenForge.access("ghost_" + SUFFIX, "dba"), "SELECT 1"));
        assertEquals("[[\"100\",\"mallory own\"]]", ok(TokenForge.access(MALLORY, "dba"), "SELECT id, body FROM " + NOTES)
                .path("rows").toString());
        refused(403, "PERMISSION_DENIED", sql(TokenForge.access(MALLORY, "dba"), "SELECT * FROM system.users"));
    }

    @Test
    void tokensOfADroppedUserAndTokensAfterLogoutAreRefused() {
        String dropped = "dropped_" + SUFFIX;
        SqlApiIT.ok("CREATE USER '" + dropped + "' WITH PASSWORD 'dropped-pass-1'");
        String droppedToken = login(dropped, "dropped-pass-1");
        SqlApiIT.ok("DROP USER '" + dropped + "'");
        refused(401, "AUTH_REQUIRED", sql(droppedToken, "SELECT 1"));

        KalamClient.Response session = HTTP.postJson("/v1/api/auth/login", Map.of("user", MALLORY,
                "password", "mallory-pass-1"));
        String access = session.json().path("access_token").asText();
        String refresh = session.json().path("refresh_token").asText();
        assertEquals(200, HTTP.postJson("/v1/api/auth/logout", Map.of("refresh_token", refresh),
                "Authorization", "Bearer " + access).status());
        refused(401, "AUTH_REQUIRED", sql(access, "SELECT 1"));
        refused(401, "AUTH_REQUIRED", HTTP.postJson("/v1/api/auth/refresh", Map.of("refresh_token", refresh)));
        assertEquals(200, sql(mallory, "SELECT 1").status(), "other sessions of the user stay valid");
    }

    @Test
    void bruteForceLoginHitsTheLockoutEvenForTheRightPasswordAndSuspendsTheUsersSessions() {
        String target = "brute_" + SUFFIX;
        SqlApiIT.ok("CREATE USER '" + target + "' WITH PASSWORD 'brute-right-1'");
        String session = login(target, "brute-right-1");
        for (int i = 1; i <= 5; i++) {
            refused(401, "AUTH_REQUIRED", HTTP.postJson("/v1/api/auth/login",
                    Map.of("user", target, "password", "guess-" + i + "-wrong")));
        }
        refused(429, "RATE_LIMIT_EXCEEDED", HTTP.postJson("/v1/api/auth/login",
                Map.of("user", target, "password", "brute-right-1")));
        refused(401, "AUTH_REQUIRED", sql(session, "SELECT 1"));
        assertTrue(login(MALLORY, "mallory-pass-1").length() > 20, "other users still log in");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
