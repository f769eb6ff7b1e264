package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live queries over {@code /v1/ws} against the real server with the JDK WebSocket client: initial data
 * paged with {@code next_batch}, insert/update/delete notifications, user isolation, resume with
 * {@code from}, unsupported SQL and unknown subscriptions (DESIGN.md §6, docs/websocket-protocol.md).
 */
class LiveQueryIT {
    private static final KalamClient HTTP = new KalamClient();
    private static final String SUFFIX = Long.toString(System.nanoTime(), 36);
    private static final String NS = "live" + SUFFIX;
    private static final String ALICE = "alice_l" + SUFFIX;
    private static final String BOB = "bob_l" + SUFFIX;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void schemaAndUsers() {
        SqlApiIT.ok("CREATE NAMESPACE " + NS + "; CREATE USER TABLE " + NS
                + ".items (id BIGINT PRIMARY KEY, room TEXT, body TEXT)");
        SqlApiIT.ok("CREATE USER '" + ALICE + "' WITH PASSWORD 'alice-live-1'; CREATE USER '" + BOB
                + "' WITH PASSWORD 'bob-live-1'");
        alice = login(ALICE, "alice-live-1");
        bob = login(BOB, "bob-live-1");
    }

    private static String login(String user, String password) {
        return HTTP.postJson("/v1/api/auth/login", Map.of("user", user, "password", password)).json()
                .path("access_token").asText();
    }

    private static void sqlAs(String token, String sql) {
        KalamClient.Response r = HTTP.postJson("/v1/api/sql", Map.of("sql", sql), "Authorization", "Bearer " + token);
        assertEquals(200, r.status(), r::toString);
    }

    private static WsClient connected(String token) throws InterruptedException {
        WsClient ws = WsClient.connect(HTTP, token);
        assertEquals("auth_success", ws.next(5).path("type").asText());
        return ws;
    }

    private static void subscribe(WsClient ws, String id, String sql, String options) {
        ws.send("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"" + id + "\",\"sql\":\"" + sql
                + "\",\"options\":" + options + "}}");
    }

