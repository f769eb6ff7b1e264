package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/ws} authentication both ways and its failures, ping, and protocol errors (DESIGN.md §6). */
class LiveSocketAuthIT {
    private static final KalamClient HTTP = new KalamClient();
    private static final String USER = "ws_" + Long.toString(System.nanoTime(), 36);
    private static String token;

    @BeforeAll
    static void user() {
        SqlApiIT.ok("CREATE USER '" + USER + "' WITH PASSWORD 'ws-secret-1'");
        KalamClient.Response login = HTTP.postJson("/v1/api/auth/login", Map.of("user", USER, "password", "ws-secret-1"));
        token = login.json().path("access_token").asText();
    }

    @Test
    void bearerHeaderOnTheUpgradeGetsAuthSuccessUnprompted() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, token)) {
            JsonNode m = ws.next(5);
            assertEquals("auth_success", m.path("type").asText(), m::toString);
            assertEquals(USER, m.path("user").asText());
            assertEquals("user", m.path("role").asText());
            assertEquals("json", m.path("protocol").path("serialization").asText());
        }
    }

    @Test
    void authenticateMessageWithAJwtGetsAuthSuccess() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, null)) {
            ws.send("{\"type\":\"authenticate\",\"method\":\"jwt\",\"token\":\"" + token
                    + "\",\"protocol\":{\"serialization\":\"json\",\"compression\":\"none\"}}");
            JsonNode m = ws.next(5);
            assertEquals("auth_success", m.path("type").asText(), m::toString);
            assertEquals(USER, m.path("user").asText());
            assertEquals("none", m.path("protocol").path("compression").asText());
        }
    }

    @Test
    void badTokenGetsAuthErrorAndClose() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, null)) {
            ws.send("{\"type\":\"authenticate\",\"method\":\"jwt\",\"token\":\"not-a-jwt\"}");
            JsonNode m = ws.next(5);
            assertEquals("auth_error", m.path("type").asText(), m::toString);
            assertTrue(m.path("message").asText().length() > 0);
            assertEquals(1008, ws.closeCode(5));
        }
    }

    @Test
    void badBearerHeaderGetsAuthErrorAndClose() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, "not-a-jwt")) {
            assertEquals("auth_error", ws.next(5).path("type").asText());
            assertEquals(1008, ws.closeCode(5));
        }
    }

    @Test
    void noAuthenticationWithinThreeSecondsIsRefused() throws Exception {
        long start = System.nanoTime();
        try (WsClient ws = WsClient.connect(HTTP, null)) {
            JsonNode m = ws.next(10);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertEquals("auth_error", m.path("type").asText(), m::toString);
            assertTrue(waited >= 2_500 && waited < 9_000, "refused after " + waited + " ms");
            assertEquals(1008, ws.closeCode(5));
        }
    }

    @Test
    void messagesBeforeAuthenticationAreRefusedButPingIsAnswered() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, null)) {
            ws.send("{\"type\":\"ping\"}");
            assertEquals("pong", ws.next(5).path("type").asText());
            ws.send("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"s1\",\"sql\":\"SELECT 1\"}}");
            JsonNode m = ws.next(5);
            assertEquals("error", m.path("type").asText(), m::toString);
            assertEquals("AUTH_REQUIRED", m.path("code").asText());
        }
    }

    @Test
    void malformedAndUnknownMessagesAreProtocolErrors() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, token)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            ws.send("{not json");
            assertEquals("PROTOCOL", ws.next(5).path("code").asText());
            ws.send("{\"type\":\"frobnicate\"}");
            JsonNode m = ws.next(5);
            assertEquals("PROTOCOL", m.path("code").asText(), m::toString);
        }
    }

    @Test
    void browsersFromOriginsOutsideTheAllowListAreRefusedAtTheHandshake() throws Exception {
        try (WsClient allowed = WsClient.connectFrom(HTTP, token, "http://app.example")) {
            assertEquals("auth_success", allowed.next(5).path("type").asText());
        }
        CompletionException refused = assertThrows(CompletionException.class,
                () -> WsClient.connectFrom(HTTP, token, "http://evil.example"));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException handshake
                && handshake.getResponse().statusCode() == 403, String.valueOf(refused.getCause()));
    }

    @Test
    void idleConnectionsAreClosedAfterTheConfiguredTimeout() throws Exception {
        try (WsClient ws = WsClient.connect(HTTP, token)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            Thread.sleep(4_000);
            ws.send("{\"type\":\"ping\"}");
            assertEquals("pong", ws.next(5).path("type").asText(), "open after 4 s of a 6 s idle timeout");
            long start = System.nanoTime();
            int code = ws.closeCode(20);
            double idleSeconds = (System.nanoTime() - start) / 1e9;
            assertTrue(idleSeconds > 5 && idleSeconds < 15, "closed after " + idleSeconds + " s idle");
            assertEquals(1001, code);
        }
    }

    @Test
    void aConnectionWhoseUserIsDroppedIsClosed() throws Exception {
        String name = "ws_dropped_" + Long.toString(System.nanoTime(), 36);
        SqlApiIT.ok("CREATE USER '" + name + "' WITH PASSWORD 'drop-me-1'");
        String dropToken = HTTP.postJson("/v1/api/auth/login", Map.of("user", name, "password", "drop-me-1")).json()
                .path("access_token").asText();
        try (WsClient ws = WsClient.connect(HTTP, dropToken)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            SqlApiIT.ok("DROP USER '" + name + "'");
            assertEquals("User no longer exists", authErrorThenClose(ws, 10));
        }
    }

    @Test
    void aConnectionWhoseTokenIsRevokedByLogoutIsClosed() throws Exception {
        String revokedToken = HTTP.postJson("/v1/api/auth/login", Map.of("user", USER, "password", "ws-secret-1"))
                .json().path("access_token").asText();
        try (WsClient ws = WsClient.connect(HTTP, revokedToken)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            assertEquals(200, HTTP.postJson("/v1/api/auth/logout", "", "Authorization", "Bearer " + revokedToken)
                    .status());
            assertEquals("Token revoked", authErrorThenClose(ws, 10));
        }
    }

    @Test
    void aConnectionWhoseTokenExpiresIsClosed() throws Exception {
        String shortLived = TokenForge.access(USER, "user", "kalamdb", "kalamdb", 3);
        long connected = System.nanoTime();
        try (WsClient ws = WsClient.connect(HTTP, shortLived)) {
            assertEquals("auth_success", ws.next(5).path("type").asText());
            String message = authErrorThenClose(ws, 15);
            assertTrue(message.contains("expired"), message);
            assertTrue(System.nanoTime() - connected >= 2_000_000_000L, "closed only once the token expired");
        }
    }

    /** @return the message of the {@code auth_error} that arrives within {@code seconds}, after checking the 1008 close */
    private static String authErrorThenClose(WsClient ws, int seconds) throws Exception {
        JsonNode m = ws.next(seconds);
        assertEquals("auth_error", m.path("type").asText(), m::toString);
        assertEquals(1008, ws.closeCode(10));
        return m.path("message").asText();
    }
}
