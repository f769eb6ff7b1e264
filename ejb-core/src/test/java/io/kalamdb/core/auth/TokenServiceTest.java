package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TokenServiceTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    private static final Duration REFRESH_TTL = Duration.ofDays(7);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final UserId ALICE = new UserId("u_alice");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenService tokens = service(SECRET, "kalamdb", NOW);

    private static TokenService service(byte[] secret, String issuer, Instant now) {
        return new TokenService(secret, issuer, ACCESS_TTL, REFRESH_TTL, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void accessTokenRoundTrips() {
        IssuedToken issued = tokens.issueAccess(ALICE, "alice", Role.SERVICE);
        VerifiedToken verified = tokens.verify(issued.token(), TokenService.ACCESS);

        assertEquals(NOW.plus(ACCESS_TTL), issued.expiresAt());
        assertEquals(new VerifiedToken(ALICE, "alice", Role.SERVICE, NOW.plus(ACCESS_TTL), jti(issued.token())),
                verified);
        assertEquals(36, verified.tokenId().length());
        assertEquals(issued.tokenId(), verified.tokenId());
    }

    @Test
    void refreshTokenRoundTripsWithItsOwnLifetime() {
        IssuedToken issued = tokens.issueRefresh(ALICE, "alice", Role.USER);
        VerifiedToken verified = tokens.verify(issued.token(), TokenService.REFRESH);

        assertEquals(NOW.plus(REFRESH_TTL), issued.expiresAt());
        assertEquals(new VerifiedToken(ALICE, "alice", Role.USER, NOW.plus(REFRESH_TTL), jti(issued.token())),
                verified);
    }

    @Test
    void tokenCarriesTheDocumentedHeaderAndClaims() throws Exception {
        String token = tokens.issueAccess(ALICE, "alice", Role.DBA).token();
        JsonNode header = part(token, 0);
        JsonNode claims = part(token, 1);

        assertEquals("HS256", header.get("alg").asText());
        assertEquals("JWT", header.get("typ").asText());
        assertEquals("u_alice", claims.get("sub").asText());
        assertEquals("alice", claims.get("username").asText());
        assertEquals("dba", claims.get("role").asText());
        assertEquals("kalamdb", claims.get("iss").asText());
        assertEquals("kalamdb", claims.get("aud").asText());
        assertEquals(NOW.getEpochSecond(), claims.get("iat").asLong());
        assertEquals(NOW.plus(ACCESS_TTL).getEpochSecond(), claims.get("exp").asLong());
        assertEquals("access", claims.get("token_type").asText());
        assertEquals(36, claims.get("jti").asText().length());
        String otherJti = part(tokens.issueAccess(ALICE, "alice", Role.DBA).token(), 1).get("jti").asText();
        assertNotEquals(claims.get("jti").asText(), otherJti);
    }

    @Test
    void expiredTokenIsRejectedAfterTheClockSkew() {
        String token = tokens.issueAccess(ALICE, "alice", Role.USER).token();
        Instant expiry = NOW.plus(ACCESS_TTL);

        TokenService withinSkew = service(SECRET, "kalamdb", expiry.plusSeconds(29));
        assertEquals(ALICE, withinSkew.verify(token, TokenService.ACCESS).userId());

        TokenService afterSkew = service(SECRET, "kalamdb", expiry.plusSeconds(31));
        assertRejected("Token expired", () -> afterSkew.verify(token, TokenService.ACCESS));
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        String token = service(TokenService.newSecret(), "kalamdb", NOW).issueAccess(ALICE, "alice", Role.USER).token();
        assertRejected("Invalid token signature", () -> tokens.verify(token, TokenService.ACCESS));
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        String[] parts = tokens.issueAccess(ALICE, "alice", Role.USER).token().split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("role", "dba");
        String forged = parts[0] + "." + base64Url(JSON.writeValueAsString(claims)) + "." + parts[2];

        assertRejected("Invalid token signature", () -> tokens.verify(forged, TokenService.ACCESS));
    }

    @Test
    void unsecuredAlgNoneTokenIsRejected() throws Exception {
        String payload = tokens.issueAccess(ALICE, "alice", Role.DBA).token().split("\\.")[1];
        String none = base64Url("{\"alg\":\"none\"}") + "." + payload + ".";
        String noneWithTyp = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";

        assertRejected("Token algorithm must be HS256", () -> tokens.verify(none, TokenService.ACCESS));
        assertRejected("Token algorithm must be HS256", () -> tokens.verify(noneWithTyp, TokenService.ACCESS));
    }

    @Test
    void hs512WithTheSameSecretIsRejected() throws Exception {
        String token = sign(AlgorithmIdentifiers.HMAC_SHA512, new HmacKey(SECRET), "JWT", validClaims());
        assertRejected("Token algorithm must be HS256", () -> tokens.verify(token, TokenService.ACCESS));
    }

    @Test
    void rs256IsRejected() throws Exception {
        RsaJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
        String token = sign(AlgorithmIdentifiers.RSA_USING_SHA256, rsa.getPrivateKey(), "JWT", validClaims());
        assertRejected("Token algorithm must be HS256", () -> tokens.verify(token, TokenService.ACCESS));
    }

    @Test
    void hs256WithOurSecretIsAcceptedWhenCraftedByHand() throws Exception {
        String token = sign(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(SECRET), "JWT", validClaims());
        assertEquals(Role.DBA, tokens.verify(token, TokenService.ACCESS).role());
    }

    @Test
    void wrongIssuerIsRejected() {
        String token = service(SECRET, "someone-else", NOW).issueAccess(ALICE, "alice", Role.USER).token();
        assertRejected("Wrong token issuer", () -> tokens.verify(token, TokenService.ACCESS));
    }

    @Test
    void wrongAudienceIsRejected() throws Exception {
        JwtClaims claims = validClaims();
        claims.setAudience("another-service");
        String token = sign(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(SECRET), "JWT", claims);
        assertRejected("Wrong token audience", () -> tokens.verify(token, TokenService.ACCESS));
    }

    @Test
    void typHeaderOtherThanJwtIsRejected() throws Exception {
        String token = sign(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(SECRET), "at+jwt", validClaims());
        assertRejected("Token typ header must be JWT", () -> tokens.verify(token, TokenService.ACCESS));
        String untyped = sign(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(SECRET), null, validClaims());
        assertRejected("Token typ header must be JWT", () -> tokens.verify(untyped, TokenService.ACCESS));
    }

    @Test
    void tokenWithoutExpiryIsRejected() throws Exception {
        JwtClaims claims = validClaims();
        claims.unsetClaim("exp");
        String token = sign(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(SECRET), "JWT", claims);
        assertRejected("Invalid token", () -> tokens.verify(token, TokenService.ACCESS));
    }

    @Test
    void refreshTokenIsNotAnAccessTokenAndViceVersa() {
        String refresh = tokens.issueRefresh(ALICE, "alice", Role.USER).token();
        String access = tokens.issueAccess(ALICE, "alice", Role.USER).token();

        assertRejected("Wrong token type: expected access token", () -> tokens.verify(refresh, TokenService.ACCESS));
        assertRejected("Wrong token type: expected refresh token", () -> tokens.verify(access, TokenService.REFRESH));
    }

    @Test
    void unknownRoleIsRejected() throws Exception {
        JwtClaims claims = validClaims();
        claims.setStringClaim("role", "superuser");
        String token = sign(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(SECRET), "JWT", claims);
        assertRejected("Unknown role in token", () -> tokens.verify(token, TokenService.ACCESS));
    }

    @Test
    void garbageIsRejected() {
        assertRejected("Invalid token", () -> tokens.verify("not.a.jwt", TokenService.ACCESS));
        assertRejected("Invalid token", () -> tokens.verify("", TokenService.ACCESS));
    }

    @Test
    void constructorRefusesShortSecretsAndLifetimes() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThrows(IllegalArgumentException.class,
                () -> new TokenService(new byte[31], "kalamdb", ACCESS_TTL, REFRESH_TTL, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenService(SECRET, " ", ACCESS_TTL, REFRESH_TTL, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenService(SECRET, "kalamdb", Duration.ZERO, REFRESH_TTL, clock));
        assertThrows(IllegalArgumentException.class, () -> tokens.verify("x", "id"));
    }

    @Test
    void newSecretIsThirtyTwoRandomBytes() {
        byte[] first = TokenService.newSecret();
        byte[] second = TokenService.newSecret();
        assertEquals(32, first.length);
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void issuedTokenToStringHidesTheToken() {
        IssuedToken issued = tokens.issueAccess(ALICE, "alice", Role.USER);
        assertEquals("IssuedToken[expiresAt=2025-06-01T12:15:00Z]", issued.toString());
    }

    private static void assertRejected(String reason, Executable call) {
        KalamException error = assertThrows(KalamException.class, call);
        assertEquals(ErrorCode.AUTH_REQUIRED, error.code());
        assertEquals(reason, error.getMessage());
        assertFalse(error.getMessage().contains("\n") || error.getMessage().contains("Exception"),
                "short reason only");
    }

    private static String jti(String token) {
        try {
            return part(token, 1).get("jti").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode part(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    private static JwtClaims validClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("u_alice");
        claims.setStringClaim("username", "alice");
        claims.setStringClaim("role", "dba");
        claims.setIssuer("kalamdb");
        claims.setAudience("kalamdb");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.plusSeconds(60).getEpochSecond()));
        claims.setJwtId("jti-1");
        claims.setStringClaim("token_type", "access");
        return claims;
    }

    private static String sign(String algorithm, Key key, String typ, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(algorithm);
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        jws.setPayload(claims.toJson());
        return jws.getCompactSerialization();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
