package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Users, login and tokens over HTTP; per-user isolation as seen by real clients with their own tokens. */
class AuthIT {
    private static final KalamClient CLIENT = new KalamClient();
    private static final String SUFFIX = Long.toString(System.nanoTime(), 36);
    private static final String NS = "auth" + SUFFIX;
    private static final String ALICE = "alice_" + SUFFIX;
    private static final String BOB = "bob_" + SUFFIX;

    @BeforeAll
    static void usersAndTable() {
        SqlApiIT.ok("CREATE NAMESPACE " + NS + "; CREATE USER TABLE " + NS + ".notes (id BIGINT PRIMARY KEY, body TEXT)");
        SqlApiIT.ok("CREATE USER '" + ALICE + "' WITH PASSWORD 'alice-secret-1' ROLE user EMAIL 'a@example.org'");
        SqlApiIT.ok("CREATE USER '" + BOB + "' WITH PASSWORD 'bob-secret-1'");
    }

    private static JsonNode login(String user, String password) {
        KalamClient.Response r = CLIENT.postJson("/v1/api/auth/login", Map.of("user", user, "password", password));
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static KalamClient.Response sqlAs(String token, String sql) {
        return CLIENT.postJson("/v1/api/sql", Map.of("sql", sql), "Authorization", "Bearer " + token);
    }

    @Test
    void loginReturnsTheUserAndTokensThatAuthenticateSqlAndMe() {
        JsonNode login = login(ALICE, "alice-secret-1");

        assertEquals(ALICE, login.path("user").path("id").asText());
        assertEquals("user", login.path("user").path("role").asText());
        assertEquals("a@example.org", login.path("user").path("email").asText());
        assertEquals("Bearer", login.path("token_type").asText());
        assertTrue(login.path("expires_at").asText().endsWith("Z"), login::toString);
        String token = login.path("access_token").asText();
        KalamClient.Response me = CLIENT.get("/v1/api/auth/me", "Authorization", "Bearer " + token);
        assertEquals(200, me.status(), me::toString);
        assertEquals(ALICE, me.json().path("id").asText());
        KalamClient.Response r = sqlAs(token, "SELECT CURRENT_USER() AS u");
        assertEquals(200, r.status(), r::toString);
        assertEquals(ALICE, r.json().path("results").get(0).path("rows").get(0).get(0).asText());
        assertEquals(ALICE, r.json().path("results").get(0).path("as_user").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserAre401() {
        KalamClient.Response r = CLIENT.postJson("/v1/api/auth/login", Map.of("user", ALICE, "password", "nope-nope"));
        assertEquals(401, r.status(), r::toString);
        assertEquals("AUTH_REQUIRED", r.json().path("error").path("code").asText());
        r = CLIENT.postJson("/v1/api/auth/login", Map.of("user", "ghost_" + SUFFIX, "password", "whatever1"));
        assertEquals(401, r.status(), r::toString);
    }

    @Test
    void refreshTokenGivesANewAccessTokenButIsNotOneItself() {
        JsonNode login = login(BOB, "bob-secret-1");
        String refresh = login.path("refresh_token").asText();

        KalamClient.Response r = CLIENT.postJson("/v1/api/auth/refresh", Map.of("refresh_token", refresh));

        assertEquals(200, r.status(), r::toString);
        assertEquals(200, sqlAs(r.json().path("access_token").asText(), "SELECT 1").status());
        assertEquals(401, sqlAs(refresh, "SELECT 1").status());
    }

    /** @return the {@code kalam_refresh} cookie a response sets: its value and attributes, in order */
    private static List<String> refreshCookie(KalamClient.Response r) {
        List<String> cookies = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("kalam_refresh=")).toList();
        assertEquals(1, cookies.size(), () -> r.headers().map().toString());
        return Arrays.stream(cookies.get(0).split(";")).map(String::strip).toList();
    }

    @Test
    void loginSetsTheRefreshTokenAsAStrictHttpOnlyCookieForTheAuthEndpointsOnly() {
        KalamClient.Response r = CLIENT.postJson("/v1/api/auth/login", Map.of("user", BOB, "password", "bob-secret-1"));
        assertEquals(200, r.status(), r::toString);

        List<String> cookie = refreshCookie(r);

        assertEquals("kalam_refresh=" + r.json().path("refresh_token").asText(), cookie.get(0));
        assertEquals("Path=/v1/api/auth", cookie.get(1));
        long maxAge = Long.parseLong(cookie.get(2).substring("Max-Age=".length()));
        assertTrue(maxAge > 604_700 && maxAge <= 604_800, cookie::toString);
        assertEquals(List.of("HttpOnly", "SameSite=Strict"), cookie.subList(3, cookie.size()),
                "no Secure over plain HTTP");
    }

    @Test
    void refreshWithTheCookieRotatesTheRefreshTokenAndAUsedOneIsRefused() {
        String cookie = refreshCookie(CLIENT.postJson("/v1/api/auth/login",
                Map.of("user", BOB, "password", "bob-secret-1"))).get(0);

        KalamClient.Response renewed = CLIENT.postJson("/v1/api/auth/refresh", "", "Cookie", cookie);

        assertEquals(200, renewed.status(), renewed::toString);
        String newCookie = refreshCookie(renewed).get(0);
        assertEquals("kalam_refresh=" + renewed.json().path("refresh_token").asText(), newCookie);
        assertNotEquals(cookie, newCookie);
        assertEquals(200, sqlAs(renewed.json().path("access_token").asText(), "SELECT 1").status());
        KalamClient.Response reused = CLIENT.postJson("/v1/api/auth/refresh", "", "Cookie", cookie);
        assertEquals(401, reused.status(), reused::toString);
        assertEquals("Token revoked", reused.json().path("error").path("message").asText());
        assertEquals(200, CLIENT.postJson("/v1/api/auth/refresh", "", "Cookie", newCookie).status());
    }

    @Test
    void afterLogoutTheAccessAndRefreshTokensAreRefused() {
        JsonNode login = login(ALICE, "alice-secret-1");
        String access = login.path("access_token").asText();
        String refresh = login.path("refresh_token").asText();
        assertEquals(200, sqlAs(access, "SELECT 1").status());

        KalamClient.Response out = CLIENT.postJson("/v1/api/auth/logout", Map.of("refresh_token", refresh),
                "Authorization", "Bearer " + access);

        assertEquals(200, out.status(), out::toString);
        assertEquals("{\"message\":\"Logged out successfully\"}", out.text());
        assertEquals(List.of("kalam_refresh=", "Path=/v1/api/auth", "Max-Age=0", "HttpOnly", "SameSite=Strict"),
                refreshCookie(out));
        KalamClient.Response sql = sqlAs(access, "SELECT 1");
        assertEquals(401, sql.status(), sql::toString);
        assertEquals("AUTH_REQUIRED", sql.json().path("error").path("code").asText());
        assertEquals("Token revoked", sql.json().path("error").path("message").asText());
        assertEquals(401, CLIENT.get("/v1/api/auth/me", "Authorization", "Bearer " + access).status());
        assertEquals(401, CLIENT.postJson("/v1/api/auth/refresh", Map.of("refresh_token", refresh)).status());
        assertEquals(401, CLIENT.postJson("/v1/api/auth/logout", "", "Authorization", "Bearer " + access).status());
        assertEquals(200, sqlAs(login(ALICE, "alice-secret-1").path("access_token").asText(), "SELECT 1").status(),
                "a new login works");
    }

    @Test
    void logoutWithTheCookieAloneRevokesTheRefreshToken() {
        KalamClient.Response login = CLIENT.postJson("/v1/api/auth/login", Map.of("user", BOB, "password", "bob-secret-1"));
        String cookie = refreshCookie(login).get(0);

        KalamClient.Response out = CLIENT.postJson("/v1/api/auth/logout", "", "Cookie", cookie);

        assertEquals(200, out.status(), out::toString);
        assertEquals(401, CLIENT.postJson("/v1/api/auth/refresh", "", "Cookie", cookie).status());
        KalamClient.Response none = CLIENT.postJson("/v1/api/auth/logout", "");
        assertEquals(401, none.status(), none::toString);
        assertEquals("Logout needs an access token or a refresh token", none.json().path("error").path("message").asText());
    }

    @Test
    void eachUserSeesOnlyTheirOwnRowsOfAUserTable() {
        String alice = login(ALICE, "alice-secret-1").path("access_token").asText();
        String bob = login(BOB, "bob-secret-1").path("access_token").asText();

        assertEquals(200, sqlAs(alice, "INSERT INTO " + NS + ".notes VALUES (1, 'alice note')").status());
        assertEquals(200, sqlAs(bob, "INSERT INTO " + NS + ".notes VALUES (1, 'bob note'), (2, 'bob again')").status());

        assertEquals("[[\"1\",\"alice note\"]]", sqlAs(alice, "SELECT * FROM " + NS + ".notes ORDER BY id")
                .json().path("results").get(0).path("rows").toString());
        assertEquals("[[\"2\"]]", sqlAs(bob, "SELECT COUNT(*) FROM " + NS + ".notes")
                .json().path("results").get(0).path("rows").toString());
        assertEquals("[]", sqlAs(alice, "SELECT * FROM " + NS + ".notes WHERE id = 2")
                .json().path("results").get(0).path("rows").toString());
    }

    @Test
    void userRoleCannotRunDdlOrCreateUsers() {
        String alice = login(ALICE, "alice-secret-1").path("access_token").asText();

        KalamClient.Response ddl = sqlAs(alice, "CREATE NAMESPACE evil_" + SUFFIX);
        KalamClient.Response user = sqlAs(alice, "CREATE USER 'x_" + SUFFIX + "' WITH PASSWORD 'password-1'");

        assertEquals(403, ddl.status(), ddl::toString);
        assertEquals("PERMISSION_DENIED", ddl.json().path("error").path("code").asText());
        assertEquals(403, user.status(), user::toString);
        assertEquals(403, sqlAs(alice, "SELECT * FROM system.users").status());
    }

    @Test
    void droppedUsersTokensStopWorkingAtOnce() {
        String name = "carol_" + SUFFIX;
        SqlApiIT.ok("CREATE USER '" + name + "' WITH PASSWORD 'carol-secret-1'");
        String token = login(name, "carol-secret-1").path("access_token").asText();
        assertEquals(200, sqlAs(token, "SELECT 1").status());

        SqlApiIT.ok("DROP USER '" + name + "'");

        assertEquals(401, sqlAs(token, "SELECT 1").status());
        KalamClient.Response r = CLIENT.postJson("/v1/api/auth/login", Map.of("user", name, "password", "carol-secret-1"));
        assertEquals(401, r.status(), r::toString);
        JsonNode users = SqlApiIT.ok("SELECT deleted_at FROM system.users WHERE user_id = '" + name + "'")
                .path("results").get(0).path("rows");
        assertFalse(users.get(0).get(0).isNull(), users::toString);
    }
}
