package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access tokens of external issuers (JWKS, RFC 7517) on a real engine: a local RSA and EC key pair stand for the
 * identity provider, whose public keys are served from a file (and, in one test, over loopback HTTP).
 */
class ExternalTokenVerifierTest {
    private static final String IDP = "https://id.example.com/realms/app";
    private static final String OTHER_IDP = "https://login.example.net";
    private static final String PASSWORD = "Secret-pass-1";
    private static RsaJsonWebKey rsa;
    private static EllipticCurveJsonWebKey ec;

    @TempDir
    Path dir;
    EngineFixture db;

    @BeforeAll
    static void keys() throws Exception {
        rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setKeyId("rsa-1");
        ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec-1");
    }

    private static String publicJwks() {
        return new JsonWebKeySet(rsa, ec).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @BeforeEach
    void setUp() throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), publicJwks());
        db = open(List.of(new ExternalIssuer("corp", IDP, jwks.toUri(), "kalamdb", "sub"),
                new ExternalIssuer("partner", OTHER_IDP, jwks.toUri(), "partner-api", "preferred_username")));
        db.run(EngineFixture.root(), "CREATE USER 'alice' WITH PASSWORD '" + PASSWORD + "'");
        db.run(EngineFixture.root(), "CREATE USER 'ops' WITH PASSWORD '" + PASSWORD + "' ROLE dba");
    }

    private EngineFixture open(List<ExternalIssuer> issuers) {
        return new EngineFixture(dir.resolve("db"), new TokenSettings(Duration.ofHours(1), Duration.ofDays(1), null,
                issuers));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AuthService auth() {
        return db.engine().auth();
    }

    private static JwtClaims claims(String issuer, String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("kalamdb");
        claims.setSubject(subject);
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plusSeconds(300).getEpochSecond()));
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        claims.setStringClaim("role", "system");
        return claims;
    }

    private static String sign(JwtClaims claims, String algorithm, Key key, String kid, String typ) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        jws.setPayload(claims.toJson());
        return jws.getCompactSerialization();
    }

    private static String rs256(JwtClaims claims) throws Exception {
        return sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, rsa.getPrivateKey(), "rsa-1", "JWT");
    }

    @Test
    void rs256TokenOfATrustedIssuerAuthenticatesItsUserWithTheRoleOfTheUserRecord() throws Exception {
        JwtClaims claims = claims(IDP, "alice");
        AuthService.Authenticated authenticated = auth().authenticateUntilExpiry(rs256(claims));

        assertEquals("alice", authenticated.user().id().value());
        assertEquals(Role.USER, authenticated.user().role(), "the token's role claim is ignored");
        assertEquals(Instant.ofEpochSecond(claims.getExpirationTime().getValue()), authenticated.expiresAt());
        assertEquals(claims.getJwtId(), authenticated.tokenId());
        assertEquals(Role.DBA, auth().authenticate(rs256(claims(IDP, "ops"))).role());
    }

    @Test
    void es256AndTheAtJwtTypeAndAnAbsentTypAreAccepted() throws Exception {
        String es256 = sign(claims(IDP, "alice"), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                ec.getPrivateKey(), "ec-1", "at+jwt");
        String untyped = sign(claims(IDP, "alice"), AlgorithmIdentifiers.RSA_USING_SHA256, rsa.getPrivateKey(),
                "rsa-1", null);

        assertEquals("alice", auth().authenticate(es256).id().value());
        assertEquals("alice", auth().authenticate(untyped).id().value());
    }

    @Test
    void theUserClaimAndAudienceArePerIssuer() throws Exception {
        JwtClaims claims = claims(OTHER_IDP, "8d0c-opaque-subject");
        claims.setAudience("partner-api");
        claims.setStringClaim("preferred_username", "ops");

        assertEquals("ops", auth().authenticate(rs256(claims)).id().value());
        JwtClaims kalamAudience = claims(OTHER_IDP, "ops");
        kalamAudience.setStringClaim("preferred_username", "ops");
        assertRejected("Wrong token audience", () -> auth().authenticate(rs256(kalamAudience)));
        JwtClaims noUsername = claims(OTHER_IDP, "ops");
        noUsername.setAudience("partner-api");
        assertRejected("Token lacks the preferred_username claim", () -> auth().authenticate(rs256(noUsername)));
    }

    @Test
    void aTokenOfAnUnconfiguredIssuerIsRejected() throws Exception {
        assertRejected("Token algorithm must be HS256",
                () -> auth().authenticate(rs256(claims("https://evil.example", "alice"))));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        String sameKid = sign(claims(IDP, "alice"), AlgorithmIdentifiers.RSA_USING_SHA256, stranger.getPrivateKey(),
                "rsa-1", "JWT");
        String unknownKid = sign(claims(IDP, "alice"), AlgorithmIdentifiers.RSA_USING_SHA256,
                stranger.getPrivateKey(), "rsa-2", "JWT");

        assertRejected("Invalid token signature", () -> auth().authenticate(sameKid));
        assertRejected("Invalid token", () -> auth().authenticate(unknownKid));
    }

    @Test
    void hs256OrNoneClaimingTheExternalIssuerIsRejected() throws Exception {
        byte[] publicKeyAsSecret = rsa.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .getBytes(StandardCharsets.UTF_8);
        String confused = sign(claims(IDP, "alice"), AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(publicKeyAsSecret),
                "rsa-1", "JWT");
        String[] parts = rs256(claims(IDP, "alice")).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";

        assertRejected("Token algorithm must be RS256 or ES256", () -> auth().authenticate(confused));
        assertRejected("Token algorithm must be RS256 or ES256", () -> auth().authenticate(none));
    }

    @Test
    void missingOrPastExpiryIsRejected() throws Exception {
        JwtClaims noExp = claims(IDP, "alice");
        noExp.unsetClaim("exp");
        JwtClaims expired = claims(IDP, "alice");
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(120).getEpochSecond()));

        assertRejected("Invalid token", () -> auth().authenticate(rs256(noExp)));
        assertRejected("Token expired", () -> auth().authenticate(rs256(expired)));
    }

    @Test
    void aForeignTypIsRejected() throws Exception {
        String token = sign(claims(IDP, "alice"), AlgorithmIdentifiers.RSA_USING_SHA256, rsa.getPrivateKey(),
                "rsa-1", "secevent+jwt");
        assertRejected("Token typ header must be JWT or at+jwt", () -> auth().authenticate(token));
    }

    @Test
    void theSubjectMustBeAnActiveKalamDbUser() throws Exception {
        assertRejected("Token names no KalamDB user", () -> auth().authenticate(rs256(claims(IDP, "mallory"))));
        String alice = rs256(claims(IDP, "alice"));
        db.run(EngineFixture.root(), "DROP USER 'alice'");
        assertRejected("Token names no KalamDB user", () -> auth().authenticate(alice));
    }

    @Test
    void anExternalTokenWithAJtiIsRevokedByLogout() throws Exception {
        String token = rs256(claims(IDP, "alice"));
        auth().logout(token, null, null);
        assertRejected("Token revoked", () -> auth().authenticate(token));
    }

    @Test
    void withNoIssuersConfiguredExternalTokensAreRejected() throws Exception {
        db.close();
        db = open(List.of());
        String token = rs256(claims(IDP, "alice"));
        assertRejected("Token algorithm must be HS256", () -> auth().authenticate(token));
    }

    @Test
    void theKeySetIsFetchedOverLoopbackHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            byte[] body = publicJwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI jwks = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
            db.close();
            db = open(List.of(new ExternalIssuer("corp", IDP, jwks, "kalamdb", "sub")));
            assertEquals("alice", auth().authenticate(rs256(claims(IDP, "alice"))).id().value());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aKeySetServerThatNeverAnswersRefusesTheTokenAtTheTimeoutInsteadOfHanging() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI jwks = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/jwks");
            ExternalTokenVerifier verifier = new ExternalTokenVerifier(List.of(new ExternalIssuer("corp", IDP, jwks,
                    "kalamdb", "sub")), new UserRepository(db.engine().store()), Clock.systemUTC(), 300);
            String token = rs256(claims(IDP, "alice"));
            long start = System.nanoTime();
            KalamException e = assertThrows(KalamException.class, () -> verifier.verifyIfExternal(token));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ErrorCode.AUTH_REQUIRED, e.code(), e::getMessage);
            assertTrue(millis < 5_000, "refused after " + millis + " ms, not at jose4j's 20 s default");
        }
    }

    @Test
    void keySetLocationsMustBeHttpsFileOrLoopbackHttp() {
        IllegalArgumentException plainHttp = assertThrows(IllegalArgumentException.class, () -> new ExternalIssuer(
                "corp", IDP, URI.create("http://id.example.com/jwks"), "kalamdb", "sub"));
        assertTrue(plainHttp.getMessage().contains("must be an https or file URL"), plainHttp::getMessage);
        assertThrows(IllegalArgumentException.class, () -> new ExternalIssuer("corp", "kalamdb",
                URI.create("https://id.example.com/jwks"), "kalamdb", "sub"));
        ExternalIssuer unreadable = new ExternalIssuer("corp", IDP, dir.resolve("nope.json").toUri(), "kalamdb", "sub");
        UserRepository users = new UserRepository(db.engine().store());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new ExternalTokenVerifier(List.of(unreadable), users, Clock.systemUTC()));
        assertTrue(missing.getMessage().startsWith("External issuer 'corp': cannot read the JWKS at file:"),
                missing::getMessage);
    }

    private static void assertRejected(String reason, Executable call) {
        KalamException e = assertThrows(KalamException.class, call);
        assertEquals(ErrorCode.AUTH_REQUIRED, e.code());
        assertEquals(reason, e.getMessage());
    }
}
