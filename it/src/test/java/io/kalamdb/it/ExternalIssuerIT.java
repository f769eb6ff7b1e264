package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access tokens of an external identity provider against the real server: the test is the provider, serving its
 * key set (RFC 7517) on {@code kalamdb.it.jwks.port}, where the IT server's {@code kalamdb.auth.external.it.*}
 * settings (it/pom.xml) point.
 */
class ExternalIssuerIT {
    private static final String ISSUER = "https://idp.it.example";
    private static final KalamClient CLIENT = new KalamClient();
    private static final String USER = "ext_" + Long.toString(System.nanoTime(), 36);
    private static RsaJsonWebKey key;
    private static HttpServer jwks;

    @BeforeAll
    static void identityProvider() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("it-1");
        byte[] body = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .getBytes(StandardCharsets.UTF_8);
        int port = Integer.parseInt(System.getProperty("kalamdb.it.jwks.port", "18180"));
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        SqlApiIT.ok("CREATE USER '" + USER + "' WITH PASSWORD 'Secret-pass-1' ROLE user");
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    private static String token(String algorithm, Key signingKey) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience("kalamdb");
        claims.setSubject("opaque-id-42");
        claims.setStringClaim("preferred_username", USER);
        claims.setStringClaim("role", "dba");
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue("it-1");
        jws.setHeader("typ", "JWT");
        jws.setKey(signingKey);
        jws.setDoKeyValidation(false);
        jws.setPayload(claims.toJson());
        return jws.getCompactSerialization();
    }

    private static KalamClient.Response sql(String token, String sql) {
        return CLIENT.postJson("/v1/api/sql", Map.of("sql", sql), "Authorization", "Bearer " + token);
    }

    @Test
    void aTokenOfTheTrustedIssuerActsAsTheNamedUserWithThatUsersRole() throws Exception {
        String token = token(AlgorithmIdentifiers.RSA_USING_SHA256, key.getPrivateKey());

        KalamClient.Response me = sql(token, "SELECT CURRENT_USER() AS u");
        assertEquals(200, me.status(), me::toString);
        assertEquals(USER, me.json().path("results").get(0).path("rows").get(0).get(0).asText());
        KalamClient.Response ddl = sql(token, "CREATE NAMESPACE ext_" + Long.toString(System.nanoTime(), 36));
        assertEquals(403, ddl.status(), "the token's role claim says dba, the user record says user: " + ddl);
    }

    @Test
    void hs256ClaimingTheIssuerAndAForeignKeyAreRefused() throws Exception {
        byte[] publicKeyAsSecret = key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .getBytes(StandardCharsets.UTF_8);
        KalamClient.Response confused = sql(token(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(publicKeyAsSecret)),
                "SELECT 1");
        assertEquals(401, confused.status(), confused::toString);
        assertEquals("Token algorithm must be RS256 or ES256", confused.json().path("error").path("message").asText());

        KalamClient.Response foreign = sql(token(AlgorithmIdentifiers.RSA_USING_SHA256,
                RsaJwkGenerator.generateJwk(2048).getPrivateKey()), "SELECT 1");
        assertEquals(401, foreign.status(), foreign::toString);
        assertEquals("Invalid token signature", foreign.json().path("error").path("message").asText());
    }

    @Test
    void logoutRevokesAnExternalToken() throws Exception {
        String token = token(AlgorithmIdentifiers.RSA_USING_SHA256, key.getPrivateKey());
        assertEquals(200, sql(token, "SELECT 1").status());

        assertEquals(200, CLIENT.postJson("/v1/api/auth/logout", "", "Authorization", "Bearer " + token).status());

        KalamClient.Response after = sql(token, "SELECT 1");
        assertEquals(401, after.status(), after::toString);
        assertEquals("Token revoked", after.json().path("error").path("message").asText());
    }
}
