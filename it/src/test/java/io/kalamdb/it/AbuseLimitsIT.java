package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The abuse limits (docs/security.md) against the real server, whose limits it/pom.xml sets low: 100 SQL
 * requests/s per user, 20 auth attempts/s per address, 8 WebSockets per address, 50 messages/s per WebSocket,
 * 64 KiB per WebSocket message, a 5 s statement timeout and 10,000 result rows. Floods of per-address limits come
 * from IPv6 loopback ({@code [::1]}, which the server sees as another client), so 127.0.0.1 — every other test's
 * address — is both the "other address" here and untouched by the floods.
 */
class AbuseLimitsIT {
    private static final KalamClient HTTP = new KalamClient(new KalamClient().baseUrl(), HttpClient.Version.HTTP_1_1);
    /** The same server over IPv6 loopback: the server sees peer {@code 0:0:0:0:0:0:0:1}, another address. */
    private static final KalamClient OTHER_ADDRESS = new KalamClient(URI.create(HTTP.baseUrl().toString()
            .replace("127.0.0.1", "[::1]")), HttpClient.Version.HTTP_1_1);
    private static final String SUFFIX = Long.toString(System.nanoTime(), 36);
    private static final String NS = "abuse" + SUFFIX;
    private static final String ALICE = "flood_alice_" + SUFFIX;
    private static final String BOB = "calm_bob_" + SUFFIX;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void usersAndTable() {
        SqlApiIT.ok("CREATE USER '" + ALICE + "' WITH PASSWORD 'alice-secret-1'");
        SqlApiIT.ok("CREATE USER '" + BOB + "' WITH PASSWORD 'bob-secret-1'");
        alice = login(HTTP, ALICE, "alice-secret-1").json().path("access_token").asText();
        bob = login(HTTP, BOB, "bob-secret-1").json().path("access_token").asText();
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 10_001; i++) {
            values.append(i == 1 ? "" : ", ").append('(').append(i).append(')');
        }
        SqlApiIT.ok("CREATE NAMESPACE " + NS + "; CREATE SHARED TABLE " + NS + ".n (id BIGINT PRIMARY KEY) "
                + "WITH (ACCESS_LEVEL = 'public'); INSERT INTO " + NS + ".n VALUES " + values);
    }

    private static KalamClient.Response login(KalamClient client, String user, String password, String... headers) {
        return client.postJson("/v1/api/auth/login", Map.of("user", user, "password", password), headers);
    }

    private static KalamClient.Response sqlAs(String token, String sql) {
        return HTTP.postJson("/v1/api/sql", Map.of("sql", sql), "Authorization", "Bearer " + token);
    }

    private static JsonNode error(KalamClient.Response r, int status, String code) {
        assertEquals(status, r.status(), r::toString);
        assertEquals("error", r.json().path("status").asText(), r::toString);
        assertEquals(code, r.json().path("error").path("code").asText(), r::toString);
        return r.json().path("error");
    }

    /** Sends {@code count} {@code SELECT 1} from 8 threads at once, as {@code token}'s user or (null) as root. */
    private static List<KalamClient.Response> flood(String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<KalamClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(pool.submit(() -> token == null ? HTTP.postJson("/v1/api/sql", Map.of("sql", "SELECT 1"))
                        : sqlAs(token, "SELECT 1")));
            }
            List<KalamClient.Response> replies = new ArrayList<>();
            for (Future<KalamClient.Response> f : sent) {
                replies.add(f.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUsersSqlFloodGets429WhileAnotherUserAndRootCarryOn() throws Exception {
        long start = System.nanoTime();
        List<KalamClient.Response> replies = flood(alice, 400);
        double seconds = (System.nanoTime() - start) / 1e9;

        long passed = replies.stream().filter(r -> r.status() == 200).count();
        List<KalamClient.Response> refused = replies.stream().filter(r -> r.status() == 429).toList();
        assertEquals(400, passed + refused.size(), replies::toString);
        assertTrue(passed >= 100 && passed <= 100 + Math.ceil(seconds * 100) + 1, passed + " passed in " + seconds
                + " s: the burst of 100, then 100 per second");
        JsonNode e = error(refused.get(0), 429, "RATE_LIMIT_EXCEEDED");
        assertEquals("Too many requests: at most 100 SQL requests per second per user "
                + "(kalamdb.sql.requests.per.second.per.user); retry shortly", e.path("message").asText());
        assertEquals(200, sqlAs(bob, "SELECT 1").status(), "bob has his own budget");
        assertTrue(flood(null, 300).stream().allMatch(r -> r.status() == 200), "root (role system) is exempt");
        Thread.sleep(1_100);
        assertEquals(200, sqlAs(alice, "SELECT 1").status(), "a second later alice's budget has refilled");
    }

    @Test
    void aLoginFloodFromOneAddressGets429AndForgedForwardedForDoesNotEvadeIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<KalamClient.Response> replies = new ArrayList<>();
        long start = System.nanoTime();
        try {
            List<Future<KalamClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String name = "ghost_" + SUFFIX + "_" + i;
                String forged = "198.51.100." + i;
                sent.add(pool.submit(() -> login(OTHER_ADDRESS, name, "wrong-password", "X-Forwarded-For", forged)));
            }
            for (Future<KalamClient.Response> f : sent) {
                replies.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long checked = replies.stream().filter(r -> r.status() == 401).count();
        List<KalamClient.Response> refused = replies.stream().filter(r -> r.status() == 429).toList();
        assertEquals(100, checked + refused.size(), replies::toString);
        assertTrue(checked <= 20 + Math.ceil(seconds * 20) + 1, checked + " passwords checked in " + seconds
                + " s: no more than the burst of 20 and 20 per second, whatever X-Forwarded-For says");
        assertTrue(!refused.isEmpty(), "100 attempts at once exceed 20 per second");
        assertEquals("Too many authentication attempts: at most 20 per second from one address "
                + "(kalamdb.auth.attempts.per.second.per.ip); retry shortly",
                refused.get(0).json().path("error").path("message").asText(), refused.get(0)::toString);
        assertEquals(200, login(HTTP, BOB, "bob-secret-1").status(), "another address logs in meanwhile");
        JsonNode audited = SqlApiIT.ok("SELECT DISTINCT ip_address FROM system.audit_log WHERE action = "
                + "'login_failed' AND target LIKE 'ghost_" + SUFFIX + "_%'").path("results").get(0).path("rows");
        assertEquals("[[\"0:0:0:0:0:0:0:1\"]]", audited.toString(), "the audit log names the peer, not the header");
        Thread.sleep(1_100);
        assertEquals(200, login(OTHER_ADDRESS, BOB, "bob-secret-1").status(), "the address's budget refills");
    }

    @Test
    void oversizedBodiesAre413MessageTooLarge() {
        String big = "{\"user\":\"" + "x".repeat(64 * 1024) + "\",\"password\":\"p\"}";
        JsonNode e = error(HTTP.postJson("/v1/api/auth/login", big), 413, "MESSAGE_TOO_LARGE");
        assertEquals("Request body exceeds 65536 bytes", e.path("message").asText());
    }

    @Test
    void aResultOverTheMaximumRowsIs413AndAQueryPastTheTimeoutStops() {
        JsonNode e = error(sqlAs(bob, "SELECT id FROM " + NS + ".n"), 413, "MESSAGE_TOO_LARGE");
        assertTrue(e.path("message").asText().contains("maximum of 10000 rows"), e::toString);
        assertEquals(10, SqlApiIT.ok("SELECT id FROM " + NS + ".n ORDER BY id LIMIT 10").path("results").get(0)
                .path("row_count").asInt());

        long start = System.nanoTime();
        e = error(sqlAs(bob, "SELECT COUNT(*) FROM " + NS + ".n a, " + NS + ".n b, " + NS + ".n c WHERE a.id + b.id "
                + "+ c.id < 0"), 400, "SQL_EXECUTION_ERROR");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertEquals("Statement cancelled: it ran longer than the statement timeout of 5 s "
                + "(kalamdb.sql.statement.timeout.seconds)", e.path("message").asText());
        assertTrue(seconds < 30, "10^12 combinations would take days; stopped after " + seconds + " s");
    }

    private static JsonNode nextOfType(WsClient ws, String type) throws InterruptedException {
        for (JsonNode m = ws.poll(5_000); m != null; m = ws.poll(5_000)) {
            if (type.equals(m.path("type").asText())) {
                return m;
            }
        }
        throw new AssertionError("no " + type + " message");
    }

    @Test
    void aWebSocketMessageFloodIsDroppedWithOneErrorAndTheConnectionCarriesOn() throws Exception {
        try (WsClient flooder = WsClient.connect(HTTP, alice); WsClient calm = WsClient.connect(HTTP, bob)) {
            assertEquals("auth_success", flooder.next(5).path("type").asText());
            assertEquals("auth_success", calm.next(5).path("type").asText());

            for (int i = 0; i < 300; i++) {
                flooder.send("{\"type\":\"ping\"}");
            }
            int pongs = 0;
            List<JsonNode> errors = new ArrayList<>();
            for (JsonNode m = flooder.poll(2_000); m != null; m = flooder.poll(1_000)) {
                if (m.path("type").asText().equals("pong")) {
                    pongs++;
                } else {
                    errors.add(m);
                }
            }

            assertTrue(pongs >= 50 && pongs < 300, pongs + " pongs");
            assertTrue(!errors.isEmpty() && errors.size() < 10, "one error per run of dropped messages: " + errors);
            assertEquals("RATE_LIMIT_EXCEEDED", errors.get(0).path("code").asText(), errors::toString);
            calm.send("{\"type\":\"ping\"}");
            assertEquals("pong", calm.next(5).path("type").asText(), "another connection is unaffected");
            flooder.send("{\"type\":\"ping\"}");
            assertEquals("pong", flooder.next(5).path("type").asText(), "the flooding connection is still open");
        }
    }

    @Test
    void anOversizeWebSocketMessageIsRefusedWithMessageTooLargeAndTheConnectionCarriesOn() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, bob)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            String padded = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(65_536) + "\"}";

            ws.send(padded);

            JsonNode e = ws.next(5);
            assertEquals("error", e.path("type").asText(), e::toString);
            assertEquals("MESSAGE_TOO_LARGE", e.path("code").asText(), e::toString);
            assertEquals("Message exceeds 65536 bytes (kalamdb.ws.max.message.bytes)", e.path("message").asText());
            ws.send("{\"type\":\"ping\"}");
            assertEquals("pong", ws.next(5).path("type").asText());
        }
    }

    @Test
    void aHugeMessageIsDroppedAsItArrivesAndTheConnectionCarriesOn() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, bob)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());

            ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}");

            JsonNode e = ws.next(10);
            assertEquals("MESSAGE_TOO_LARGE", e.path("code").asText(), e::toString);
            ws.send("{\"type\":\"ping\"}");
            assertEquals("pong", ws.next(5).path("type").asText());
        }
    }

    @Test
    void tooManyWebSocketsFromOneAddressAreRefusedAndAClosedOneFreesItsSlot() throws Exception {
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                WsClient ws = WsClient.connect(OTHER_ADDRESS, bob);
                open.add(ws);
                JsonNode m = ws.next(5);
                assertEquals("auth_success", m.path("type").asText(), m::toString);
            }
            try (WsClient ninth = WsClient.connect(OTHER_ADDRESS, bob)) {
                JsonNode e = ninth.next(5);
                assertEquals("RATE_LIMIT_EXCEEDED", e.path("code").asText(), e::toString);
                assertEquals("Too many WebSocket connections: at most 8 from one address "
                        + "(kalamdb.ws.max.connections.per.ip)", e.path("message").asText());
                assertEquals(1013, ninth.closeCode(5));
            }
            try (WsClient local = WsClient.connect(HTTP, bob)) {
                JsonNode m = local.next(5);
                assertEquals("auth_success", m.path("type").asText(), () -> "another address connects: " + m);
            }
            open.remove(0).close();
            JsonNode welcome = null;
            for (int attempt = 0; attempt < 20 && welcome == null; attempt++) {
                try (WsClient again = WsClient.connect(OTHER_ADDRESS, bob)) {
                    JsonNode m = again.next(5);
                    if (m.path("type").asText().equals("auth_success")) {
                        welcome = m;
                    } else {
                        Thread.sleep(100);
                    }
                }
            }
            assertNotNull(welcome, "a closed connection gives its slot back");
        } finally {
            open.forEach(WsClient::close);
        }
    }
}
