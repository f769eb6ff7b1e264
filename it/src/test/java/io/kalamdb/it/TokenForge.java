package io.kalamdb.it;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens with the IT server's configured secret ({@code kalamdb.auth.jwt.secret} in it/pom.xml), so
 * tests can present tokens the server's own key signed but whose claims are wrong or about to expire.
 */
final class TokenForge {
    /** The IT server's signing secret. */
    static final String SECRET = "it-only-secret-0123456789abcdef0123456789";

    private TokenForge() {
    }

    /**
     * @param user          {@code sub} and {@code username}
     * @param role          {@code role}
     * @param issuer        {@code iss} (the server's is {@code kalamdb})
     * @param audience      {@code aud} (the server's is {@code kalamdb})
     * @param expiresInSecs {@code exp} relative to now, seconds (negative: already expired)
     * @return the compact JWT, HS256, header {@code typ: JWT}, {@code token_type: access}
     */
    static String access(String user, String role, String issuer, String audience, long expiresInSecs) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(user);
        claims.setStringClaim("username", user);
        claims.setStringClaim("role", role);
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(now, now + expiresInSecs - 1)));
        claims.setExpirationTime(NumericDate.fromSeconds(now + expiresInSecs));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringClaim("token_type", "access");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));
        jws.setPayload(claims.toJson());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a valid access token of the user for an hour, as the server itself would sign it */
    static String access(String user, String role) {
        return access(user, role, "kalamdb", "kalamdb", 3600);
    }
}