    @Test
    void initialDataIsPagedThenChangesArriveAsInsertUpdateDelete() throws Exception {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 2500; i++) {
            values.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'a', 'row ").append(i).append("')");
        }
        sqlAs(alice, "INSERT INTO " + NS + ".items VALUES " + values);
        try (WsClient ws = connected(alice)) {
            subscribe(ws, "s1", "SELECT id, body FROM " + NS + ".items WHERE room = 'a'", "{\"batch_size\":1000}");

            JsonNode ack = ws.next(10);
            assertEquals("subscription_ack", ack.path("type").asText(), ack::toString);
            assertEquals("s1", ack.path("subscription_id").asText());
            assertEquals(2500, ack.path("total_rows").asInt());
            assertEquals("loading", ack.path("batch_control").path("status").asText());
            assertEquals("[\"id\",\"body\"]", ack.path("schema").findValuesAsText("name").toString()
                    .replace(" ", "").replace("[", "[\"").replace("]", "\"]").replace(",", "\",\""));
            Set<String> ids = new HashSet<>();
            List<String> statuses = new ArrayList<>();
            JsonNode batch = ws.next(10);
            while (true) {
                assertEquals("initial_data_batch", batch.path("type").asText(), batch::toString);
                batch.path("rows").forEach(r -> ids.add(r.path("id").asText()));
                statuses.add(batch.path("batch_control").path("status").asText());
                if (!batch.path("batch_control").path("has_more").asBoolean()) {
                    break;
                }
                assertEquals(1000, batch.path("rows").size());
                ws.send("{\"type\":\"next_batch\",\"subscription_id\":\"s1\",\"last_seq_id\":\""
                        + batch.path("batch_control").path("last_seq_id").asText() + "\"}");
                batch = ws.next(10);
            }
            assertEquals(List.of("loading_batch", "loading_batch", "ready"), statuses);
            assertEquals(2500, ids.size());
            assertTrue(batch.path("batch_control").path("last_seq_id").isTextual(), batch::toString);
            JsonNode first = batch.path("rows").get(0);
            assertTrue(first.path("_seq").isTextual() && first.path("id").isTextual(), first::toString);

            sqlAs(alice, "INSERT INTO " + NS + ".items VALUES (5000, 'a', 'new')");
            JsonNode insert = ws.next(5);
            assertEquals("insert", insert.path("change_type").asText(), insert::toString);
            assertEquals("new", insert.path("rows").get(0).path("body").asText());

            sqlAs(alice, "UPDATE " + NS + ".items SET body = 'edited' WHERE id = 5000");
            JsonNode update = ws.next(5);
            assertEquals("update", update.path("change_type").asText(), update::toString);
            assertEquals("edited", update.path("rows").get(0).path("body").asText());
            assertEquals("new", update.path("old_values").get(0).path("body").asText());

            sqlAs(alice, "UPDATE " + NS + ".items SET room = 'b' WHERE id = 5000");
            JsonNode leave = ws.next(5);
            assertEquals("delete", leave.path("change_type").asText(), "leaving the WHERE is a delete: " + leave);

            sqlAs(alice, "DELETE FROM " + NS + ".items WHERE id = 1");
            JsonNode delete = ws.next(5);
            assertEquals("delete", delete.path("change_type").asText(), delete::toString);
            assertEquals("1", delete.path("old_values").get(0).path("id").asText());
        }
    }

    @Test
    void anotherUsersWritesAreNeverDelivered() throws Exception {
        try (WsClient ws = connected(alice)) {
            subscribe(ws, "iso", "SELECT id, body FROM " + NS + ".items WHERE room = 'iso'", "{}");
            assertEquals("subscription_ack", ws.next(5).path("type").asText());
            assertEquals("ready", ws.next(5).path("batch_control").path("status").asText());

            sqlAs(bob, "INSERT INTO " + NS + ".items VALUES (7001, 'iso', 'bob secret')");
            sqlAs(alice, "INSERT INTO " + NS + ".items VALUES (7002, 'iso', 'alice own')");

            JsonNode change = ws.next(5);
            assertEquals("alice own", change.path("rows").get(0).path("body").asText(), change::toString);
        }
    }

    @Test
    void resumingFromTheLastSeqDeliversExactlyTheMissedChanges() throws Exception {
        String mark;
        try (WsClient ws = connected(alice)) {
            subscribe(ws, "r1", "SELECT id, body FROM " + NS + ".items WHERE room = 'resume'", "{}");
            ws.next(5);
            mark = ws.next(5).path("batch_control").path("last_seq_id").asText();
        }
        sqlAs(alice, "INSERT INTO " + NS + ".items VALUES (8001, 'resume', 'missed 1'), (8002, 'resume', 'missed 2')");
        try (WsClient ws = connected(alice)) {
            subscribe(ws, "r2", "SELECT id, body FROM " + NS + ".items WHERE room = 'resume'",
                    "{\"from\":\"" + mark + "\"}");
            List<String> bodies = new ArrayList<>();
            while (bodies.size() < 2) {
                JsonNode m = ws.next(5);
                if (m.path("type").asText().equals("change")) {
                    bodies.add(m.path("rows").get(0).path("body").asText());
                }
            }
            assertEquals(List.of("missed 1", "missed 2"), bodies);
            sqlAs(alice, "INSERT INTO " + NS + ".items VALUES (8003, 'resume', 'live')");
            assertEquals("live", ws.next(5).path("rows").get(0).path("body").asText());
        }
    }

    @Test
    void unsupportedSqlAndUnknownSubscriptionsAreErrors() throws Exception {
        try (WsClient ws = connected(alice)) {
            subscribe(ws, "bad", "SELECT room, COUNT(*) FROM " + NS + ".items GROUP BY room", "{}");
            JsonNode error = ws.next(5);
            assertEquals("error", error.path("type").asText(), error::toString);
            assertEquals("UNSUPPORTED", error.path("code").asText());
            assertEquals("bad", error.path("subscription_id").asText());

            subscribe(ws, "nope", "SELECT * FROM " + NS + ".nope", "{}");
            assertEquals("NOT_FOUND", ws.next(5).path("code").asText());

            ws.send("{\"type\":\"unsubscribe\",\"subscription_id\":\"ghost\"}");
            JsonNode ghost = ws.next(5);
            assertEquals("NOT_FOUND", ghost.path("code").asText(), ghost::toString);
            assertFalse(ghost.path("message").asText().isEmpty());
        }
    }

    @Test
    void gzipClientsGetLargeMessagesAsCompressedBinaryFramesAndSmallOnesAsText() throws Exception {
        StringBuilder values = new StringBuilder();
        for (int i = 9001; i <= 9100; i++) {
            values.append(i == 9001 ? "" : ", ").append("(").append(i).append(", 'gz', 'compressible row ").append(i)
                    .append("')");
        }
        sqlAs(alice, "INSERT INTO " + NS + ".items VALUES " + values);
        try (WsClient ws = WsClient.connect(HTTP, null)) {
            ws.send("{\"type\":\"authenticate\",\"method\":\"jwt\",\"token\":\"" + alice
                    + "\",\"protocol\":{\"serialization\":\"json\",\"compression\":\"gzip\"}}");
            JsonNode ok = ws.next(5);
            assertEquals("gzip", ok.path("protocol").path("compression").asText(), ok::toString);
            assertEquals(0, ws.gzipFrames(), "auth_success is small: text");

            subscribe(ws, "big", "SELECT id, body FROM " + NS + ".items WHERE room = 'gz'", "{}");
            assertEquals("subscription_ack", ws.next(5).path("type").asText());
            JsonNode batch = ws.next(5);

            assertEquals(100, batch.path("rows").size(), batch::toString);
            assertTrue(ws.gzipFrames() >= 1, "a 100-row batch is well over 512 bytes: gzip binary frame");
        }
    }
}
